using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Tests.Features.Content;

public sealed class MarkdownTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    [Fact]
    public async Task Scripts_and_javascript_links_in_markdown_are_neutralised_on_the_page()
    {
        await app.Add(Posts.Make("Hostile post", app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), body: """
            Hello <script>alert('owned')</script> world.

            [Click me](javascript:alert('owned')) and <a href="javascript:alert(1)">this</a>
            <img src="x" onerror="alert(1)"> <img src="https://tracker.example/pixel.gif" alt="pixel">
            <iframe src="https://evil.example/"></iframe>

            [A real link](https://example.org/report) and **bold** text.
            """));

        var (response, html) = await app.GetHtml("/en/news/hostile-post");

        Assert.Equal(200, (int)response.StatusCode);
        var body = html.QuerySelector(".body")!;
        Assert.Empty(body.QuerySelectorAll("script, iframe"));
        Assert.DoesNotContain("javascript:", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", body.InnerHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("tracker.example", body.InnerHtml, StringComparison.Ordinal);
        Assert.Equal("https://example.org/report", body.QuerySelector("a[href^='https']")!.GetAttribute("href"));
        Assert.Equal("bold", body.QuerySelector("strong")!.TextContent);
    }

    [Fact]
    public async Task Inline_styles_and_other_sites_images_are_dropped_so_nothing_is_fetched_from_another_site()
    {
        await app.Add(Posts.Make("Styled post", app.Clock.GetUtcNow().UtcDateTime.AddHours(-1), body: """
            <p style="background:url(https://other.example/x.png)">hi</p>

            <span style="color: red">red</span> <input type="image" src="https://other.example/button.png" alt="go">
            <img src="/\other.example/y.png" alt="y"> <img src="/&#9;/other.example/z.png" alt="z"> <img src="/media/ours.jpg" alt="ours">
            and a table:

            | Left | Right |
            |:-----|------:|
            | a    | b     |
            """));

        var (response, html) = await app.GetHtml("/en/news/styled-post");
        var feed = await app.CreatePlainClient().GetStringAsync(new Uri("/en/feed.xml", UriKind.Relative));

        Assert.Equal(200, (int)response.StatusCode);
        var body = html.QuerySelector(".body")!;
        Assert.Equal("hi", body.QuerySelector("p")!.TextContent);
        Assert.Equal("b", body.QuerySelector("td:last-child")!.TextContent);
        Assert.Empty(html.QuerySelectorAll("main [style]"));
        Assert.Equal(["/media/ours.jpg"], body.QuerySelectorAll("[src]").Select(e => e.GetAttribute("src")));
        Assert.DoesNotContain("other.example", html.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("other.example", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Excerpt_is_plain_text_cut_on_a_word_boundary_unless_a_summary_is_given()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        var words = string.Join(' ', Enumerable.Repeat("**Solidarity** across [borders](https://example.org)", 30));
        var withSummary = Posts.Make("With summary", now.AddMinutes(-1), body: words);
        withSummary.Summary = "A hand-written summary.";
        await app.Add(Posts.Make("Long post", now, body: "# Heading\n\n" + words), withSummary);

        var (_, home) = await app.GetHtml("/en/");
        var excerpts = home.QuerySelectorAll(".post-list .excerpt").Select(p => p.TextContent).ToArray();

        var excerpt = excerpts[0];
        Assert.StartsWith("Heading Solidarity across borders Solidarity", excerpt, StringComparison.Ordinal);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
        Assert.True(excerpt.Length <= Post.ExcerptLength + 1, $"excerpt has {excerpt.Length} characters");
        Assert.DoesNotContain("*", excerpt, StringComparison.Ordinal);
        Assert.DoesNotContain("https", excerpt, StringComparison.Ordinal);
        // Cut between words, never inside one.
        Assert.Matches(@"(Solidarity|across|borders)…$", excerpt);
        Assert.Equal("A hand-written summary.", excerpts[1]);
    }

    [Fact]
    public void Excerpt_of_a_short_body_is_the_whole_text()
    {
        Assert.Equal("Short and sweet.", ContentMarkdown.ToExcerpt("Short *and* sweet.", 100));
    }
}
