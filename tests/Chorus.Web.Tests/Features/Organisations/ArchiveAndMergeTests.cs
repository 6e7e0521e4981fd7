using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Organisations;

/// <summary>Archiving hides an organisation but keeps its record; merging moves what named the duplicate.</summary>
public sealed class ArchiveAndMergeTests(EditorOrganisationsApp app) : IClassFixture<EditorOrganisationsApp>
{
    private async Task<int> IdOf(string slug) => await app.WithDb(db => db.Organisations.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync());

    private async Task<Post> StatementNaming(string title, params string[] slugs)
    {
        var post = Posts.Make(title, ChorusFactory.Start.UtcDateTime.AddDays(-1), kind: PostKind.Statement);
        await app.Add(post);
        await app.WithDb(async db =>
        {
            var ids = await db.Organisations.Where(o => slugs.Contains(o.Slug)).ToDictionaryAsync(o => o.Slug, o => o.Id);
            db.PostIssuers.AddRange(slugs.Select((s, n) => new PostIssuer { PostId = post.Id, OrganisationId = ids[s], Position = n }));
            await db.SaveChangesAsync();
        });
        return post;
    }

    [Fact]
    public async Task An_archived_organisation_leaves_the_directory_but_keeps_its_page_statements_and_history()
    {
        await app.Add(Orgs.Make("Harbour Welcome Centre", "GR"));
        await StatementNaming("Statement by the harbour centre", "harbour-welcome-centre");
        var id = await IdOf("harbour-welcome-centre");

        var archived = await Staff.PostFormAsync(app.Editor, $"/admin/organisations/{id}", new Dictionary<string, string>(), "form[action$='handler=Archive']");

        Assert.Equal(HttpStatusCode.Redirect, archived.StatusCode);
        var (_, directory) = await app.GetHtml("/en/organizations?q=harbour");
        Assert.Empty(directory.QuerySelectorAll("ul.orgs > li"));
        var (profileResponse, profile) = await app.GetHtml("/en/organizations/harbour-welcome-centre");
        Assert.Equal(HttpStatusCode.OK, profileResponse.StatusCode);
        Assert.Equal("noindex", profile.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains("no longer listed", profile.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Statement by the harbour centre", profile.QuerySelector("#statements + ul a")!.TextContent);
        var (_, statement) = await app.GetHtml("/en/news/statement-by-the-harbour-centre");
        Assert.Equal("/en/organizations/harbour-welcome-centre", statement.QuerySelector(".issuers a")!.GetAttribute("href"));

        var editor = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri($"/admin/organisations/{id}", UriKind.Relative)));
        var history = editor.QuerySelectorAll("table.audit tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(history, h => h.Contains("editor@crossroads.test", StringComparison.Ordinal) && h.Contains("Archived", StringComparison.Ordinal) && !h.Contains("ArchivedAt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merging_moves_every_reference_to_the_record_kept()
    {
        await app.Add(
            Orgs.Make("Solidarity Network Lebanon", "LB", acronym: "SNL"),
            Orgs.Make("Solidarity Network of Lebanon", null));
        await app.WithDb(async db =>
        {
            (await db.Organisations.SingleAsync(o => o.Slug == "solidarity-network-of-lebanon")).EmailDomains = ["snl.test"];
            await db.SaveChangesAsync();
        });
        await StatementNaming("Joint appeal on domestic workers", "solidarity-network-of-lebanon");
        await StatementNaming("Appeal naming both records", "solidarity-network-lebanon", "solidarity-network-of-lebanon");
        var duplicate = await IdOf("solidarity-network-of-lebanon");
        var kept = await IdOf("solidarity-network-lebanon");

        var preview = await Staff.PostFormAsync(app.Editor, $"/admin/organisations/{duplicate}/merge", new Dictionary<string, string> { ["Keep"] = "SNL" });
        var previewHtml = await new HtmlParser().ParseDocumentAsync(await preview.Content.ReadAsStringAsync());
        Assert.Contains("Posts and statements issued: 2", previewHtml.QuerySelector("form.notice")!.TextContent, StringComparison.Ordinal);
        var confirm = previewHtml.QuerySelector("form.notice")!;
        var merged = await app.Editor.PostAsync(new Uri(confirm.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(
            confirm.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "")));

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal($"/admin/organisations/{kept}", merged.Headers.Location!.OriginalString);
        await app.WithDb(async db =>
        {
            Assert.False(await db.PostIssuers.AnyAsync(i => i.OrganisationId == duplicate));
            Assert.Equal(2, await db.PostIssuers.CountAsync(i => i.OrganisationId == kept));
            var keptRecord = await db.Organisations.SingleAsync(o => o.Id == kept);
            Assert.Equal(["snl.test"], keptRecord.EmailDomains);
            Assert.Equal(kept, (await db.Organisations.SingleAsync(o => o.Id == duplicate)).MergedIntoId);
        });
        var (_, statement) = await app.GetHtml("/en/news/joint-appeal-on-domestic-workers");
        Assert.Equal("/en/organizations/solidarity-network-lebanon", statement.QuerySelector(".issuers a")!.GetAttribute("href"));
        var (_, both) = await app.GetHtml("/en/news/appeal-naming-both-records");
        Assert.Single(both.QuerySelectorAll(".issuers a"));
        var (oldAddress, _) = await app.GetHtml("/fr/organizations/solidarity-network-of-lebanon");
        Assert.Equal(HttpStatusCode.MovedPermanently, oldAddress.StatusCode);
        Assert.Equal("/fr/organizations/solidarity-network-lebanon", oldAddress.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_editor_names_issuers_by_acronym_and_a_name_that_matches_nothing_is_reported_by_line()
    {
        await app.Add(Orgs.Make("Pacific Climate Mobility Network", "FJ", acronym: "PCMN"));
        Task<HttpResponseMessage> Save(string issuers) => Staff.PostFormAsync(app.Editor, "/admin/posts/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Rising seas, moving people", ["Input.Body"] = "Our statement.", ["Input.Status"] = "Published", ["Input.Issuers"] = issuers,
        }, "form.editor", "Save");

        var refused = await Save("PCMN\nNobody at all");
        var html = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Line 2: No organisation in the directory is called “Nobody at all”.", html.QuerySelector("[data-valmsg-for='Input.Issuers']")!.TextContent);
        Assert.False(await app.WithDb(db => db.Posts.AnyAsync(p => p.Slug == "rising-seas-moving-people")));

        Assert.Equal(HttpStatusCode.Redirect, (await Save("pcmn")).StatusCode);
        var (_, post) = await app.GetHtml("/en/news/rising-seas-moving-people");
        Assert.Equal("Issued by: Pacific Climate Mobility Network (PCMN)", string.Join(" ", post.QuerySelector(".issuers")!.TextContent.Split((char[])null!, StringSplitOptions.RemoveEmptyEntries)));
    }
}
