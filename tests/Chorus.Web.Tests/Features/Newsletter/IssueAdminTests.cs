using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>The secretariat composes, previews and sends an issue; the public reads it on the web, in the archive and the API.</summary>
public sealed class IssueAdminTests(NewsletterSmtpApp app) : IClassFixture<NewsletterSmtpApp>
{
    [SkippableFact]
    public async Task An_editor_composes_previews_and_sends_and_the_public_reads_it_without_any_address()
    {
        var list = await IssueFixtures.ListAsync(app, "admin");
        var post = await IssueFixtures.PostAsync(app, "Migrants Day statement", "We stand together.", ("fr", "Déclaration de la Journée des migrants", "Nous sommes solidaires."));
        var readers = await IssueFixtures.SubscribersAsync(app, list, "admin-fr", 3, "fr");
        var editorEmail = $"editor-{Guid.NewGuid():N}@crossroads.test";
        await Staff.CreateAsync(app, editorEmail, Roles.Editor);
        var editor = await Staff.SignInAsync(app, editorEmail);

        // The compose form suggests the post published since the last issue.
        var form = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync(new Uri("/admin/newsletter/issues/new", UriKind.Relative)));
        Assert.NotNull(form.QuerySelector($"input[name='Input.Items'][value='Post:{post}']"));
        Assert.NotNull(form.QuerySelector("textarea[name='Input.Introduction'][data-editor=markdown]"));

        var saved = await Staff.PostFormAsync(editor, "/admin/newsletter/issues/new", new Dictionary<string, string>
        {
            ["Input.Subject"] = "December news", ["Input.Introduction"] = "Hello **all**.", ["Input.ListIds"] = $"{list}", ["Input.Items"] = $"Post:{post}",
            ["Input.Texts[fr].Subject"] = "Nouvelles de décembre", ["Input.Texts[fr].Introduction"] = "Bonjour à **toutes et tous**.",
        }, "form#compose", "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var issue = await app.WithDb(db => db.NewsletterIssues.AsNoTracking().SingleAsync(i => i.Subject == "December news"));
        Assert.Equal(IssueState.Draft, issue.State);
        Assert.Equal(0, await app.WithDb(db => db.NewsletterDeliveries.CountAsync(d => d.IssueId == issue.Id)));

        // Previewed in French, as a full email document with its inline styles allowed for this answer only.
        var preview = await editor.GetAsync(new Uri($"/admin/newsletter/issues/{issue.Id}?handler=Preview&lang=fr&phone=true", UriKind.Relative));
        var previewHtml = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Nouvelles de décembre", previewHtml, StringComparison.Ordinal);
        Assert.Contains("Déclaration de la Journée des migrants", previewHtml, StringComparison.Ordinal);
        Assert.Contains("max-width:360px", previewHtml, StringComparison.Ordinal);
        Assert.Contains("style-src 'unsafe-inline'", preview.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Scheduling in the past is refused with a message; sending now starts the background sender.
        var past = await Staff.PostFormAsync(editor, $"/admin/newsletter/issues/{issue.Id}", new Dictionary<string, string> { ["Input.ScheduleAt"] = "2001-01-01T10:00" }, "form#compose", "Schedule");
        Assert.Contains("Give a time in the future", await past.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sent = await Staff.PostFormAsync(editor, $"/admin/newsletter/issues/{issue.Id}", new Dictionary<string, string> { ["Input.ListIds"] = $"{list}", ["Input.Items"] = $"Post:{post}" }, "form#compose", "SendNow");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        foreach (var to in readers)
        {
            var message = await TestMail.ReceivedAsync(to);
            Assert.Equal("Nouvelles de décembre", message.Subject);
            Assert.Contains("Nous sommes solidaires.", message.TextBody, StringComparison.Ordinal);
        }
        for (var i = 0; i < 100 && await app.WithDb(db => db.NewsletterIssues.Where(x => x.Id == issue.Id).Select(x => x.State).SingleAsync()) != IssueState.Sent; i++)
        {
            await Task.Delay(50);
        }
        await IssueFixtures.SendRoundAsync(app);
        var listPage = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync(new Uri("/admin/newsletter/issues", UriKind.Relative)));
        var row = listPage.QuerySelectorAll("tr").Single(r => r.TextContent.Contains("December news", StringComparison.Ordinal));
        Assert.Equal("3", row.QuerySelector("progress")!.GetAttribute("max"));

        // The web version in French and English, the archive, the API: the issue, never an address.
        var slug = issue.Slug;
        var (frPage, frHtml) = await app.GetHtml($"/fr/newsletter/{slug}");
        Assert.Equal(HttpStatusCode.OK, frPage.StatusCode);
        Assert.Equal("Nouvelles de décembre", frHtml.QuerySelector("h1")!.TextContent);
        Assert.Contains("Déclaration de la Journée des migrants", frHtml.Body!.TextContent, StringComparison.Ordinal);
        var (_, enHtml) = await app.GetHtml($"/en/newsletter/{slug}");
        Assert.Equal("December news", enHtml.QuerySelector("h1")!.TextContent);
        var (_, archive) = await app.GetHtml("/fr/newsletter/issues");
        Assert.NotNull(archive.QuerySelector($"a[href='/fr/newsletter/{slug}']"));
        var api = await app.CreatePlainClient().GetStringAsync(new Uri("/api/v1/newsletters?lang=fr", UriKind.Relative));
        var first = JsonDocument.Parse(api).RootElement.GetProperty("items")[0];
        Assert.Equal("Nouvelles de décembre", first.GetProperty("subject").GetString());
        var one = await app.CreatePlainClient().GetStringAsync(new Uri($"/api/v1/newsletters/{slug}?lang=fr", UriKind.Relative));
        Assert.Contains("Déclaration de la Journée des migrants", one, StringComparison.Ordinal);
        foreach (var text in new[] { frHtml.DocumentElement.OuterHtml, enHtml.DocumentElement.OuterHtml, archive.DocumentElement.OuterHtml, api, one })
        {
            Assert.DoesNotContain("@example.org", text, StringComparison.Ordinal);
            Assert.DoesNotContain("token=", text, StringComparison.Ordinal);
        }
        // A draft has no web version.
        var draft = await IssueFixtures.IssueAsync(app, list, IssueState.Draft, post);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreatePlainClient().GetAsync(new Uri($"/en/newsletter/{draft.Slug}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreatePlainClient().GetAsync(new Uri($"/api/v1/newsletters/{draft.Slug}", UriKind.Relative))).StatusCode);
    }
}
