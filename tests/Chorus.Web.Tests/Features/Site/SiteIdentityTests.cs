using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Media;
using Chorus.Web.Features.Site;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Media;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Chorus.Web.Tests.Features.Site;

/// <summary>The demo site with an Admin (two-factor on) and an Editor, both signed in through the real forms.</summary>
public sealed class IdentityApp : ChorusFactory
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"chorus-media-{Guid.NewGuid():N}");

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Editor { get; private set; } = null!;

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Media:Folder", Folder)];

    public override async Task InitializeAsync()
    {
        var key = await Staff.CreateAsync(this, "admin@crossroads.test", Roles.Admin, twoFactor: true);
        Admin = await Staff.SignInAsync(this, "admin@crossroads.test", key);
        await Staff.CreateAsync(this, "editor@crossroads.test", Roles.Editor);
        Editor = await Staff.SignInAsync(this, "editor@crossroads.test");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    /// <summary>Uploads a file to the media library as the Editor and returns its id.</summary>
    public async Task<int> UploadAsync(byte[] content, string name, string alt)
    {
        var response = await MediaTests.UploadAsync(Editor, content, name, alt);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await WithDb(db => db.Media.Where(m => m.OriginalName == name).OrderByDescending(m => m.Id).Select(m => m.Id).FirstAsync());
    }

    public static byte[] Png(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        bitmap.Erase(SKColors.Transparent);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var paint = new SKPaint { Color = colour };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(new SKColor(200, 80, 30));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }
}

public sealed class SiteIdentityTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private const string Logo = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 40"><rect width="120" height="40" fill="#0a6"/><text x="4" y="28">MRN</text></svg>""";

    private Task<HttpResponseMessage> SaveSite(Dictionary<string, string> fields) => Staff.PostFormAsync(app.Admin, "/admin/site", fields);

    [Fact]
    public async Task An_admin_gives_the_site_its_names_logo_colours_links_and_footer_and_every_page_shows_them()
    {
        var logo = await app.UploadAsync(Encoding.UTF8.GetBytes(Logo), "logo.svg", "Migrant Rights Network");
        var share = await app.UploadAsync(IdentityApp.Jpeg(1200, 630), "share.jpg", "Members of the network at the forum");
        var saved = await SaveSite(new()
        {
            ["Texts[0].Name"] = "Migrant Rights Network", ["Texts[0].Tagline"] = "Together for people on the move",
            ["Texts[0].Footer"] = "Rue de la Loi 1, Brussels\nRegistered association 0123.456.789",
            ["Texts[1].Name"] = "Réseau des droits des migrants", ["Texts[1].Tagline"] = "Ensemble pour les personnes en mouvement",
            ["LogoId"] = logo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ShareImageId"] = share.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Accent"] = "#7A1F5C", ["OnAccent"] = "#ffffff",
            ["Links[0].Label"] = "Mastodon", ["Links[0].Url"] = "https://social.example/@mrn",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, english) = await app.GetHtml("/en/events");
        Assert.Equal("Migrant Rights Network", english.QuerySelector(".brand span")!.TextContent.Trim());
        Assert.EndsWith("· Migrant Rights Network", english.Title, StringComparison.Ordinal);
        Assert.Equal("Together for people on the move", english.QuerySelector(".tagline")!.TextContent);
        var img = english.QuerySelector(".brand img")!;
        Assert.Equal("Migrant Rights Network", img.GetAttribute("alt"));
        Assert.Matches("^/media/[0-9a-f]{16}\\.svg$", img.GetAttribute("src"));
        Assert.Equal("120", img.GetAttribute("width")); // 120 × 40 drawn at 40 pixels high
        Assert.Equal("Rue de la Loi 1, Brussels Registered association 0123.456.789",
            string.Join(' ', english.QuerySelector(".site-footer .address")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        var mastodon = english.QuerySelector(".site-footer nav a")!;
        Assert.Equal(("Mastodon", "https://social.example/@mrn"), (mastodon.TextContent, mastodon.GetAttribute("href")));

        // French has its own name; Arabic has none and shows the English one, marked as English text.
        var (_, french) = await app.GetHtml("/fr/events");
        Assert.Equal("Réseau des droits des migrants", french.QuerySelector(".brand span")!.TextContent.Trim());
        var (_, arabic) = await app.GetHtml("/ar/events");
        var name = arabic.QuerySelector(".brand span")!;
        Assert.Equal(("Migrant Rights Network", "en", "ltr"), (name.TextContent.Trim(), name.GetAttribute("lang"), name.GetAttribute("dir")));
        var (_, arabicHome) = await app.GetHtml("/ar/");
        var heading = arabicHome.QuerySelector("h1")!;
        Assert.Equal(("Migrant Rights Network", "en", "ltr"), (heading.TextContent, heading.GetAttribute("lang"), heading.GetAttribute("dir")));

        // A page without an image of its own is previewed with the sharing image; articles name the publisher with its logo.
        Assert.Matches("^http://localhost/media/[0-9a-f]{16}-1200\\.jpg$", english.QuerySelector("meta[property='og:image']")!.GetAttribute("content"));
        Assert.Equal("Members of the network at the forum", english.QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content"));
        var statement = await app.WithDb(db => db.Posts.Where(p => p.Kind == Chorus.Web.Features.Content.PostKind.Statement && p.Status == Chorus.Web.Features.Content.PostStatus.Published)
            .Select(p => p.Slug).FirstAsync());
        var (_, article) = await app.GetHtml($"/en/news/{statement}");
        Assert.Contains($"\"logo\":\"http://localhost{img.GetAttribute("src")}\"", article.QuerySelector("script[type='application/ld+json']")!.TextContent, StringComparison.Ordinal);

        // Feeds and calendars name the coalition as its pages do, in their language.
        Assert.Contains("<title>Réseau des droits des migrants: ", await app.CreateClient().GetStringAsync(new Uri("/fr/feed.xml", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:Migrant Rights Network", await app.CreateClient().GetStringAsync(new Uri("/en/events.ics", UriKind.Relative)), StringComparison.Ordinal);

        // The colours come in a stylesheet of the site's own (no inline style: the policy allows none), cached for good.
        var theme = english.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.StartsWith("/site/theme.css", StringComparison.Ordinal));
        var css = await app.CreateClient().GetAsync(new Uri(theme, UriKind.Relative));
        Assert.Equal("text/css", css.Content.Headers.ContentType!.MediaType);
        Assert.Contains("--accent:#7a1f5c", await css.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        // The tab's icon is the logo.
        var icon = english.QuerySelector("link[rel=icon]")!;
        Assert.Equal("image/svg+xml", icon.GetAttribute("type"));
        var served = await app.CreateClient().GetAsync(new Uri(icon.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(Logo, await served.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_colour_pair_that_fails_wcag_contrast_is_refused_with_its_ratio_and_nothing_changes()
    {
        var before = await app.WithDb(db => db.SiteLook.AsNoTracking().Select(l => l.Accent).FirstOrDefaultAsync());

        var response = await SaveSite(new() { ["Accent"] = "#7a1f5c", ["OnAccent"] = "#8a3f6c" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Matches("^Text in this colour on the accent colour has a contrast of 1\\.[0-9]:1; WCAG AA needs at least 4\\.5:1\\.$",
            html.QuerySelector("#on-accent-error")!.TextContent);
        Assert.Equal(before, await app.WithDb(db => db.SiteLook.AsNoTracking().Select(l => l.Accent).FirstOrDefaultAsync()));

        // A light accent fails as a link colour on the page, whatever the text on it.
        var light = await SaveSite(new() { ["Accent"] = "#ffcc00", ["OnAccent"] = "#000000" });
        var page = await new HtmlParser().ParseDocumentAsync(await light.Content.ReadAsStringAsync());
        Assert.StartsWith("Links in this colour on the page have a contrast of 1.", page.QuerySelector("#accent-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_an_admin_may_change_the_identity_and_a_photo_cannot_be_the_logo()
    {
        var denied = await app.Editor.GetAsync(new Uri("/admin/site", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Equal("/account/denied", denied.Headers.Location!.IsAbsoluteUri ? denied.Headers.Location.AbsolutePath : denied.Headers.Location.OriginalString.Split('?')[0]);

        var photo = await app.UploadAsync(IdentityApp.Jpeg(800, 600), "crowd.jpg", "A crowd at a rally");
        var response = await SaveSite(new() { ["LogoId"] = photo.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The logo must be an SVG or PNG image from the media library.", html.QuerySelector("#LogoId-error")!.TextContent);
    }

    [Fact]
    public async Task A_png_logo_keeps_its_transparency_and_gives_a_square_icon()
    {
        var id = await app.UploadAsync(IdentityApp.Png(400, 200, SKColors.DarkGreen), "logo.png", "Network logo");
        var item = await app.WithDb(db => db.Media.SingleAsync(m => m.Id == id));
        Assert.Equal(("png", 200), (item.Format, item.Height));
        var stored = await app.CreateClient().GetByteArrayAsync(new Uri(item.Url(), UriKind.Relative));
        using (var bitmap = SKBitmap.Decode(stored))
        {
            Assert.Equal(0, bitmap.GetPixel(2, 2).Alpha); // a corner stays transparent
        }

        await SaveSite(new() { ["LogoId"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var (_, html) = await app.GetHtml("/en/organizations");
        var icon = await app.CreateClient().GetAsync(new Uri(html.QuerySelector("link[rel=icon]")!.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal("image/png", icon.Content.Headers.ContentType!.MediaType);
        using var square = SKBitmap.Decode(await icon.Content.ReadAsByteArrayAsync());
        Assert.Equal((64, 64), (square.Width, square.Height));
    }

    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>""", "This SVG contains script or embedded content; export it again as a plain drawing.")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)" width="9" height="9"/></svg>""", "This SVG contains script or embedded content; export it again as a plain drawing.")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://tracker.example/p.png"/></svg>""", "This SVG loads other files; export it again as a plain drawing.")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>""", "This image could not be read; it may be damaged.")]
    public async Task An_svg_that_could_run_or_fetch_anything_is_refused_and_nothing_is_stored(string svg, string message)
    {
        var before = await app.WithDb(db => db.Media.CountAsync());

        var response = await MediaTests.UploadAsync(app.Editor, Encoding.UTF8.GetBytes(svg), "bad.svg", "Bad");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, html.QuerySelector("[data-valmsg-for=Upload]")!.TextContent);
        Assert.Equal(before, await app.WithDb(db => db.Media.CountAsync()));
    }
}
