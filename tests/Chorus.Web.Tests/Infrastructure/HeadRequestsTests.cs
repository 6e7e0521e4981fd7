using System.Net;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>HEAD, as feed readers, calendar apps and link checkers send it, gets a GET's status and headers on every public read.</summary>
public sealed class HeadRequestsTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    [Theory]
    [InlineData("/en/")]
    [InlineData("/en/feed.xml")]
    [InlineData("/en/feed.atom")]
    [InlineData("/en/feed.json")]
    [InlineData("/en/statements/feed.xml")]
    [InlineData("/en/category/un-processes/feed.xml")]
    [InlineData("/en/events/feed.xml")]
    [InlineData("/en/events.ics")]
    [InlineData("/en/events/international-migrants-day-2021.ics")]
    [InlineData("/sitemap.xml")]
    [InlineData("/sitemaps/site.xml")]
    [InlineData("/robots.txt")]
    [InlineData("/en/campaigns/position-paper-review-forum/badge.svg")]
    [InlineData("/en/campaigns/position-paper-review-forum/count.json")]
    [InlineData("/en/campaigns/position-paper-review-forum/signatories.json")]
    [InlineData("/en/organizations/suggest?q=mi")]
    [InlineData("/api/v1/posts")]
    public async Task Head_answers_with_the_headers_of_get(string url)
    {
        var client = app.CreatePlainClient();
        using var get = await client.GetAsync(new Uri(url, UriKind.Relative));
        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.ToString(), head.Content.Headers.ContentType?.ToString());
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.LastModified, head.Content.Headers.LastModified);
    }
}
