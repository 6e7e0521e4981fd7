using Chorus.Web.Features.Content;

namespace Chorus.Web.Tests.Features.Content;

/// <summary>25 posts, one a day; "Post 25" is the newest.</summary>
public sealed class TwentyFivePosts : EmptyChorusFactory
{
    public override async Task InitializeAsync()
    {
        // Posts 12 and 13 share an instant, to exercise the id tie-break.
        var posts = Enumerable.Range(1, 25)
            .Select(n => Posts.Make($"Post {n:00}", new DateTime(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc).AddDays(n == 13 ? 12 : n)))
            .ToArray();
        await this.Add(posts);
    }
}

public sealed class PagingTests(TwentyFivePosts app) : IClassFixture<TwentyFivePosts>
{
    internal static string[] Titles(AngleSharp.Html.Dom.IHtmlDocument html) =>
        [.. html.QuerySelectorAll(".post-list h2").Select(h => h.TextContent.Trim())];

    private static string[] Expected(int from, int to) =>
        [.. Enumerable.Range(to, from - to + 1).Reverse().Select(n => $"Post {n:00}")];

    [Fact]
    public async Task Older_and_newer_links_walk_the_posts_ten_at_a_time()
    {
        var (_, first) = await app.GetHtml("/en/");
        Assert.Equal(Expected(25, 16), Titles(first));
        Assert.Null(first.QuerySelector("a[rel=prev]"));

        var (_, second) = await app.GetHtml(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        // Page 2 holds the 11th to the 20th newest. Posts 12 and 13 share an instant: 13 (higher id) first.
        Assert.Equal(["Post 15", "Post 14", "Post 13", "Post 12", "Post 11", "Post 10", "Post 09", "Post 08", "Post 07", "Post 06"], Titles(second));

        var (_, third) = await app.GetHtml(second.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(Expected(5, 1), Titles(third));
        Assert.Null(third.QuerySelector("a[rel=next]"));

        var (_, back) = await app.GetHtml(third.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(Titles(second), Titles(back));
        var (_, front) = await app.GetHtml(back.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal(Expected(25, 16), Titles(front));
        Assert.Null(front.QuerySelector("a[rel=prev]"));
    }
}

public sealed class CategoryPagingTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    private static string[] Titles(AngleSharp.Html.Dom.IHtmlDocument html) => PagingTests.Titles(html);

    [Fact]
    public async Task Category_pages_page_through_their_own_posts_only()
    {
        await app.WithDb(async db =>
        {
            var category = new Category { Name = "Detention", Slug = "detention" };
            var posts = Enumerable.Range(1, 12)
                .Select(n => Posts.Make($"Detention {n:00}", new DateTime(2024, 6, n, 9, 0, 0, DateTimeKind.Utc)))
                .ToList();
            posts.ForEach(p => p.Categories.Add(category));
            db.Posts.AddRange(posts);
            db.Posts.Add(Posts.Make("Elsewhere", new DateTime(2024, 7, 1, 9, 0, 0, DateTimeKind.Utc)));
            await db.SaveChangesAsync();
        });

        var (_, first) = await app.GetHtml("/en/category/detention");
        Assert.Equal("Detention", first.QuerySelector("h1")!.TextContent);
        Assert.Equal([.. Enumerable.Range(3, 10).Reverse().Select(n => $"Detention {n:00}")], Titles(first));
        var (_, second) = await app.GetHtml(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(["Detention 02", "Detention 01"], Titles(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));
    }
}

/// <summary>The listings' own queries (compiled, with the public rule written out) list exactly what the feeds list.</summary>
public sealed class ListingRuleTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    [Fact]
    public async Task Home_and_category_pages_list_what_the_feed_lists_and_nothing_hidden()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDb(async db =>
        {
            var category = new Category { Name = "Returns", Slug = "returns" };
            var binned = Posts.Make("Binned post", now.AddDays(-3));
            binned.DeletedAt = now.AddDays(-1);
            Post[] posts =
            [
                Posts.Make("Public news", now.AddDays(-2)),
                Posts.Make("Public statement", now.AddDays(-1), kind: PostKind.Statement),
                Posts.Make("About page", now.AddDays(-4), kind: PostKind.Page),
                Posts.Make("Draft post", now.AddDays(-5), PostStatus.Draft),
                Posts.Make("Tomorrow's post", now.AddDays(1), PostStatus.Scheduled),
                binned,
            ];
            foreach (var post in posts)
            {
                post.Categories.Add(category);
            }
            db.Posts.AddRange(posts);
            await db.SaveChangesAsync();
        });

        string[] expected = ["Public statement", "Public news"];
        Assert.Equal(expected, PagingTests.Titles((await app.GetHtml("/en/")).Html));
        Assert.Equal(expected, PagingTests.Titles((await app.GetHtml("/en/category/returns")).Html));
        var feed = System.Xml.Linq.XDocument.Parse(await app.CreateClient().GetStringAsync("/en/category/returns/feed.xml"));
        Assert.Equal(expected, feed.Descendants().Where(e => e.Name.LocalName == "item")
            .Select(i => i.Elements().First(e => e.Name.LocalName == "title").Value).ToArray());
    }
}
