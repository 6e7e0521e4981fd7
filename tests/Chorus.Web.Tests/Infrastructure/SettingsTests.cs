using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>An app whose content root holds no appsettings.json, as when it is started from another working directory.</summary>
public sealed class NoAppSettingsApp : EmptyChorusFactory
{
    private readonly string _root = Directory.CreateTempSubdirectory("chorus-root-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseContentRoot(_root);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>Settings have working defaults in code, and a wrong one stops the start with a message naming it.</summary>
public sealed class SettingsTests(NoAppSettingsApp app) : IClassFixture<NoAppSettingsApp>
{
    [Fact]
    public async Task Without_appsettings_json_the_site_serves_its_six_languages()
    {
        var (response, html) = await app.GetHtml("/fr/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fr", html.DocumentElement.GetAttribute("lang"));
        var (arabic, page) = await app.GetHtml("/ar/");
        Assert.Equal(HttpStatusCode.OK, arabic.StatusCode);
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
    }

    private sealed class BadSettingsApp(params (string Key, string Value)[] settings) : EmptyChorusFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings => settings.Select(s => KeyValuePair.Create(s.Key, s.Value));

        // The settings are checked before the database is touched, so this app gets none.
        protected override bool NeedsDatabase => false;
    }

    private static string Messages(Exception e) => e switch
    {
        AggregateException a => string.Join('\n', a.InnerExceptions.Select(Messages)),
        _ => e.Message + (e.InnerException is null ? "" : "\n" + Messages(e.InnerException)),
    };

    [Theory]
    [InlineData("Accounts:MaxFailedSignIns", "0")]
    [InlineData("Email:SmtpSecurity", "Sometimes")]
    [InlineData("MachineTranslation:Providers:0:Url", "not an address")]
    [InlineData("Site:Cultures:0", "klingon-of-mars")]
    [InlineData("Site:TimeZone", "Mars/Olympus_Mons")]
    [InlineData("Site:PublicOrigin", "")]
    [InlineData("Site:PublicOrigin", "https://coalition.example/news?x=1")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    [InlineData("Accounts:RequireTwoFactorForRoles:0", "Emperor")]
    public async Task A_wrong_setting_stops_the_start_with_a_message_that_names_it(string key, string value)
    {
        await using var bad = new BadSettingsApp((key, value));

        var error = await Assert.ThrowsAnyAsync<Exception>(bad.StartAsync);

        Assert.Contains(key.Split(':')[0] + ":" + key.Split(':')[1], Messages(error), StringComparison.Ordinal);
    }
}
