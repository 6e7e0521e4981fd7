using Chorus.Web.Features.Content;

namespace Chorus.Web.Tests.Features.Content;

/// <summary>Drafts never show; scheduled posts appear at their instant and not a moment before.</summary>
public sealed class PublicationTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    [Fact]
    public async Task Drafts_and_future_posts_stay_hidden_until_their_instant()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.Add(
            Posts.Make("Already out", now.AddDays(-1)),
            Posts.Make("Still a draft", now.AddDays(-1), PostStatus.Draft),
            Posts.Make("Coming tomorrow", now.AddHours(24), PostStatus.Scheduled));

        var (_, home) = await app.GetHtml("/en/");
        var titles = home.QuerySelectorAll(".post-list h2").Select(h => h.TextContent.Trim()).ToArray();
        Assert.Equal(["Already out"], titles);
        Assert.Equal(404, (int)(await app.GetHtml("/en/news/still-a-draft")).Response.StatusCode);
        Assert.Equal(404, (int)(await app.GetHtml("/en/news/coming-tomorrow")).Response.StatusCode);

        app.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        Assert.Equal(404, (int)(await app.GetHtml("/en/news/coming-tomorrow")).Response.StatusCode);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var (response, page) = await app.GetHtml("/en/news/coming-tomorrow");
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("Coming tomorrow", page.QuerySelector("h1")!.TextContent);
        var (_, later) = await app.GetHtml("/en/");
        Assert.Equal("Coming tomorrow", later.QuerySelector(".post-list h2")!.TextContent.Trim());
        Assert.Equal(404, (int)(await app.GetHtml("/en/news/still-a-draft")).Response.StatusCode);
    }
}
