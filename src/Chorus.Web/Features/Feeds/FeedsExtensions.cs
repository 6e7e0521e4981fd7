using Chorus.Web.Data;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Feeds;

/// <summary>
/// RSS 2.0 (`feed.xml`), Atom 1.0 (`feed.atom`) and JSON Feed 1.1 (`feed.json`) for everything, for statements, for a
/// category and for upcoming events, in each language; output cached (evicted on every write), with ETag and
/// Last-Modified so a reader polling an unchanged feed gets a 304.
/// </summary>
internal static class FeedsExtensions
{
    public const int Length = 20;

    public static void MapFeeds(this WebApplication app)
    {
        var feeds = app.MapGroup("/{culture:culture}").CacheOutput(PublicPages.Policy);
        feeds.MapRead("/feed.{ext}", (string culture, string ext, HttpContext http, CancellationToken ct) =>
            RespondAsync(http, ext, S => PostsAsync(http, culture, S["News and statements"], "", p => p, ct)));
        feeds.MapRead("/statements/feed.{ext}", (string culture, string ext, HttpContext http, CancellationToken ct) =>
            RespondAsync(http, ext, S => PostsAsync(http, culture, S["Statements"], "/statements", p => p.Where(x => x.Kind == PostKind.Statement), ct)));
        feeds.MapRead("/category/{slug}/feed.{ext}", (string culture, string slug, string ext, HttpContext http, CancellationToken ct) =>
            RespondAsync(http, ext, async S =>
            {
                var db = http.RequestServices.GetRequiredService<ChorusDb>();
                var category = await db.Categories.AsNoTracking().Include(c => c.Names).FirstOrDefaultAsync(c => c.Slug == slug, ct);
                return category is null ? null : await PostsAsync(http, culture, category.Names.FirstOrDefault(n => n.Culture == culture)?.Name ?? category.Name,
                    PostQueries.CategoryPath(culture, slug)[(culture.Length + 1)..], p => p.Where(x => x.Categories.Any(c => c.Id == category.Id)), ct);
            }));
        feeds.MapRead("/events/feed.{ext}", (string culture, string ext, HttpContext http, CancellationToken ct) =>
            RespondAsync(http, ext, S => EventsAsync(http, culture, S["Upcoming events"], ct)));
        feeds.MapRead("/consultations/feed.{ext}", (string culture, string ext, HttpContext http, CancellationToken ct) =>
            RespondAsync(http, ext, S => ConsultationsAsync(http, culture, S["Consultations"], ct)));
        feeds.MapRead("/newsletter/feed.{ext}", (string culture, string ext, HttpContext http, CancellationToken ct) =>
            RespondAsync(http, ext, S => NewslettersAsync(http, culture, S["Newsletter archive"], ct)));
    }

    /// <summary>The consultations that have opened, newest first: title and introduction in the reader's language where translated.</summary>
    private static async Task<Feed?> ConsultationsAsync(HttpContext http, string culture, string title, CancellationToken ct)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<ChorusDb>();
        var chain = services.GetRequiredService<IOptions<SiteOptions>>().Value.FallbackChain(culture);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var list = await db.Consultations.AsNoTracking().Include(c => c.Translations).Listed(now)
            .OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).Take(Length).ToListAsync(ct);
        var origin = http.Request.Origin();
        var items = list.Select(c =>
        {
            var text = Consultations.ConsultationRules.Best(c, chain);
            var url = $"{origin}/{culture}/consultations/{Uri.EscapeDataString(c.Slug)}";
            return new FeedItem(url, text.Title, url, ContentMarkdown.ToExcerpt(text.IntroductionMarkdown, 240), text.IntroductionHtml, c.OpensAt,
                Later(c.OpensAt, c.UpdatedAt), text.Culture, [], null);
        }).ToList();
        var site = await SiteNameAsync(http, culture);
        return new Feed($"{site}: {title}", title, $"{origin}/{culture}/consultations", origin + http.Request.Path, culture, items, site);
    }

    /// <summary>The newest sent newsletter issues, their subject and introduction in the reader's language where written.</summary>
    private static async Task<Feed?> NewslettersAsync(HttpContext http, string culture, string title, CancellationToken ct)
    {
        var db = http.RequestServices.GetRequiredService<ChorusDb>();
        var chain = http.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.FallbackChain(culture);
        var issues = await db.NewsletterIssues.AsNoTracking().Where(i => i.State == Newsletter.Issues.IssueState.Sent && i.SentAt != null)
            .OrderByDescending(i => i.SentAt).ThenByDescending(i => i.Id).Take(Length).ToListAsync(ct);
        var origin = http.Request.Origin();
        var items = issues.Select(i =>
        {
            var (language, subject, introduction) = i.TextFor(chain);
            var url = $"{origin}/{culture}/newsletter/{i.Slug}";
            return new FeedItem(url, subject, url, ContentMarkdown.ToExcerpt(introduction, 240), ContentMarkdown.ToSafeHtml(introduction), i.SentAt!.Value,
                i.SentAt.Value, language, [], null);
        }).ToList();
        var site = await SiteNameAsync(http, culture);
        return new Feed($"{site}: {title}", title, $"{origin}/{culture}/newsletter/issues", origin + http.Request.Path, culture, items, site);
    }

    private static async Task<IResult> RespondAsync(HttpContext http, string ext, Func<IStringLocalizer, Task<Feed?>> load)
    {
        FeedFormat? format = ext switch { "xml" => FeedFormat.Rss, "atom" => FeedFormat.Atom, "json" => FeedFormat.Json, _ => null };
        if (format is null || await load(http.RequestServices.GetRequiredService<IStringLocalizer<SharedStrings>>()) is not { } feed)
        {
            return Results.NotFound();
        }
        var (body, contentType) = FeedWriter.Write(feed, format.Value);
        return ConditionalGet.Respond(http, body, contentType, feed.Updated);
    }

    /// <summary>The coalition's name in the feed's language (the identity an Admin set, else Site:Name).</summary>
    private static async Task<string> SiteNameAsync(HttpContext http, string culture) =>
        (await http.RequestServices.GetRequiredService<Site.SiteIdentity>().BrandAsync(culture, http.RequestAborted)).Name.Text;

    /// <summary>The newest published posts (pages excepted) in the reader's language where a person translated them.</summary>
    private static async Task<Feed?> PostsAsync(HttpContext http, string culture, string title, string path,
        Func<IQueryable<Post>, IQueryable<Post>> narrow, CancellationToken ct)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<ChorusDb>();
        var chain = services.GetRequiredService<IOptions<SiteOptions>>().Value.FallbackChain(culture);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var posts = await narrow(db.Posts.AsNoTracking().Published(now).Listed()).OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Take(Length).ToListAsync(ct);
        var texts = await PostVersions.BestTextsAsync(db, [.. posts.Select(p => (p.Id, p.Culture))], chain, ct);
        // Only the translations chosen above are read in full (their bodies are the bulk of a feed).
        var ids = texts.Keys.ToArray();
        var chosen = texts.Values.Select(t => t.Culture).Distinct().ToArray();
        var bodies = (await db.PostTranslations.AsNoTracking().Where(t => ids.Contains(t.PostId) && chosen.Contains(t.Culture))
                .Select(t => new { t.PostId, t.Culture, t.BodyHtml }).ToListAsync(ct))
            .Where(t => texts[t.PostId].Culture == t.Culture).ToDictionary(t => t.PostId, t => t.BodyHtml);
        var categories = await PostQueries.CategoriesOfAsync(db, [.. posts.Select(p => p.Id)], culture, ct);
        var origin = http.Request.Origin();
        var items = posts.Select(p =>
        {
            var (language, itemTitle, excerpt, body) = texts.TryGetValue(p.Id, out var t)
                ? (t.Culture, t.Title, t.Excerpt, bodies.GetValueOrDefault(p.Id, p.BodyHtml))
                : (p.Culture, p.Title, p.Excerpt, p.BodyHtml);
            var url = origin + PostQueries.NewsPath(culture, p.Slug);
            return new FeedItem(url, itemTitle, url, excerpt, body, p.PublishedAt!.Value, Later(p.PublishedAt.Value, p.UpdatedAt), language,
                [.. categories[p.Id].Select(c => c.Name)], p.AuthorName.Length > 0 ? p.AuthorName : null);
        }).ToList();
        var site = await SiteNameAsync(http, culture);
        return new Feed($"{site}: {title}", title, $"{origin}/{culture}{path}", origin + http.Request.Path, culture, items, site);
    }

    /// <summary>Upcoming events and series (by their next session), in the reader's language where translated.</summary>
    private static async Task<Feed?> EventsAsync(HttpContext http, string culture, string title, CancellationToken ct)
    {
        var services = http.RequestServices;
        var db = services.GetRequiredService<ChorusDb>();
        var chain = services.GetRequiredService<IOptions<SiteOptions>>().Value.FallbackChain(culture);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var events = await db.Events.AsNoTracking().AsSplitQuery().Include(e => e.Translations).Include(e => e.Categories)
            .Where(e => e.DeletedAt == null && e.EndsAt >= now).OrderBy(e => e.StartsAt).Take(Length * 2).ToListAsync(ct);
        var origin = http.Request.Origin();
        var items = events.Select(e =>
        {
            var text = EventTexts.Best(e, chain);
            var when = EventTimes.In(e.StartsAt, e.EndsAt, e.TimeZone).Text;
            var url = $"{origin}/{culture}/events/{e.Slug}";
            return new FeedItem(url, text.Title, url, string.IsNullOrWhiteSpace(text.Summary) ? when : $"{when}. {text.Summary}",
                $"<p>{System.Net.WebUtility.HtmlEncode(when)}</p>{text.BodyHtml}", e.CreatedAt, Later(e.CreatedAt, e.UpdatedAt), text.Culture,
                [.. e.Categories.Select(c => c.Name)]);
        }).ToList();
        var site = await SiteNameAsync(http, culture);
        return new Feed($"{site}: {title}", title, $"{origin}/{culture}/events", origin + http.Request.Path, culture, items, site);
    }

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;
}
