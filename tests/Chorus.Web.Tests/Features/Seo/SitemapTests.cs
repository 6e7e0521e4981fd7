using System.Net;
using System.Xml.Linq;
using Chorus.Web.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Seo;

/// <summary>The sitemap as a search engine reads it: every published page once, alternates only for real translations.</summary>
public sealed class SitemapTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    private async Task<XDocument> Load(string url)
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_published_page_is_listed_once_with_alternates_only_for_real_translations()
    {
        await app.Add(Posts.Make("Sitemap draft", app.Clock.GetUtcNow().UtcDateTime.AddDays(-1), PostStatus.Draft));
        var index = await Load("/sitemap.xml");
        var urls = new List<XElement>();
        foreach (var part in index.Descendants(Sm + "loc").Select(l => new Uri(l.Value).PathAndQuery))
        {
            urls.AddRange((await Load(part)).Descendants(Sm + "url"));
        }
        var locs = urls.Select(u => new Uri(u.Element(Sm + "loc")!.Value).AbsolutePath).ToList();

        Assert.Equal(locs.Count, locs.Distinct().Count());
        var published = await app.WithDb(db => db.Posts.AsNoTracking().Published(app.Clock.GetUtcNow().UtcDateTime)
            .Select(p => new { p.Slug, p.Culture, p.Kind }).ToListAsync());
        Assert.All(published, p => Assert.Contains(p.Kind == PostKind.Page ? $"/{p.Culture}/pages/{p.Slug}" : $"/{p.Culture}/news/{p.Slug}", locs));
        Assert.DoesNotContain(locs, l => l.EndsWith("/sitemap-draft", StringComparison.Ordinal));

        // About is written in English and translated by people into French and Spanish: three addresses, each naming the three.
        Assert.Contains("/fr/pages/about", locs);
        Assert.DoesNotContain("/ar/pages/about", locs);
        var about = urls.Single(u => u.Element(Sm + "loc")!.Value.EndsWith("/es/pages/about", StringComparison.Ordinal));
        Assert.Equal(["en", "es", "fr"], about.Elements(Xhtml + "link").Select(l => l.Attribute("hreflang")!.Value).Order());
        Assert.NotNull(about.Element(Sm + "lastmod"));
        // A post nobody translated has one address and no alternates.
        var untranslated = urls.Single(u => u.Element(Sm + "loc")!.Value.EndsWith("/en/news/a-new-coordination-team-at-the-secretariat", StringComparison.Ordinal));
        Assert.Empty(untranslated.Elements(Xhtml + "link"));
        // The open letter campaign is written in English, French and Spanish.
        Assert.Contains("/es/campaigns/open-letter-migrants-day-2020", locs);
        Assert.DoesNotContain("/zh/campaigns/open-letter-migrants-day-2020", locs);
    }
}
