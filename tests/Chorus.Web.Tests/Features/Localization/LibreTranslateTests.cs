using System.Text.Json;
using Chorus.Web.Features.Localization.Machine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>
/// The app wired to a LibreTranslate-compatible server: a stand-in on 127.0.0.1 that answers as
/// LibreTranslate's API does and records what it was sent.
/// </summary>
public sealed class LibreTranslateApp : ChorusFactory
{
    private readonly WebApplication _server;

    public List<Dictionary<string, string>> Received { get; } = [];

    public LibreTranslateApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/translate", async (HttpContext http) =>
        {
            var request = (await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(http.Request.Body))!;
            lock (Received)
            {
                Received.Add(request);
            }
            return request.GetValueOrDefault("api_key") == "secret"
                ? Results.Json(new { translatedText = request["q"].Replace("Hello", "Привет", StringComparison.Ordinal) })
                : Results.Json(new { error = "Invalid API key" }, statusCode: 403);
        });
        _server.StartAsync().GetAwaiter().GetResult();
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("MachineTranslation:Providers:0:Kind", "libretranslate"),
        new("MachineTranslation:Providers:0:Url", _server.Urls.First()),
        new("MachineTranslation:Providers:0:ApiKey", "secret"),
        new("MachineTranslation:Providers:0:Pairs:0", "en-ru"),
    ];

    public override async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class LibreTranslateTests(LibreTranslateApp app) : IClassFixture<LibreTranslateApp>
{
    [Fact]
    public async Task Posts_go_to_a_libretranslate_server_as_html_with_the_key_and_come_back_as_markdown()
    {
        var text = await app.WithDb(db => app.Services.GetRequiredService<MachineTranslator>().TranslateAsync(
            db, Posts.Make("Hello world", null, body: "Hello [friends](https://example.org/friends)."), "en", "ru", CancellationToken.None));

        Assert.Equal("Привет world", text.Title);
        Assert.Equal("Привет [friends](https://example.org/friends).", text.BodyMarkdown);
        var sent = app.Received.Find(r => r["q"].Contains("href", StringComparison.Ordinal))!;
        Assert.Equal(("en", "ru", "html", "secret"), (sent["source"], sent["target"], sent["format"], sent["api_key"]));
        Assert.Equal("Hello <a href=\"https://example.org/friends\">friends</a>.", sent["q"]);
    }
}
