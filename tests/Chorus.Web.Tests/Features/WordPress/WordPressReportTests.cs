using System.Text;
using Chorus.Web.Features.WordPress;

namespace Chorus.Web.Tests.Features.WordPress;

/// <summary>Reading a WordPress export (WXR) and the dry-run report of `import wordpress … --dry-run`: nothing is written.</summary>
[Trait("Database", "none")]
public sealed class WordPressReportTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Features", "WordPress", "coalition.wxr.xml");

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await WordPressExtensions.RunAsync(null, args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task A_dry_run_counts_what_the_export_holds_says_what_is_skipped_and_checks_the_files_under_uploads()
    {
        var uploads = Directory.CreateTempSubdirectory("chorus-uploads-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(uploads, "2021", "12"));
            await File.WriteAllBytesAsync(Path.Combine(uploads, "2021", "12", "march.jpg"), [0xFF, 0xD8, 0xFF]);

            var (code, output, errors) = await RunAsync("wordpress", Fixture, "--uploads", uploads, "--dry-run");

            Assert.True(code == 0, errors);
            var lines = output.Split('\n', StringSplitOptions.TrimEntries);
            Assert.Equal("WordPress export of https://crossroads.example (WXR 1.2)", lines[0]);
            Assert.Contains("Posts: 9 (1 draft, 1 future, 1 private, 5 publish, 1 trash)", lines);
            Assert.Contains("Pages: 1 (1 publish)", lines);
            Assert.Contains("Categories: 3, tags: 2, authors: 2", lines);
            Assert.Contains("Attachments: 3 (1 files found under the uploads folder, 1 missing, 1 refused)", lines);
            Assert.Contains("missing: 2021/11/panel.png (posts keep a plain link to it)", lines);
            Assert.Contains("refused: ../../../etc/passwd (its path leads out of the uploads folder)", lines);
            Assert.Contains("Comments: 2 (Chorus has none: counted and skipped)", lines);
            Assert.Contains("Languages: en 1, fr 1", lines);
            Assert.Contains("Skipped: 1 nav_menu_item (not content Chorus keeps)", lines);
            Assert.Contains("Shortcode [contact-form-7] in 1 item(s): kept as text", lines);
            Assert.Equal("Dry run: nothing was written.", lines.Last(l => l.Length > 0));
        }
        finally
        {
            Directory.Delete(uploads, recursive: true);
        }
    }

    [Fact]
    public void Each_item_s_fields_are_read_as_wordpress_wrote_them()
    {
        using var stream = File.OpenRead(Fixture);
        var items = new Wxr(stream).Items().ToList();

        var day = items.Single(i => i.Id == 101);
        Assert.Equal(("post", "publish", "international-migrants-day-2021", "amina"), (day.Type, day.Status, day.Slug, day.Author));
        Assert.Equal(new DateTime(2021, 12, 16, 8, 0, 0), day.PublishedUtc); // the GMT field, whatever the site's zone
        Assert.Contains("<!-- wp:heading -->", day.Content, StringComparison.Ordinal);
        Assert.Equal("A day of online events around the world.", day.Excerpt);
        Assert.Equal(("201", 2), (day.Meta["_thumbnail_id"], day.Comments));
        Assert.Equal([("category", "news", "News"), ("post_tag", "regular-pathways", "Regular pathways")], day.Terms);
        Assert.Null(items.Single(i => i.Id == 107).PublishedUtc); // a draft's 0000-00-00 date
        Assert.Equal("2021/12/march.jpg", items.Single(i => i.Id == 201).Meta["_wp_attached_file"]);
        Assert.Equal("بيان بشأن اللجوء", items.Single(i => i.Id == 105).Title);
    }

    [Theory]
    [InlineData("<html><body>Not an export</body></html>", "This file is not a WordPress export: it is not RSS.")]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>A feed</title><item><title>x</title></item></channel></rss>", "This file has no WXR version: it is an RSS feed")]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\" xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel><wp:wxr_version>2.0</wp:wxr_version></channel></rss>", "This export is WXR version 2.0; Chorus reads versions 1.0 to 1.2")]
    [InlineData("PK\u0003\u0004 a zip file", "The export breaks at line 1")]
    public async Task A_file_that_is_no_wordpress_export_is_refused_with_a_message_a_person_understands(string content, string message)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, content);
            var (code, output, errors) = await RunAsync("wordpress", file, "--dry-run");
            Assert.Equal(1, code);
            Assert.StartsWith(message, errors, StringComparison.Ordinal);
            Assert.DoesNotContain("Dry run", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_export_cut_short_while_downloading_says_so()
    {
        var whole = await File.ReadAllTextAsync(Fixture);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, whole[..(whole.Length / 2)], Encoding.UTF8);
            var (code, _, errors) = await RunAsync("wordpress", file, "--dry-run");
            Assert.Equal(1, code);
            Assert.Contains("cut short", errors, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("2021/12/march.jpg", true)]
    [InlineData("../../../etc/passwd", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("2021/../../outside.jpg", false)]
    public void An_attachment_s_file_is_read_only_from_under_the_uploads_folder(string recorded, bool inside) =>
        Assert.Equal(inside, WordPressReport.UploadedFile("/srv/wp-content/uploads", recorded) is not null);
}
