namespace Chorus.Web.Tests.Features.Seo;

/// <summary>What search engines and link previews read in a page's head.</summary>
public sealed class PageMetaTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    [Theory]
    [InlineData("/fr/pages/about")]
    [InlineData("/en/statements")]
    [InlineData("/ar/events/international-migrants-day-2021")]
    [InlineData("/es/campaigns/open-letter-migrants-day-2020/signatories")]
    public async Task Public_pages_have_a_canonical_address_a_description_and_a_card(string url)
    {
        var (_, html) = await app.GetHtml(url);

        Assert.Equal("http://localhost" + url, html.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("http://localhost" + url, html.QuerySelector("meta[property='og:url']")!.GetAttribute("content"));
        Assert.False(string.IsNullOrWhiteSpace(html.QuerySelector("meta[name=description]")!.GetAttribute("content")));
        Assert.Equal(html.QuerySelector("h1")!.TextContent.Trim(), html.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal("summary", html.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task A_page_that_is_not_found_names_no_canonical_address()
    {
        var (_, html) = await app.GetHtml("/en/campaigns/no-such-campaign");
        Assert.Null(html.QuerySelector("link[rel=canonical]"));
    }
}
