using Chorus.Web.Features.Consultations;
using System.Globalization;
using System.Text;
using System.Xml;
using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Seo;

/// <summary>One address of a page in one language, with the addresses of its real translations.</summary>
internal sealed record SitemapUrl(string Path, DateTime? Modified, IReadOnlyList<(string Culture, string Path)> Alternates);

/// <summary>
/// /sitemap.xml: an index of parts (the site's sections, posts in parts of 5,000, events, organisations, campaigns),
/// each listing every public page once per language it really exists in, with <c>xhtml:link</c> alternates for its
/// real translations only and <c>lastmod</c>. Written with XmlWriter: the format is a handful of elements and no
/// maintained package writes it.
/// </summary>
internal static class Sitemaps
{
    public const int PostsPerPart = 5000;
    private const string SitemapNs = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    /// <summary>The site's sections, in every language (their interface is translated).</summary>
    private static readonly string[] Sections = ["/", "/statements", "/events", "/organizations", "/campaigns", "/consultations"];

    public static void MapSitemaps(this WebApplication app)
    {
        // Not a static file: the sitemap's address is absolute, so it names the origin the site is served on.
        app.MapRead("/robots.txt", (HttpContext http) => Results.Text($"""
            User-agent: *
            Disallow: /admin/
            Disallow: /error/
            Disallow: /*/search

            Sitemap: {http.Request.Origin()}/sitemap.xml

            """, "text/plain; charset=utf-8")).CacheOutput(PublicPages.Policy);

        app.MapRead("/sitemap.xml", async (HttpContext http, ChorusDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var posts = db.Posts.AsNoTracking().Published(now);
            var count = await posts.CountAsync(ct);
            var parts = new List<(string Path, DateTime? Modified)> { ("/sitemaps/site.xml", null) };
            for (var n = 1; n <= Math.Max(1, (count + PostsPerPart - 1) / PostsPerPart); n++)
            {
                parts.Add(($"/sitemaps/posts-{n}.xml", null));
            }
            parts.Add(("/sitemaps/events.xml", await db.Events.Where(e => e.DeletedAt == null).MaxAsync(e => (DateTime?)e.UpdatedAt, ct)));
            parts.Add(("/sitemaps/organisations.xml", await db.Organisations.Where(o => o.ArchivedAt == null).MaxAsync(o => (DateTime?)o.UpdatedAt, ct)));
            parts.Add(("/sitemaps/campaigns.xml", await db.Campaigns.Where(c => c.DeletedAt == null).MaxAsync(c => (DateTime?)c.UpdatedAt, ct)));
            parts.Add(("/sitemaps/consultations.xml", await db.Consultations.Where(c => c.DeletedAt == null).MaxAsync(c => (DateTime?)c.UpdatedAt, ct)));
            parts.Add(("/sitemaps/newsletters.xml", await db.NewsletterIssues.Where(i => i.State == Newsletter.Issues.IssueState.Sent).MaxAsync(i => i.SentAt, ct)));
            return Xml(w =>
            {
                w.WriteStartElement("sitemapindex", SitemapNs);
                foreach (var (path, modified) in parts)
                {
                    w.WriteStartElement("sitemap", SitemapNs);
                    w.WriteElementString("loc", SitemapNs, http.Request.Origin() + path);
                    if (modified is { } at)
                    {
                        w.WriteElementString("lastmod", SitemapNs, Date(at));
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
            });
        }).CacheOutput(PublicPages.Policy);

        app.MapRead("/sitemaps/{part}.xml", async (string part, HttpContext http, ChorusDb db, TimeProvider clock, IOptions<SiteOptions> site, CancellationToken ct) =>
        {
            var cultures = site.Value.Cultures;
            var now = clock.GetUtcNow().UtcDateTime;
            IReadOnlyList<SitemapUrl>? urls = part switch
            {
                "site" => [.. Sections.SelectMany(p => InEvery(cultures, c => $"/{c}{p}"))],
                "events" => Expand(await db.Events.AsNoTracking().Where(e => e.DeletedAt == null)
                    .Select(e => new Page(e.Slug, e.Culture, e.UpdatedAt, e.Translations.Select(t => t.Culture).ToList())).ToListAsync(ct),
                    (c, slug) => $"/{c}/events/{slug}"),
                "organisations" => Expand(await db.Organisations.AsNoTracking().Where(o => o.ArchivedAt == null)
                    .Select(o => new Page(o.Slug, o.Culture, o.UpdatedAt, o.Translations.Select(t => t.Culture).ToList())).ToListAsync(ct),
                    (c, slug) => $"/{c}/organizations/{slug}"),
                "campaigns" => Expand(await db.Campaigns.AsNoTracking().Where(c => c.DeletedAt == null && c.OpensAt <= now)
                    .Select(c => new Page(c.Slug, c.Culture, c.UpdatedAt, c.Translations.Select(t => t.Culture).ToList())).ToListAsync(ct),
                    (c, slug) => $"/{c}/campaigns/{slug}"),
                // A consultation's page, and its results once published.
                "consultations" => [.. Expand(await db.Consultations.AsNoTracking().Listed(now)
                    .Select(c => new Page(c.Slug, c.Culture, c.UpdatedAt, c.Translations.Select(t => t.Culture).ToList())).ToListAsync(ct),
                    (c, slug) => $"/{c}/consultations/{slug}"), .. Expand(await db.Consultations.AsNoTracking().Listed(now).Where(c => c.ResultsPublished)
                    .Select(c => new Page(c.Slug, c.Culture, c.UpdatedAt, c.Translations.Select(t => t.Culture).ToList())).ToListAsync(ct),
                    (c, slug) => $"/{c}/consultations/{slug}/results")],
                "newsletters" => [.. InEvery(cultures, c => $"/{c}/newsletter/issues"), .. Expand(
                    (await db.NewsletterIssues.AsNoTracking().Where(i => i.State == Newsletter.Issues.IssueState.Sent).OrderBy(i => i.Id).ToListAsync(ct))
                    .Select(i => new Page(i.Slug, i.Culture, i.SentAt ?? i.UpdatedAt, [.. i.Translations.Select(t => t.Culture).Intersect(cultures)])),
                    (c, slug) => $"/{c}/newsletter/{slug}")],
                _ when part.StartsWith("posts-", StringComparison.Ordinal)
                    && int.TryParse(part["posts-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 =>
                    await PostsAsync(db, now, n, ct),
                _ => null,
            };
            return urls is null ? Results.NotFound() : Xml(w => Write(w, http.Request.Origin(), urls));
        }).CacheOutput(PublicPages.Policy);
    }

    private sealed record Page(string Slug, string Culture, DateTime Modified, List<string> Translations);

    /// <summary>Posts and static pages, by id, in the original and each human translation (machine translations are not indexed).</summary>
    private static async Task<IReadOnlyList<SitemapUrl>?> PostsAsync(ChorusDb db, DateTime now, int part, CancellationToken ct)
    {
        var posts = await db.Posts.AsNoTracking().Published(now).OrderBy(p => p.Id).Skip((part - 1) * PostsPerPart).Take(PostsPerPart)
            .Select(p => new
            {
                p.Slug, p.Culture, p.Kind, Modified = p.UpdatedAt > p.PublishedAt!.Value ? p.UpdatedAt : p.PublishedAt.Value,
                Human = p.Translations.Where(t => t.State == TranslationState.Human).Select(t => t.Culture).ToList(),
            })
            .ToListAsync(ct);
        if (posts.Count == 0 && part > 1)
        {
            return null;
        }
        var pages = posts.Where(p => p.Kind == PostKind.Page).Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        return Expand([.. posts.Select(p => new Page(p.Slug, p.Culture, p.Modified, p.Human))],
            (c, slug) => pages.Contains(slug) ? PostQueries.PagePath(c, slug) : PostQueries.NewsPath(c, slug));
    }

    /// <summary>Every page once per language it exists in; alternates only when it exists in more than one.</summary>
    private static List<SitemapUrl> Expand(IEnumerable<Page> pages, Func<string, string, string> path) =>
        [.. pages.SelectMany(p =>
        {
            var cultures = p.Translations.Prepend(p.Culture).Distinct().ToList();
            var alternates = cultures.Count > 1 ? cultures.Select(c => (c, path(c, p.Slug))).ToList() : [];
            return cultures.Select(c => new SitemapUrl(path(c, p.Slug), p.Modified, alternates));
        })];

    private static IEnumerable<SitemapUrl> InEvery(IReadOnlyList<string> cultures, Func<string, string> path)
    {
        var alternates = cultures.Select(c => (c, path(c))).ToList();
        return cultures.Select(c => new SitemapUrl(path(c), null, alternates));
    }

    private static void Write(XmlWriter w, string origin, IReadOnlyList<SitemapUrl> urls)
    {
        w.WriteStartElement("urlset", SitemapNs);
        w.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
        foreach (var url in urls)
        {
            w.WriteStartElement("url", SitemapNs);
            w.WriteElementString("loc", SitemapNs, origin + url.Path);
            if (url.Modified is { } at)
            {
                w.WriteElementString("lastmod", SitemapNs, Date(at));
            }
            foreach (var (culture, path) in url.Alternates)
            {
                w.WriteStartElement("link", XhtmlNs);
                w.WriteAttributeString("rel", "alternate");
                w.WriteAttributeString("hreflang", culture);
                w.WriteAttributeString("href", origin + path);
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static IResult Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            write(writer);
        }
        return Results.Bytes(stream.ToArray(), "application/xml; charset=utf-8");
    }

    private static string Date(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
