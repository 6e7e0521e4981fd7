using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Content;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Content;

/// <summary>An editor in New York, signed in through the real forms, on the demo site.</summary>
public class EditorApp : ChorusFactory
{
    public HttpClient Editor { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await Staff.CreateAsync(this, "editor@crossroads.test", Roles.Editor);
        Editor = await Staff.SignInAsync(this, "editor@crossroads.test");
        // She sets her own zone on her account page, as a person would.
        var saved = await Staff.PostFormAsync(Editor, "/admin/account", new Dictionary<string, string> { ["TimeZone"] = "America/New_York" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}

public sealed class PostsAdminTests(EditorApp app) : IClassFixture<EditorApp>
{
    private Task<HttpResponseMessage> Save(string url, Dictionary<string, string> fields) =>
        Staff.PostFormAsync(app.Editor, url, fields, "form.editor", "Save");

    [Fact]
    public async Task Mistakes_get_messages_next_to_the_fields_and_nothing_is_saved()
    {
        var before = await app.WithDb(db => db.Posts.CountAsync());

        var response = await Save("/admin/posts/new", new()
        {
            ["Input.Title"] = "", ["Input.Body"] = new string('x', 200_001), ["Input.Slug"] = "about",
            ["Input.Status"] = "Scheduled", ["Input.PublishAt"] = "tomorrow at noon", ["Input.Kind"] = "Statement",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        string Error(string field) => html.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent;
        Assert.Equal("Give the post a title.", Error("Title"));
        Assert.Equal("The text is too long.", Error("Body"));
        Assert.Equal("Enter the date and time as year-month-day and hours:minutes.", Error("PublishAt"));
        Assert.Equal("A statement needs the date it was delivered.", Error("DeliveredOn"));
        Assert.Equal(before, await app.WithDb(db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task An_empty_form_is_answered_with_messages_not_an_error_page()
    {
        var response = await Save("/admin/posts/new", new() { ["Input.Title"] = "", ["Input.Body"] = "", ["Input.Slug"] = "" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Give the post a title.", html.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
    }

    [Fact]
    public async Task A_saved_draft_waits_on_the_dashboard_with_a_link_to_its_editor()
    {
        await Save("/admin/posts/new", new() { ["Input.Title"] = "Half-written statement", ["Input.Body"] = "To be continued.", ["Input.Status"] = "Draft" });
        var id = await app.WithDb(db => db.Posts.Where(p => p.Slug == "half-written-statement").Select(p => p.Id).SingleAsync());

        var dashboard = await new HtmlParser().ParseDocumentAsync(await (await app.Editor.GetAsync(new Uri("/admin", UriKind.Relative))).Content.ReadAsStringAsync());

        var drafts = dashboard.QuerySelectorAll("section").Single(s => s.QuerySelector("h2")!.TextContent == "Drafts");
        Assert.Equal($"/admin/posts/{id}", drafts.QuerySelectorAll("a").Single(a => a.TextContent == "Half-written statement").GetAttribute("href"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetHtml("/en/news/half-written-statement")).Response.StatusCode);
    }

    [Fact]
    public async Task A_statement_links_its_versions_in_other_languages_and_bad_lines_are_named()
    {
        var id = await app.WithDb(db => db.Posts.Where(p => p.Slug == "open-letter-on-climate-displacement-ahead-of-cop27").Select(p => p.Id).SingleAsync());

        var bad = await Save($"/admin/posts/{id}", new() { ["Input.Versions"] = "fr | Lettre ouverte | https://example.org/fr.pdf\nspanish version" });
        Assert.Contains("Line 2 should read: language code | title | address.", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var good = await Save($"/admin/posts/{id}", new() { ["Input.Versions"] = "fr | Lettre ouverte | https://example.org/fr.pdf\nes | Carta abierta | /media/carta.pdf" });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var (_, page) = await app.GetHtml("/en/news/open-letter-on-climate-displacement-ahead-of-cop27");
        var links = page.QuerySelectorAll("dl.facts a[hreflang]").Select(a => (a.GetAttribute("hreflang"), a.TextContent, a.GetAttribute("href"))).ToArray();
        Assert.Equal([("es", "Carta abierta", "/media/carta.pdf"), ("fr", "Lettre ouverte", "https://example.org/fr.pdf")], links);
    }

    [Fact]
    public async Task The_address_must_be_unique()
    {
        var response = await Save("/admin/posts/new", new() { ["Input.Title"] = "Another about", ["Input.Slug"] = "about", ["Input.Body"] = "Text." });

        Assert.Contains("Another post already uses the address “about”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Left empty, the address is made from the title and numbered when that one is taken.
        var saved = await Save("/admin/posts/new", new() { ["Input.Title"] = "Statements", ["Input.Body"] = "Text." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(["statements"], await app.WithDb(db => db.Posts.Where(p => p.Title == "Statements").Select(p => p.Slug).ToListAsync()));
        await Save("/admin/posts/new", new() { ["Input.Title"] = "Statements", ["Input.Body"] = "Again." });
        Assert.Equal(["statements", "statements-2"], await app.WithDb(db => db.Posts.Where(p => p.Title == "Statements").OrderBy(p => p.Id).Select(p => p.Slug).ToListAsync()));
    }

    [Fact]
    public async Task Preview_shows_the_sanitised_text_without_saving()
    {
        var before = await app.WithDb(db => db.Posts.CountAsync());

        var response = await Staff.PostFormAsync(app.Editor, "/admin/posts/new",
            new Dictionary<string, string> { ["Input.Title"] = "Preview only", ["Input.Body"] = "Hello <script>alert(1)</script> **world**" }, "form.editor", "Preview");

        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("world", html.QuerySelector(".preview strong")!.TextContent);
        Assert.Empty(html.QuerySelectorAll(".preview script"));
        Assert.Equal("Preview only", html.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal(before, await app.WithDb(db => db.Posts.CountAsync()));
    }

    [Fact]
    public async Task A_revision_is_kept_on_every_save_and_can_be_restored()
    {
        var id = await app.WithDb(db => db.Posts.Where(p => p.Slug == "youth-working-group-launched").Select(p => p.Id).SingleAsync());
        var url = $"/admin/posts/{id}";
        await Save(url, new() { ["Input.Title"] = "Youth working group: a second draft" });
        await Save(url, new() { ["Input.Title"] = "Youth working group: a third draft" });
        Assert.Equal("Youth working group: a third draft", (await app.GetHtml("/en/news/youth-working-group-launched")).Html.QuerySelector("h1")!.TextContent);

        var revisions = await new HtmlParser().ParseDocumentAsync(await (await app.Editor.GetAsync(new Uri($"{url}/revisions", UriKind.Relative))).Content.ReadAsStringAsync());
        var rows = revisions.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(3, rows.Count); // the seeded original and two edits
        var original = rows[^1].QuerySelector("a")!.GetAttribute("href")!;
        var compare = await new HtmlParser().ParseDocumentAsync(await (await app.Editor.GetAsync(new Uri($"{url}/revisions{original}", UriKind.Relative))).Content.ReadAsStringAsync());
        Assert.Contains("# Youth working group: a third draft", compare.QuerySelector(".diff ins")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("# Youth working group launched", compare.QuerySelector(".diff del")!.TextContent, StringComparison.Ordinal);

        var restored = await Staff.PostFormAsync(app.Editor, $"{url}/revisions{original}", new Dictionary<string, string>(), ".diff ~ form", "Restore");
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal("Youth working group launched", (await app.GetHtml("/en/news/youth-working-group-launched")).Html.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_renamed_category_keeps_its_address_and_shows_the_new_name()
    {
        var id = await app.WithDb(db => db.Categories.Where(c => c.Slug == "research").Select(c => c.Id).SingleAsync());

        await Staff.PostFormAsync(app.Editor, "/admin/categories", new Dictionary<string, string> { ["name"] = "Research and analysis", ["names[fr]"] = "Recherche et analyse" },
            $"form:has(input[name=id][value='{id}'])[action*='Rename']");

        var (response, page) = await app.GetHtml("/en/category/research");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Research and analysis", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("Recherche et analyse", (await app.GetHtml("/fr/category/research")).Html.QuerySelector("h1")!.TextContent);
        Assert.Equal("Investigación", (await app.GetHtml("/es/category/research")).Html.QuerySelector("h1")!.TextContent); // kept
    }

    [Fact]
    public async Task A_post_moved_to_the_bin_leaves_the_site_and_comes_back_when_restored()
    {
        var id = await app.WithDb(db => db.Posts.Where(p => p.Slug == "thank-you-for-international-migrants-day").Select(p => p.Id).SingleAsync());
        var confirm = await app.Editor.GetAsync(new Uri($"/admin/posts/{id}?confirm=delete", UriKind.Relative));
        Assert.Contains("to the bin?", await confirm.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Staff.PostFormAsync(app.Editor, $"/admin/posts/{id}?confirm=delete", new Dictionary<string, string>(), "form.notice", "Delete");
        Assert.Equal(HttpStatusCode.NotFound, (await app.GetHtml("/en/news/thank-you-for-international-migrants-day")).Response.StatusCode);
        var bin = await app.Editor.GetAsync(new Uri("/admin/posts?status=deleted", UriKind.Relative));
        Assert.Contains("Thank you for International Migrants Day", await bin.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Staff.PostFormAsync(app.Editor, $"/admin/posts/{id}", new Dictionary<string, string>(), "form[action*='handler=Restore']");
        Assert.Equal(HttpStatusCode.OK, (await app.GetHtml("/en/news/thank-you-for-international-migrants-day")).Response.StatusCode);
    }
}

/// <summary>Its own app: moving the clock days ahead would expire the other tests' sign-ins.</summary>
public sealed class SchedulingApp : EditorApp;

public sealed class SchedulingTests(SchedulingApp app) : IClassFixture<SchedulingApp>
{
    private Task<HttpResponseMessage> Save(string url, Dictionary<string, string> fields) =>
        Staff.PostFormAsync(app.Editor, url, fields, "form.editor", "Save");

    [Fact]
    public async Task An_editor_schedules_a_post_in_her_own_time_zone_and_it_appears_at_that_instant()
    {
        // 09:00 in New York four days after the tests' clock starts, whatever day that is.
        var nineInNewYork = ChorusFactory.Start.UtcDateTime.Date.AddDays(4).AddHours(9);
        var instant = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(nineInNewYork, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        var saved = await Save("/admin/posts/new", new()
        {
            ["Input.Title"] = "Webinar recordings are online", ["Input.Body"] = "All five **recordings**.",
            ["Input.Status"] = "Scheduled", ["Input.PublishAt"] = nineInNewYork.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Categories"] = "Webinars, Brand new topic",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var post = await app.WithDb(db => db.Posts.Include(p => p.Categories).AsNoTracking().SingleAsync(p => p.Slug == "webinar-recordings-are-online"));
        Assert.Equal(instant, post.PublishedAt);
        Assert.Equal(["Brand new topic", "Webinars"], post.Categories.Select(c => c.Name).Order());
        Assert.Equal("editor@crossroads.test", (await app.WithDb(db => db.AuditLog.FirstAsync(e => e.Entity == "Post" && e.EntityId == post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))).UserName);

        Assert.Equal(HttpStatusCode.NotFound, (await app.GetHtml("/en/news/webinar-recordings-are-online")).Response.StatusCode);
        app.Clock.SetUtcNow(new DateTimeOffset(instant));
        var (response, page) = await app.GetHtml("/en/news/webinar-recordings-are-online");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("recordings", page.QuerySelector(".body strong")!.TextContent);
    }
}
