using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Media;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Chorus.Web.Tests.Features.Media;

public sealed class MediaApp : EmptyChorusFactory
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"chorus-media-{Guid.NewGuid():N}");

    public HttpClient Editor { get; private set; } = null!;

    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Media:Folder", Folder)];

    public override async Task InitializeAsync()
    {
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
}

public sealed class MediaTests(MediaApp app) : IClassFixture<MediaApp>
{
    private Task<HttpResponseMessage> UploadAsync(byte[] content, string fileName, string altText) =>
        UploadAsync(app.Editor, content, fileName, altText);

    /// <summary>Posts the media library's upload form as a browser does (multipart, with the antiforgery token) as <paramref name="editor"/>.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient editor, byte[] content, string fileName, string altText)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await (await editor.GetAsync(new Uri("/admin/media", UriKind.Relative))).Content.ReadAsStringAsync());
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(altText), "AltText" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg"); // the library goes by the content, never this
        form.Add(file, "Upload", fileName);
        return await editor.PostAsync(new Uri("/admin/media?handler=Upload", UriKind.Relative), form);
    }

    /// <summary>A real JPEG photo with an EXIF block carrying a GPS position, as phones write them.</summary>
    private static byte[] PhotoWithGps()
    {
        using var bitmap = new SKBitmap(1200, 800);
        bitmap.Erase(new SKColor(30, 120, 200));
        using var image = SKImage.FromBitmap(bitmap);
        var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
        // TIFF header, IFD0 with one entry (GPSInfo → next IFD), GPS IFD with GPSLatitudeRef = "N".
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0,
            1, 0, 0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, 0, 0, 0, 0,
            1, 0, 1, 0, 2, 0, 2, 0, 0, 0, (byte)'N', 0, 0, 0, 0, 0, 0, 0,
        ];
        byte[] exif = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        var length = exif.Length + 2;
        byte[] app1 = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;

    [Fact]
    public async Task An_uploaded_photo_is_served_resized_without_its_exif_and_gps_data()
    {
        var photo = PhotoWithGps();
        Assert.True(Contains(photo, "Exif\0\0"u8.ToArray())); // the test photo really carries EXIF

        var response = await UploadAsync(photo, "march.jpg", "Marchers holding a banner");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var item = await app.WithDb(db => db.Media.AsNoTracking().SingleAsync(m => m.OriginalName == "march.jpg"));
        Assert.Equal([480, 960, 1200], item.Widths);
        var served = await app.Editor.GetAsync(new Uri(item.Url(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", served.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.False(Contains(bytes, "Exif\0\0"u8.ToArray()));
        using var decoded = SKBitmap.Decode(bytes);
        Assert.Equal((1200, 800), (decoded.Width, decoded.Height));
        var audit = await app.WithDb(db => db.AuditLog.SingleAsync(e => e.Entity == "MediaItem" && e.Action == "created" && e.Summary.Contains("march.jpg")));
        Assert.Equal("editor@crossroads.test", audit.UserName);
        Assert.Contains("OriginalName: march.jpg", audit.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_php_script_renamed_jpg_is_refused_and_nothing_is_stored()
    {
        var script = "<?php system($_GET['cmd']); ?>"u8.ToArray();

        var response = await UploadAsync(script, "photo.jpg", "a photo");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Only JPEG, PNG, GIF, WebP and SVG images and PDF documents can be uploaded.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Media.AnyAsync(m => m.OriginalName == "photo.jpg")));
    }

    [Fact]
    public async Task An_image_needs_alternative_text()
    {
        var response = await UploadAsync(PhotoWithGps(), "no-alt.jpg", "");

        Assert.Contains("Describe the image for people who cannot see it.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Media.AnyAsync(m => m.OriginalName == "no-alt.jpg")));
    }

    /// <summary>A blank 9000 × 9000 PNG: a few hundred kilobytes that decode to 81 megapixels.</summary>
    private static byte[] HugeBlankPng()
    {
        using var bitmap = new SKBitmap(new SKImageInfo(9000, 9000, SKColorType.Gray8, SKAlphaType.Opaque));
        bitmap.Erase(SKColors.White);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    [Fact]
    public async Task An_image_of_more_pixels_than_the_limit_is_refused_with_its_size_and_nothing_is_stored()
    {
        var png = HugeBlankPng();
        Assert.True(png.Length < app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.MaxBytes); // refused for its pixels, not its bytes
        string[] Stored() => Directory.Exists(app.Folder) ? Directory.GetFiles(app.Folder) : [];
        var before = Stored();

        var response = await UploadAsync(png, "poster.png", "A blank poster");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("This image is 9000 × 9000 pixels; the limit is 40 megapixels.", html.QuerySelector("[data-valmsg-for=Upload]")!.TextContent);
        Assert.False(await app.WithDb(db => db.Media.AnyAsync(m => m.OriginalName == "poster.png")));
        Assert.Equal(before, Stored());
    }

    [Fact]
    public async Task A_large_photo_under_the_limit_is_stored_in_every_width()
    {
        // 4000 × 3000 (12 megapixels): decoded straight at half size, still wider than the widest copy.
        using var bitmap = new SKBitmap(4000, 3000);
        bitmap.Erase(new SKColor(200, 60, 40));
        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);

        var response = await UploadAsync(jpeg.ToArray(), "wide.jpg", "A red wall");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = await app.WithDb(db => db.Media.AsNoTracking().SingleAsync(m => m.OriginalName == "wide.jpg"));
        Assert.Equal([480, 960, 1600], item.Widths);
        using var served = SKBitmap.Decode(await app.Editor.GetByteArrayAsync(new Uri(item.Url(), UriKind.Relative)));
        Assert.Equal((1600, 1200), (served.Width, served.Height));
    }

    [Fact]
    public async Task A_pdf_position_paper_is_kept_as_it_is()
    {
        var pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

        await UploadAsync(pdf, "position-paper.pdf", "");

        var item = await app.WithDb(db => db.Media.AsNoTracking().SingleAsync(m => m.OriginalName == "position-paper.pdf"));
        var served = await app.Editor.GetAsync(new Uri(item.Url(), UriKind.Relative));
        Assert.Equal("application/pdf", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_site_moving_to_several_nodes_copies_its_media_folder_into_the_database_with_one_command()
    {
        var pdf = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n%%EOF\n");
        await UploadAsync(pdf, "moving.pdf", "");
        var item = await app.WithDb(db => db.Media.AsNoTracking().SingleAsync(m => m.OriginalName == "moving.pdf"));

        var copied = await app.WithDb(db => app.Services.GetRequiredService<MediaStore>().CopyToDatabaseAsync(db, default));
        Assert.True(copied >= 1);
        Assert.Equal(0, await app.WithDb(db => app.Services.GetRequiredService<MediaStore>().CopyToDatabaseAsync(db, default))); // once

        // Another node on the same database, Media:Store=Database, with an empty media folder of its own.
        await using var node = new DatabaseMediaNode(app.ConnectionString);
        var served = await node.CreatePlainClient().GetAsync(new Uri(item.Url(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(pdf, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await node.CreatePlainClient().GetAsync(new Uri("/media/0123456789abcdef.pdf", UriKind.Relative))).StatusCode);
    }

    private sealed class DatabaseMediaNode(string database) : EmptyChorusFactory
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), $"chorus-node-media-{Guid.NewGuid():N}");

        protected override bool NeedsDatabase => false;

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Database:ConnectionString", database), new("Media:Store", "Database"), new("Media:Folder", _folder)];

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
    }
}
