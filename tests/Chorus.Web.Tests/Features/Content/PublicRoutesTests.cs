namespace Chorus.Web.Tests.Features.Content;

/// <summary>Every public route of the demo site answers with the right status, type and content.</summary>
public sealed class PublicRoutesTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    public static TheoryData<string, int, string, string> Routes => new()
    {
        { "/en/", 200, "text/html", "Read more" },
        { "/en/news/solutions-not-violence-at-our-borders", 200, "text/html", "Casa Puente" },
        { "/en/news/twelve-recommendations-for-the-international-migration-review-forum", 200, "text/html", "End the immigration detention of children." },
        { "/en/category/un-processes", 200, "text/html", "Dialogue with Member States: what we heard" },
        { "/en/statements", 200, "text/html", "Remarks at the civil society – Member States dialogue" },
        { "/en/pages/about", 200, "text/html", "global network of civil-society organisations" },
        { "/robots.txt", 200, "text/plain", "User-agent: *" },
        { "/favicon.svg", 200, "image/svg+xml", "<svg" },
        { "/favicon.ico", 200, "image/x-icon", "" },
        { "/en/no-such-page", 404, "text/html", "Page not found" },
        { "/en/news/no-such-post", 404, "text/html", "Page not found" },
        { "/en/category/no-such-category", 404, "text/html", "Page not found" },
        { "/en/pages/no-such-page", 404, "text/html", "Page not found" },
        { "/xx/", 404, "text/html", "Page not found" },
        { "/en/?before=not-a-cursor", 400, "text/html", "Bad request" },
        { "/en/statements?before=yesterday", 400, "text/html", "Bad request" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_answers_with_status_type_and_text(string url, int status, string contentType, string text)
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(text, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Root_redirects_to_the_english_home_page()
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(302, (int)response.StatusCode);
        Assert.Equal("/en/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_static_page_asked_for_as_news_moves_to_its_own_address()
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri("/en/news/about", UriKind.Relative));

        Assert.Equal(301, (int)response.StatusCode);
        Assert.Equal("/en/pages/about", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_news_page_shows_ten_posts_with_excerpts_read_more_links_and_a_way_to_older_posts()
    {
        var (_, html) = await app.GetHtml("/en/news");

        var items = html.QuerySelectorAll(".post-list > li");
        Assert.Equal(10, items.Length);
        Assert.All(items, item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.QuerySelector(".excerpt")?.TextContent));
            Assert.StartsWith("Read more", item.QuerySelector("a.more")?.TextContent, StringComparison.Ordinal);
            Assert.NotNull(item.QuerySelector("time[datetime]"));
        });
        var older = html.QuerySelector("a[rel=next]")?.GetAttribute("href");
        Assert.NotNull(older);
        var (olderResponse, olderHtml) = await app.GetHtml(older);
        Assert.Equal(200, (int)olderResponse.StatusCode);
        Assert.Equal(10, olderHtml.QuerySelectorAll(".post-list > li").Length);
    }

    [Fact]
    public async Task Pages_reference_no_other_origin_and_need_no_script()
    {
        foreach (var url in new[] { "/en/news", "/en/statements", "/en/pages/about", "/en/news/solutions-not-violence-at-our-borders" })
        {
            var (response, html) = await app.GetHtml(url);

            // JSON-LD data blocks are data, not script: nothing runs.
            Assert.Empty(html.QuerySelectorAll("script:not([type='application/ld+json'])"));
            var references = html.QuerySelectorAll("[src], link[href]:not([rel=alternate]):not([rel=canonical])").Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!);
            Assert.All(references, r => Assert.Matches("^/[^/]", r));
            // Alternates and the canonical address name the same site, absolutely, as search engines want.
            Assert.All(html.QuerySelectorAll("link[rel=alternate], link[rel=canonical]"), l => Assert.StartsWith("http://localhost/", l.GetAttribute("href"), StringComparison.Ordinal));
            Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }
}

/// <summary>A post leads its reader to what it announces and to the campaign gathering endorsements for it.</summary>
public sealed class PostLinksTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    [Fact]
    public async Task A_post_links_to_the_events_it_announces_and_to_its_sign_on_campaign()
    {
        var (campaign, campaignPost) = await app.WithDb(async db =>
        {
            var c = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Campaigns.Where(x => x.PostId != null && x.DeletedAt == null).OrderBy(x => x.Id));
            return (c, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Posts.Where(p => p.Id == c.PostId)));
        });
        var page = (await app.GetHtml($"/en/news/{campaignPost.Slug}")).Html;
        Assert.NotNull(page.QuerySelector($".campaign-links a[href='/en/campaigns/{campaign.Slug}']"));
        Assert.Equal(campaign.PublicList, page.QuerySelector($".campaign-links a[href='/en/campaigns/{campaign.Slug}/signatories']") is not null);

        var (announced, eventPost) = await app.WithDb(async db =>
        {
            var e = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Events.Where(x => x.PostId != null && x.DeletedAt == null).OrderBy(x => x.Id));
            return (e, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Posts.Where(p => p.Id == e.PostId)));
        });
        var link = (await app.GetHtml($"/en/news/{eventPost.Slug}")).Html.QuerySelector($"aside.notice a[href='/en/events/{announced.Slug}']");
        Assert.Equal(announced.Title, link?.TextContent);
    }
}
