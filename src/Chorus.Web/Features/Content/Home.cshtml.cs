using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Site;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Content;

/// <summary>
/// One block of the home page as a reader sees it: its heading (the secretariat's, or the usual one) and what it shows.
/// A featured item is one entry of the list of its kind.
/// </summary>
internal sealed record HomeSection(
    HomeBlockKind Kind, SiteWords? Title, IReadOnlyList<EventRow> Events, IReadOnlyList<CampaignListItem> Campaigns,
    IReadOnlyList<PostSummary> Posts, SiteWords? Html = null)
{
    public string Id => $"home-{Kind.ToString().ToLowerInvariant()}";
}

/// <summary>
/// /{culture}/: the blocks the secretariat composed at /admin/home (what the coalition is doing now), or the latest news on
/// a site that has composed none. Later pages of the news (?before=, ?after=) are the news alone.
/// </summary>
[Shows(Shown.Events, Shown.Campaigns)] // and the posts every page of /Content shows: its blocks list all three
internal sealed class HomeModel(ChorusDb db, TimeProvider clock, SiteIdentity identity, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    /// <summary>How many items a list block shows.</summary>
    public const int BlockSize = 3;

    public IReadOnlyList<HomeSection> Sections { get; private set; } = [];

    public PostListView? List { get; private set; }

    /// <summary>The coalition's name, the page's heading (its default language's when this one has none: marked as such).</summary>
    public SiteWords SiteName { get; private set; } = new("", "en");

    /// <summary>Whether the secretariat composed the home page (else it is the news list alone).</summary>
    public bool Composed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? before, string? after, CancellationToken ct)
    {
        if (!PostCursor.TryParse(before, out var older) || !PostCursor.TryParse(after, out var newer))
        {
            return BadRequest();
        }
        if (older is not null || newer is not null)
        {
            // The news list's later pages have their own address now; links to the home page's old pages still lead there.
            return RedirectPermanent($"{NewsModel.Path(Culture)}{Request.QueryString}");
        }
        var brand = await BrandAsync();
        (SiteName, Description) = (brand.Name, brand.Tagline?.Text);
        var now = clock.GetUtcNow().UtcDateTime;
        var look = await identity.LookAsync(ct);
        // A site that composed no home page shows the news as it always did: the posts' titles are the page's headings.
        Composed = look.Home.Count > 0;
        var blocks = Composed ? look.Home : [new HomeBlock { Kind = HomeBlockKind.News }];
        var sections = new List<HomeSection>();
        foreach (var block in blocks)
        {
            if (await SectionAsync(block, now, ct) is { } section)
            {
                sections.Add(section);
            }
        }
        Sections = sections;
        return Page();
    }

    private async Task<HomeSection?> SectionAsync(HomeBlock block, DateTime now, CancellationToken ct)
    {
        var title = TitleOf(block);
        switch (block.Kind)
        {
            case HomeBlockKind.News:
                List = new PostListView(await PostQueries.PageAsync(db, now, null, Chain, null, null, ct), Culture, NewsModel.Path(Culture), Level: Composed ? 3 : 2);
                return new HomeSection(block.Kind, Composed ? title ?? Usual(HomeBlockKind.News) : null, [], [], []);
            case HomeBlockKind.Statements:
                var statements = await PostQueries.LatestAsync(db, db.Posts.Where(p => p.Kind == PostKind.Statement), now, Chain, BlockSize, ct);
                return statements.Count == 0 ? null : new HomeSection(block.Kind, title ?? Usual(HomeBlockKind.Statements), [], [], statements);
            case HomeBlockKind.Events:
                var events = await EventListing.RowsAsync(db, await UpcomingAsync(db.Events, now, BlockSize, ct), Chain, null, ct);
                return events.Count == 0 ? null : new HomeSection(block.Kind, title ?? Usual(HomeBlockKind.Events), events, [], []);
            case HomeBlockKind.Campaigns:
                var open = await CampaignsIndexList(db.Campaigns.Where(c => c.OpensAt <= now && (c.ClosesAt == null || c.ClosesAt > now)), now, BlockSize, ct);
                return open.Count == 0 ? null : new HomeSection(block.Kind, title ?? Usual(HomeBlockKind.Campaigns), [], open, []);
            case HomeBlockKind.About:
                var body = Pick(block, t => t.Body);
                return body is null ? null : new HomeSection(block.Kind, title ?? Usual(HomeBlockKind.About), [], [], [],
                    new SiteWords(ContentMarkdown.ToSafeHtml(body.Text), body.Culture));
            case HomeBlockKind.Featured:
                return await FeaturedAsync(block, title, now, ct);
            default:
                return null;
        }
    }

    private async Task<HomeSection?> FeaturedAsync(HomeBlock block, SiteWords? title, DateTime now, CancellationToken ct)
    {
        if (block.Item?.Split(':') is not [var kind, var number] || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }
        switch (kind)
        {
            case "campaign":
                var campaign = await CampaignsIndexList(db.Campaigns.Where(c => c.Id == id && c.OpensAt <= now), now, 1, ct);
                return campaign.Count == 0 ? null : new HomeSection(HomeBlockKind.Featured, title, [], campaign, []);
            case "event":
                // An event is featured by its next session, or its start once it is over.
                var one = db.Events.Where(e => e.Id == id && e.DeletedAt == null);
                var placed = await UpcomingAsync(one, now, 1, ct);
                if (placed.Count == 0 && await one.Select(e => new { e.Id, e.StartsAt }).FirstOrDefaultAsync(ct) is { } past)
                {
                    placed = [new Placed(past.Id, past.StartsAt)];
                }
                var rows = await EventListing.RowsAsync(db, placed, Chain, null, ct);
                return rows.Count == 0 ? null : new HomeSection(HomeBlockKind.Featured, title, rows, [], []);
            case "post":
                var post = await PostQueries.LatestAsync(db, db.Posts.Where(p => p.Id == id), now, Chain, 1, ct);
                return post.Count == 0 ? null : new HomeSection(HomeBlockKind.Featured, title, [], [], post);
            default:
                return null;
        }
    }

    private static Task<List<Placed>> UpcomingAsync(IQueryable<Event> events, DateTime now, int take, CancellationToken ct) =>
        EventListing.UpcomingAsync(events.AsNoTracking().Where(e => e.DeletedAt == null && e.Status != EventStatus.Cancelled), now,
            DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc), 0, take, ct);

    private Task<IReadOnlyList<CampaignListItem>> CampaignsIndexList(IQueryable<Campaign> query, DateTime now, int take, CancellationToken ct) =>
        Campaigns.IndexModel.ListAsync(db, HttpContext, query, now, Chain, take, ct);

    private SiteWords Usual(HomeBlockKind kind) => new(S[HomeBlock.UsualTitle(kind)], Culture);

    private SiteWords? TitleOf(HomeBlock block) => Pick(block, t => t.Title);

    // The block's text in the reader's language, else along the fallback chain (marked as another language's text).
    private SiteWords? Pick(HomeBlock block, Func<HomeBlockText, string?> field) => SiteIdentity.Words(block.Texts, t => t.Culture, field, Chain);
}
