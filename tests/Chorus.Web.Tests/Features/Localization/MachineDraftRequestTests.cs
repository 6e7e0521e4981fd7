using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Localization.Machine;
using Chorus.Web.Infrastructure;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>An editor on a site whose only machine translation is Apertium between English, Spanish and French.</summary>
public sealed class ApertiumEditorApp : ChorusFactory
{
    protected override bool SeedDemo => false;

    public HttpClient Editor { get; private set; } = null!;

    public int PostId { get; private set; }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("MachineTranslation:Providers:0:Kind", "apertium"),
        new("MachineTranslation:Providers:0:Url", "http://127.0.0.1:9"), // never called: these tests only ask what it can do
        new("MachineTranslation:Providers:0:Pairs:0", "en-es"),
        new("MachineTranslation:Providers:0:Pairs:1", "es-en"),
        new("MachineTranslation:Providers:0:Pairs:2", "es-fr"),
        new("MachineTranslation:Providers:0:Pairs:3", "fr-es"),
    ];

    public override async Task InitializeAsync()
    {
        await Staff.CreateAsync(this, "editor@crossroads.test", Roles.Editor);
        Editor = await Staff.SignInAsync(this, "editor@crossroads.test");
        var post = Posts.Make("Detention report published", Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        await this.Add(post);
        PostId = post.Id;
    }
}

public sealed class MachineDraftRequestTests(ApertiumEditorApp app) : IClassFixture<ApertiumEditorApp>
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> Editor(string culture) =>
        await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri($"/admin/translations/{app.PostId}/{culture}", UriKind.Relative)));

    [Fact]
    public async Task The_editor_says_before_anyone_asks_which_service_makes_a_draft_and_that_none_reaches_arabic()
    {
        var spanish = await Editor("es");
        Assert.Equal("Made by: Apertium", spanish.GetElementById("machine-route")!.TextContent);
        var french = await Editor("fr");
        Assert.Equal("Made by: Apertium, through Spanish", french.GetElementById("machine-route")!.TextContent);

        var arabic = await Editor("ar");
        Assert.Null(arabic.QuerySelector("form[action*='handler=Machine']"));
        Assert.Contains("No machine translation service configured here reaches Arabic from English, directly or through Spanish",
            arabic.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The translations overview says it for every language.
        var overview = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri("/admin/translations", UriKind.Relative)));
        var routes = overview.QuerySelectorAll("section[aria-labelledby=machine-heading] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["French: Apertium, through Spanish", "Spanish: Apertium", "Arabic: no service configured; translate by hand",
            "Chinese: no service configured; translate by hand", "Russian: no service configured; translate by hand"], routes);
    }

    [Fact]
    public async Task Asking_for_an_arabic_draft_anyway_is_answered_at_once_and_queues_nothing()
    {
        var token = (await Editor("es")).QuerySelector("form[action*='handler=Machine'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var asked = await app.Editor.PostAsync(new Uri($"/admin/translations/{app.PostId}/ar?handler=Machine", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var page = await Editor("ar");
        Assert.StartsWith("No machine translation service configured here reaches Arabic", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.TranslationJobs.AnyAsync(j => j.PostId == app.PostId && j.Culture == "ar")));
    }

    [Fact]
    public async Task A_failed_draft_is_shown_with_its_reason()
    {
        await app.WithDb(async db =>
        {
            db.TranslationJobs.Add(new TranslationJob
            {
                PostId = app.PostId, Culture = "fr", Status = QueueStatus.Failed, Attempts = 8, LastError = "The service answered 503 Service Unavailable.",
                CreatedAt = app.Clock.GetUtcNow().UtcDateTime, NextAttemptAt = app.Clock.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync();
        });

        var page = await Editor("fr");
        Assert.Contains("The last machine draft asked for failed: The service answered 503 Service Unavailable.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
