using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Site;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Site;

/// <summary>Featured images chosen in the editors, and the home page the secretariat composes, on the demo site.</summary>
public sealed class HomePageTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_post_s_featured_image_is_responsive_sized_described_and_in_its_previews()
    {
        var image = await app.UploadAsync(IdentityApp.Jpeg(2000, 1000), "forum.jpg", "Delegates at the review forum");
        var post = await app.WithDb(db => db.Posts.Where(p => p.Kind == PostKind.News && p.Status == PostStatus.Published)
            .OrderByDescending(p => p.PublishedAt).Select(p => new { p.Id, p.Slug }).FirstAsync());

        var saved = await Staff.PostFormAsync(app.Editor, $"/admin/posts/{post.Id}", new Dictionary<string, string> { ["Input.ImageId"] = Id(image) }, "form.editor", "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, page) = await app.GetHtml($"/en/news/{post.Slug}");
        var img = page.QuerySelector("img.featured")!;
        Assert.Equal("Delegates at the review forum", img.GetAttribute("alt"));
        Assert.Equal(("1600", "800"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Matches("^/media/[0-9a-f]{16}-480\\.jpg 480w, /media/[0-9a-f]{16}-960\\.jpg 960w, /media/[0-9a-f]{16}-1600\\.jpg 1600w$", img.GetAttribute("srcset"));
        Assert.False(img.HasAttribute("loading")); // at the top of the page: not lazy
        var ogImage = page.QuerySelector("meta[property='og:image']")!.GetAttribute("content")!;
        Assert.Matches("^https?://[^/]+/media/[0-9a-f]{16}-1600\\.jpg$", ogImage);
        Assert.Equal("summary_large_image", page.QuerySelector("meta[name='twitter:card']")!.GetAttribute("content"));
        var article = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        var data = article.ValueKind == JsonValueKind.Array ? article[0] : article;
        Assert.Equal(ogImage, data.GetProperty("image").GetString());
        Assert.Equal(JsonValueKind.String, data.GetProperty("publisher").GetProperty("url").ValueKind);

        // The news list shows it small beside the text; the editor offers it again, chosen.
        var (_, home) = await app.GetHtml("/en/");
        var thumb = home.QuerySelector($"li:has(a[href='/en/news/{post.Slug}']) img.thumb")!;
        Assert.Equal("Delegates at the review forum", thumb.GetAttribute("alt"));
        Assert.Equal("(min-width: 46rem) 12rem, 33vw", thumb.GetAttribute("sizes"));
        var editor = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri($"/admin/posts/{post.Id}", UriKind.Relative)));
        Assert.True(editor.QuerySelector($"input[name='Input.ImageId'][value='{image}']")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Events_and_campaigns_carry_their_featured_images_to_their_pages_and_lists()
    {
        var image = await app.UploadAsync(IdentityApp.Jpeg(1200, 900), "webinar.jpg", "Speakers of the webinar");
        var (eventId, eventSlug) = await app.WithDb(async db => await db.Events.Where(e => e.DeletedAt == null).OrderByDescending(e => e.StartsAt)
            .Select(e => new { e.Id, e.Slug }).FirstAsync() is var e ? (e.Id, e.Slug) : default);
        var (campaignId, campaignSlug) = await app.WithDb(async db => await db.Campaigns.OrderBy(c => c.Id).Select(c => new { c.Id, c.Slug }).FirstAsync() is var c ? (c.Id, c.Slug) : default);

        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(app.Editor, $"/admin/events/{eventId}", new Dictionary<string, string> { ["Input.ImageId"] = Id(image) }, "form.editor", "Save")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(app.Editor, $"/admin/campaigns/{campaignId}", new Dictionary<string, string> { ["Input.ImageId"] = Id(image) }, "form.editor")).StatusCode);

        foreach (var path in new[] { $"/en/events/{eventSlug}", $"/fr/campaigns/{campaignSlug}" })
        {
            var (_, page) = await app.GetHtml(path);
            Assert.Equal("Speakers of the webinar", page.QuerySelector("img.featured")!.GetAttribute("alt"));
            Assert.Equal(("1200", "900"), (page.QuerySelector("img.featured")!.GetAttribute("width"), page.QuerySelector("img.featured")!.GetAttribute("height")));
            Assert.EndsWith("-1200.jpg", page.QuerySelector("meta[property='og:image']")!.GetAttribute("content"), StringComparison.Ordinal);
            Assert.Contains("-1200.jpg", page.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);
        }
        var (_, campaigns) = await app.GetHtml("/en/campaigns");
        Assert.NotNull(campaigns.QuerySelector($"li:has(a[href='/en/campaigns/{campaignSlug}']) img.thumb"));

        // A featured image chosen but deleted from the library since is refused with a message, not a server error.
        var stale = await Staff.PostFormAsync(app.Editor, $"/admin/events/{eventId}", new Dictionary<string, string> { ["Input.ImageId"] = "999999" }, "form.editor", "Save");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await stale.Content.ReadAsStringAsync());
        Assert.Equal("This image is no longer in the media library; choose another.", html.GetElementById("Input-ImageId-error")!.TextContent);
    }

    [Fact]
    public async Task Without_script_an_image_older_than_the_list_offers_is_chosen_by_its_media_library_address()
    {
        var image = await app.UploadAsync(IdentityApp.Jpeg(1200, 800), "archive-photo.jpg", "The first assembly in 1998");
        var hash = await app.WithDb(db => db.Media.Where(m => m.Id == image).Select(m => m.Hash).SingleAsync());
        var eventId = await app.WithDb(db => db.Events.Where(e => e.DeletedAt == null).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync());

        // As the media page shows it to copy: the Markdown of the image.
        var saved = await Staff.PostFormAsync(app.Editor, $"/admin/events/{eventId}",
            new Dictionary<string, string> { ["Input.ImageIdAddress"] = $"![The first assembly in 1998](/media/{hash}-1200.jpg)" }, "form.editor", "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(image, await app.WithDb(db => db.Events.Where(e => e.Id == eventId).Select(e => e.ImageId).SingleAsync()));

        // An address that is not the library's is refused next to the field, and the event keeps its image.
        var refused = await Staff.PostFormAsync(app.Editor, $"/admin/events/{eventId}",
            new Dictionary<string, string> { ["Input.ImageIdAddress"] = "https://elsewhere.example/photo.jpg" }, "form.editor", "Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("This address is not an image of the media library: copy it from the Media page.", html.GetElementById("Input-ImageId-error")!.TextContent);
        Assert.Equal(image, await app.WithDb(db => db.Events.Where(e => e.Id == eventId).Select(e => e.ImageId).SingleAsync()));
    }

    [Fact]
    public async Task The_demo_home_page_shows_the_call_for_sign_ons_the_next_events_statements_and_news()
    {
        var (response, home) = await app.GetHtml("/en/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var blocks = home.QuerySelectorAll("main section.block").Select(s => s.ClassList.Single(c => c.StartsWith("block-", StringComparison.Ordinal))).ToList();
        Assert.Equal(["block-featured", "block-events", "block-campaigns", "block-statements", "block-news", "block-about"], blocks);
        var featured = home.QuerySelector("section.block-featured")!;
        var campaign = await app.WithDb(db => db.Campaigns.OrderBy(c => c.Id).Select(c => new { c.Slug, c.Title }).FirstAsync());
        Assert.Equal(campaign.Title, featured.QuerySelector("h2")!.TextContent);
        Assert.Equal($"/en/campaigns/{campaign.Slug}#sign", featured.QuerySelector("a.button")!.GetAttribute("href"));
        Assert.Matches("^[0-9,]+ endorsements", featured.QuerySelector(".meta")!.TextContent.Trim());
        Assert.Equal(3, home.QuerySelectorAll("section.block-events li").Length);
        Assert.All(home.QuerySelectorAll("section.block-events time"), t => Assert.NotNull(t.GetAttribute("datetime")));
        Assert.Equal(3, home.QuerySelectorAll("section.block-statements li").Length);
        // Open campaigns only, each with its count; closed ones wait on the campaigns page.
        var open = await app.WithDb(db => db.Campaigns.CountAsync(c => c.DeletedAt == null && c.OpensAt <= app.Clock.GetUtcNow().UtcDateTime
            && (c.ClosesAt == null || c.ClosesAt > app.Clock.GetUtcNow().UtcDateTime)));
        Assert.Equal(open, home.QuerySelectorAll("section.block-campaigns article a.button").Length);
        Assert.NotEmpty(home.QuerySelectorAll("section.block-news .post-list h3 a"));

        // The French page has the French About heading; its other headings are the usual ones, in French.
        var (_, french) = await app.GetHtml("/fr/");
        Assert.Equal("Qui sommes-nous", french.QuerySelector("section.block-about h2")!.TextContent);
    }

    [Fact]
    public async Task The_secretariat_orders_the_blocks_names_them_per_language_and_the_home_page_follows()
    {
        await app.GetHtml("/en/"); // cached as it was
        var form = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri("/admin/home", UriKind.Relative)));
        int Index(string kind) => form.QuerySelectorAll("fieldset").Select((f, i) => (f, i))
            .Single(x => x.f.QuerySelector($"input[name$='.Kind'][value='{kind}']") is not null).i;
        var (news, events, featured, about, statements, campaigns) = (Index("News"), Index("Events"), Index("Featured"), Index("About"), Index("Statements"), Index("Campaigns"));

        // The featured block needs something to feature.
        var refused = await Staff.PostFormAsync(app.Editor, "/admin/home", new Dictionary<string, string> { [$"Blocks[{featured}].Item"] = "" });
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Choose what the featured block shows.", page.QuerySelector($"#blocks-{featured}-item ~ .error")!.TextContent);

        var saved = await Staff.PostFormAsync(app.Editor, "/admin/home", new Dictionary<string, string>
        {
            [$"Blocks[{news}].Position"] = "1", [$"Blocks[{events}].Position"] = "2",
            [$"Blocks[{events}].Texts[1].Title"] = "Nos prochains rendez-vous",
            [$"Blocks[{featured}].Shown"] = "false", [$"Blocks[{about}].Shown"] = "false", [$"Blocks[{statements}].Shown"] = "false",
            [$"Blocks[{campaigns}].Shown"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        try
        {
            var (_, english) = await app.GetHtml("/en/");
            Assert.Equal(["block-news", "block-events"], home(english));
            Assert.Equal("Next events", english.QuerySelector("section.block-events h2")!.TextContent);
            var (_, french) = await app.GetHtml("/fr/");
            Assert.Equal("Nos prochains rendez-vous", french.QuerySelector("section.block-events h2")!.TextContent);
            // Arabic has no heading of its own and shows the usual one in Arabic, not the French one.
            var (_, arabic) = await app.GetHtml("/ar/");
            Assert.Null(arabic.QuerySelector("section.block-events h2")!.GetAttribute("lang"));
        }
        finally
        {
            // Put back as the demo had it, for the other tests of this class.
            await app.WithDb(async db =>
            {
                var look = await db.SiteLook.SingleAsync();
                var campaign = await db.Campaigns.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
                look.Home =
                [
                    new HomeBlock { Kind = HomeBlockKind.Featured, Item = $"campaign:{campaign}" }, new HomeBlock { Kind = HomeBlockKind.Events },
                    new HomeBlock { Kind = HomeBlockKind.Campaigns },
                    new HomeBlock { Kind = HomeBlockKind.Statements }, new HomeBlock { Kind = HomeBlockKind.News },
                    new HomeBlock { Kind = HomeBlockKind.About, Texts = [new HomeBlockText { Culture = "en", Body = "About." }, new HomeBlockText { Culture = "fr", Title = "Qui sommes-nous", Body = "À propos." }] },
                ];
                await db.SaveChangesAsync();
            });
        }

        static List<string> home(AngleSharp.Html.Dom.IHtmlDocument html) =>
            [.. html.QuerySelectorAll("main section.block").Select(s => s.ClassList.Single(c => c.StartsWith("block-", StringComparison.Ordinal)))];
    }

    [Fact]
    public async Task The_home_page_s_blocks_are_evicted_when_what_they_show_changes()
    {
        var (_, before) = await app.GetHtml("/en/");
        var first = before.QuerySelector("section.block-events h3 a")!;
        var slug = first.GetAttribute("href")!.Split('/')[^1];

        await app.WithDb(async db =>
        {
            var e = await db.Events.SingleAsync(x => x.Slug == slug);
            e.Title = "Renamed dialogue with Member States";
            await db.SaveChangesAsync();
        });

        var (_, after) = await app.GetHtml("/en/");
        Assert.Equal("Renamed dialogue with Member States", after.QuerySelector($"section.block-events a[href='/en/events/{slug}']")!.TextContent);
    }
}
