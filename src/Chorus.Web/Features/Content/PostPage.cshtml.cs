using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Content;

/// <summary>/{culture}/news/{slug}: every published post, statements included, in the reader's language when it can be.</summary>
[Shows(Shown.Events, Shown.Campaigns)] // and the events and campaigns it links to
internal sealed class PostPageModel(ChorusDb db, ShownData shown, TimeProvider clock) : SitePageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    public PostView? View { get; private set; }

    public IReadOnlyList<CategoryLink> Categories { get; private set; } = [];

    public IReadOnlyList<IssuerLink> Issuers { get; private set; } = [];

    /// <summary>Events this post announces (the events' "announced in" link).</summary>
    public IReadOnlyList<(string Slug, string Title, string Culture)> Events { get; private set; } = [];

    /// <summary>Sign-on campaigns gathering endorsements for this post, and whether their lists are public.</summary>
    public IReadOnlyList<(string Slug, bool PublicList)> Campaigns { get; private set; } = [];

    public string Path => PostQueries.NewsPath(Culture, Slug);

    /// <summary>schema.org NewsArticle and the breadcrumb trail.</summary>
    public string JsonLd { get; private set; } = "";

    /// <summary>The consultations this post comes out of.</summary>
    public IReadOnlyList<Features.Consultations.ConsultationLink> Consultations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? version, CancellationToken ct)
    {
        View = await PostVersions.ReadAsync(db, db.Posts.Published(clock.GetUtcNow().UtcDateTime), Slug, Chain, version == "machine", ct);
        if (View is null)
        {
            return NotFound();
        }
        if (View.Post.Kind == PostKind.Page)
        {
            return RedirectPermanent(PostQueries.PagePath(Culture, View.Post.Slug));
        }
        Categories = [.. (await PostQueries.CategoriesOfAsync(db, [View.Post.Id], Culture, ct))[View.Post.Id]];
        Issuers = await IssuerLink.OfAsync(db, View.Post.Id, ct);
        var events = new List<(string, string, string)>();
        await foreach (var e in EventsOf(db, View.Post.Id).WithCancellation(ct))
        {
            events.Add((e.Slug, e.Title, e.Culture));
        }
        var campaigns = new List<(string, bool)>();
        await foreach (var c in CampaignsOf(db, View.Post.Id).WithCancellation(ct))
        {
            campaigns.Add((c.Slug, c.PublicList));
        }
        (Events, Campaigns) = (events, campaigns);
        Consultations = await Features.Consultations.ConsultationLinks.OfAsync(db, shown, HttpContext, Chain, clock.GetUtcNow().UtcDateTime, null, View.Post.Id, ct);
        (Title, Description, TranslatedCultures, OpenGraphType) = (View.Title, View.Excerpt, View.TranslatedCultures, "article");
        Image = Site.SiteIdentity.Image(View.Post.Image);
        // A machine draft, or another language's text shown for want of one in this language, is a copy: search engines
        // are sent to the text a person wrote in its own language's page and kept away from this one.
        if (View.IsMachine || View.Culture != Culture)
        {
            NoIndex = true;
            OriginalPath = PostQueries.NewsPath(View.IsMachine ? View.Post.Culture : View.Culture, View.Post.Slug);
        }
        JsonLd = SchemaOrgData(await BrandAsync());
        return Page();
    }

    // Compiled, as the listings' queries are (PostQueries.CategoriesOf says why and what it saved).
    private static readonly Func<ChorusDb, int, IAsyncEnumerable<LinkedEvent>> EventsOf = EF.CompileAsyncQuery((ChorusDb db, int postId) =>
        db.Events.Where(e => e.PostId == postId && e.DeletedAt == null).OrderBy(e => e.StartsAt).Select(e => new LinkedEvent(e.Slug, e.Title, e.Culture)));

    private static readonly Func<ChorusDb, int, IAsyncEnumerable<LinkedCampaign>> CampaignsOf = EF.CompileAsyncQuery((ChorusDb db, int postId) =>
        db.Campaigns.Where(c => c.PostId == postId && c.DeletedAt == null).OrderBy(c => c.Id).Select(c => new LinkedCampaign(c.Slug, c.PublicList)));

    private sealed record LinkedEvent(string Slug, string Title, string Culture);

    private sealed record LinkedCampaign(string Slug, bool PublicList);

    private string SchemaOrgData(Site.Brand brand)
    {
        var origin = Request.Origin();
        var post = View!.Post;
        var site = brand.Name.Text;
        var publisher = Site.SiteIdentity.Organization(brand, origin, Culture);
        var S = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedStrings>>();
        var statement = post.Kind == PostKind.Statement;
        return SchemaOrg.Json(
            new()
            {
                ["@context"] = "https://schema.org", ["@type"] = "NewsArticle", ["headline"] = View.Title, ["description"] = View.Excerpt,
                ["url"] = origin + Path, ["inLanguage"] = View.Culture,
                ["image"] = Origins.Absolute(origin, post.Image?.Url()),
                ["datePublished"] = post.PublishedAt!.Value.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                ["dateModified"] = post.UpdatedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
                ["publisher"] = publisher,
                ["author"] = Issuers.Count > 0
                    ? Issuers.Select(i => new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = i.Name }).ToList()
                    : publisher,
            },
            SchemaOrg.Breadcrumbs((site, $"{origin}/{Culture}/"),
                statement ? (S["Statements"], $"{origin}/{Culture}/statements") : (S["News"], $"{origin}/{Culture}/"),
                (View.Title, origin + Path)));
    }
}
