using System.Net;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>The demo's two past issues: web versions in English, French and Spanish, the archive, the feed and the sitemap.</summary>
public sealed class DemoIssueTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    [Theory]
    [InlineData("en", "International Migrants Day 2021: join us around the world")]
    [InlineData("fr", "Journée internationale des migrants 2021 : rejoignez-nous partout dans le monde")]
    [InlineData("es", "Día Internacional del Migrante 2021: únase a nosotros en todo el mundo")]
    public async Task The_migrants_day_issue_reads_in_each_language(string culture, string subject)
    {
        var (response, html) = await app.GetHtml($"/{culture}/newsletter/2021-12-international-migrants-day");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(subject, html.QuerySelector("h1")!.TextContent);
        // The day's programme, its times in the organiser's zone, named.
        Assert.Contains("(Paris)", html.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(html.QuerySelector($"main a[href='/{culture}/events/international-migrants-day-2021']"));

        var (_, archive) = await app.GetHtml($"/{culture}/newsletter/issues");
        Assert.Equal(2, archive.QuerySelectorAll("ul.issue-list li").Length);
        Assert.NotNull(archive.QuerySelector($"link[rel=alternate][href*='/{culture}/newsletter/feed']"));
    }

    [Fact]
    public async Task Issues_are_in_the_feed_and_the_sitemap_and_no_address_is()
    {
        var client = app.CreatePlainClient();
        var feed = await client.GetStringAsync(new Uri("/fr/newsletter/feed.xml", UriKind.Relative));
        Assert.Contains("Une nouvelle année de travail ensemble", feed, StringComparison.Ordinal);
        var sitemap = await client.GetStringAsync(new Uri("/sitemaps/newsletters.xml", UriKind.Relative));
        Assert.Contains("/es/newsletter/2022-01-new-year", sitemap, StringComparison.Ordinal);
        Assert.Contains("/ar/newsletter/issues", sitemap, StringComparison.Ordinal);
        Assert.Contains("/sitemaps/newsletters.xml", await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)), StringComparison.Ordinal);
        var api = await client.GetStringAsync(new Uri("/api/v1/newsletters", UriKind.Relative));
        foreach (var text in new[] { feed, sitemap, api })
        {
            Assert.DoesNotContain(".example", text, StringComparison.Ordinal);
        }
    }
}
