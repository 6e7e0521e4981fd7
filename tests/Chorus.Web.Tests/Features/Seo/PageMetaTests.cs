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
    public async Task A_post_shown_in_another_language_for_want_of_a_translation_sends_search_engines_to_its_original()
    {
        // No Arabic text of this statement exists: /ar/ shows the English one.
        var (_, arabic) = await app.GetHtml("/ar/news/solutions-not-violence-at-our-borders");
        Assert.Equal("http://localhost/en/news/solutions-not-violence-at-our-borders", arabic.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Single(arabic.QuerySelectorAll("link[rel=canonical]"));
        Assert.Equal("noindex", arabic.QuerySelector("meta[name=robots]")!.GetAttribute("content"));

        // Its French translation, written by a person, is a page of its own.
        var (_, french) = await app.GetHtml("/fr/news/solutions-not-violence-at-our-borders");
        Assert.Equal("http://localhost/fr/news/solutions-not-violence-at-our-borders", french.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Null(french.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task A_post_is_an_article_to_link_previews_and_a_listing_a_website()
    {
        var (_, post) = await app.GetHtml("/fr/news/solutions-not-violence-at-our-borders");
        Assert.Equal("article", post.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        var (_, listing) = await app.GetHtml("/fr/statements");
        Assert.Equal("website", listing.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task A_page_that_is_not_found_names_no_canonical_address()
    {
        var (_, html) = await app.GetHtml("/en/campaigns/no-such-campaign");
        Assert.Null(html.QuerySelector("link[rel=canonical]"));
    }
}

/// <summary>schema.org data a search engine reads from a statement and an organisation's profile.</summary>
public sealed class StructuredDataTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    private async Task<List<System.Text.Json.JsonElement>> Things(string url)
    {
        var (_, html) = await app.GetHtml(url);
        var json = System.Text.Json.JsonDocument.Parse(html.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        return json.ValueKind == System.Text.Json.JsonValueKind.Array ? [.. json.EnumerateArray()] : [json];
    }

    [Fact]
    public async Task A_statement_is_a_news_article_issued_by_its_organisations_with_a_breadcrumb_trail()
    {
        var things = await Things("/en/news/twelve-recommendations-for-the-international-migration-review-forum");
        var article = things.Single(t => t.GetProperty("@type").GetString() == "NewsArticle");
        Assert.Equal("http://localhost/en/news/twelve-recommendations-for-the-international-migration-review-forum", article.GetProperty("url").GetString());
        Assert.Contains("Sahel Mobility Network", article.GetProperty("author").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var trail = things.Single(t => t.GetProperty("@type").GetString() == "BreadcrumbList").GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(["Crossroads Coalition", "Statements"], trail.Take(2).Select(i => i.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task A_campaign_is_a_page_to_endorse_with_its_count_and_deadline()
    {
        var (_, html) = await app.GetHtml("/en/campaigns/position-paper-review-forum");
        var page = (await Things("/en/campaigns/position-paper-review-forum")).Single(t => t.GetProperty("@type").GetString() == "WebPage");
        var work = page.GetProperty("mainEntity");
        Assert.Equal(html.QuerySelector("h1")!.TextContent, work.GetProperty("name").GetString());
        var count = int.Parse(html.QuerySelector(".count strong")!.TextContent.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(count, work.GetProperty("interactionStatistic").GetProperty("userInteractionCount").GetInt32());
        Assert.Equal("https://schema.org/EndorseAction", work.GetProperty("interactionStatistic").GetProperty("interactionType").GetString());
    }

    [Fact]
    public async Task A_profile_is_an_organization_with_its_country_and_website()
    {
        var organisation = (await Things("/fr/organizations/sahel-mobility-network")).Single(t => t.GetProperty("@type").GetString() == "Organization");
        Assert.Equal("SMN", organisation.GetProperty("alternateName").GetString());
        Assert.Equal("SN", organisation.GetProperty("address").GetProperty("addressCountry").GetString());
        Assert.Equal("https://sahelmobility.example/", organisation.GetProperty("sameAs").GetString());
    }
}
