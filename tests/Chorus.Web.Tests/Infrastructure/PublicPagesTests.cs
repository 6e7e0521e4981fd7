using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>Output caching, eviction on change, compression and immutable fingerprinted assets.</summary>
public sealed class PublicPagesTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    [Fact]
    public async Task A_repeated_anonymous_get_is_served_from_the_cache()
    {
        var client = app.CreatePlainClient();
        await client.GetAsync(new Uri("/en/statements", UriKind.Relative));

        var again = await client.GetAsync(new Uri("/en/statements", UriKind.Relative));

        Assert.NotNull(again.Headers.Age); // only cached responses carry an Age
    }

    [Fact]
    public async Task Editing_a_post_shows_the_new_title_on_the_home_page_at_once()
    {
        var (_, before) = await app.GetHtml("/en/");
        var first = before.QuerySelector(".block-news .post-list h3 a")!;
        var slug = first.GetAttribute("href")!.Split('/')[^1];
        await app.GetHtml("/en/"); // now certainly cached

        await app.WithDb(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == slug);
            post.Title = "A corrected headline";
            await db.SaveChangesAsync();
        });

        var (_, after) = await app.GetHtml("/en/");
        Assert.Equal("A corrected headline", after.QuerySelector(".block-news .post-list h3 a")!.TextContent);
        var (_, page) = await app.GetHtml($"/en/news/{slug}");
        Assert.Equal("A corrected headline", page.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed_for_clients_that_accept_it(string encoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/en/pages/about");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await app.CreatePlainClient().SendAsync(request);

        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
        var plain = await app.CreatePlainClient().GetAsync(new Uri("/en/pages/about", UriKind.Relative));
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length < (await plain.Content.ReadAsByteArrayAsync()).Length / 2);
    }

    [Fact]
    public async Task The_stylesheet_has_a_fingerprinted_address()
    {
        var (_, html) = await app.GetHtml("/en/");
        var href = html.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", href);

        var response = await app.CreatePlainClient().GetAsync(new Uri(href, UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        // The year-long immutable caching applies to the published app; the browser tests check it there.
    }
}
