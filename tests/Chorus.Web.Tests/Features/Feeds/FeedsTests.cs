using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Chorus.Web.Features.Content;

namespace Chorus.Web.Tests.Features.Feeds;

/// <summary>RSS, Atom and JSON Feed as feed readers fetch them: they parse, carry the newest posts, answer 304 when unchanged.</summary>
public sealed class FeedsTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    private async Task<HttpResponseMessage> Get(string url, Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        change?.Invoke(request);
        return await app.CreatePlainClient().SendAsync(request);
    }

    private async Task<SyndicationFeed> Xml(string url)
    {
        var response = await Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = XmlReader.Create(await response.Content.ReadAsStreamAsync());
        return SyndicationFeed.Load(reader);
    }

    [Fact]
    public async Task Every_format_parses_and_lists_the_newest_published_posts_first()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.Add(
            Posts.Make("Feed older post", now.AddDays(-3)),
            Posts.Make("Feed newest statement", now.AddHours(-1), kind: PostKind.Statement),
            Posts.Make("Feed draft", now.AddHours(-2), PostStatus.Draft),
            Posts.Make("Feed tomorrow", now.AddDays(1), PostStatus.Scheduled));

        var rss = await Xml("/en/feed.xml");
        var atom = await Xml("/en/feed.atom");
        var json = JsonDocument.Parse(await (await Get("/en/feed.json")).Content.ReadAsStringAsync()).RootElement;

        string[] expected = ["Feed newest statement", "Feed older post"];
        Assert.Equal(expected, rss.Items.Select(i => i.Title.Text).Where(t => t.StartsWith("Feed", StringComparison.Ordinal)));
        Assert.Equal(expected, atom.Items.Select(i => i.Title.Text).Where(t => t.StartsWith("Feed", StringComparison.Ordinal)));
        Assert.Equal("https://jsonfeed.org/version/1.1", json.GetProperty("version").GetString());
        Assert.Equal(expected, json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).Where(t => t.StartsWith("Feed", StringComparison.Ordinal)));
        Assert.EndsWith("/en/news/feed-newest-statement", rss.Items.First().Links[0].Uri.ToString(), StringComparison.Ordinal);
        Assert.All(json.GetProperty("items").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("content_html").GetString())));

        var statements = await Xml("/en/statements/feed.xml");
        Assert.Equal(["Feed newest statement"], statements.Items.Select(i => i.Title.Text));
    }

    [Fact]
    public async Task A_repeated_request_for_an_unchanged_feed_gets_304()
    {
        await app.Add(Posts.Make("Conditional post", app.Clock.GetUtcNow().UtcDateTime.AddHours(-5)));
        var first = await Get("/en/feed.atom");
        var etag = first.Headers.ETag!;
        var modified = first.Content.Headers.LastModified!.Value;

        var byTag = await Get("/en/feed.atom", r => r.Headers.IfNoneMatch.Add(etag));
        var byDate = await Get("/en/feed.atom", r => r.Headers.IfModifiedSince = modified);
        Assert.Equal(HttpStatusCode.NotModified, byTag.StatusCode);
        Assert.Equal(HttpStatusCode.NotModified, byDate.StatusCode);

        await app.Add(Posts.Make("A newer post", app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1)));
        var changed = await Get("/en/feed.atom", r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Contains("A newer post", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

}

/// <summary>The demo site's feeds: announced by the pages, and free of email addresses.</summary>
public sealed partial class DemoFeedsTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    private async Task<HttpResponseMessage> Get(string url) => await app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

    [Fact]
    public async Task Pages_announce_their_feeds_and_no_feed_carries_an_email_address()
    {
        var (_, statements) = await app.GetHtml("/fr/statements");
        Assert.Equal("http://localhost/fr/statements/feed.atom", statements.QuerySelector("link[rel=alternate][type='application/atom+xml']")!.GetAttribute("href"));
        var (_, home) = await app.GetHtml("/en/");
        Assert.Equal("http://localhost/en/feed.json", home.QuerySelector("link[rel=alternate][type='application/feed+json']")!.GetAttribute("href"));

        foreach (var url in new[] { "/en/feed.xml", "/en/feed.atom", "/en/feed.json", "/en/statements/feed.json", "/en/events/feed.xml", "/ar/feed.atom" })
        {
            var response = await Get(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotMatch(Email(), body);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/en/feed.txt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/en/category/no-such-category/feed.xml")).StatusCode);
    }

    [Fact]
    public async Task Atom_names_authors_and_marks_entries_in_another_language_and_rss_gives_its_own_address()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var feed = XDocument.Parse(await (await Get("/ar/feed.atom")).Content.ReadAsStringAsync()).Root!;
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(atom + "author")?.Element(atom + "name")?.Value));
        var entries = feed.Elements(atom + "entry").ToList();
        Assert.NotEmpty(entries);
        // The demo's posts are written in English and not all translated into Arabic: those say they are English.
        var english = entries.Where(e => e.Attribute(XNamespace.Xml + "lang")?.Value == "en").ToList();
        Assert.NotEmpty(english);
        Assert.All(entries.Except(english), e => Assert.Null(e.Attribute(XNamespace.Xml + "lang")));
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace(e.Element(atom + "author")?.Element(atom + "name")?.Value)));

        var rss = XDocument.Parse(await (await Get("/en/statements/feed.xml")).Content.ReadAsStringAsync());
        var self = rss.Root!.Element("channel")!.Elements(atom + "link").Single(l => l.Attribute("rel")?.Value == "self");
        Assert.Equal("http://localhost/en/statements/feed.xml", self.Attribute("href")!.Value);
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();
}
