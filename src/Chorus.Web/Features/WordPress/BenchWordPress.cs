using System.Globalization;
using System.Xml;
using Chorus.Web.Infrastructure;
using SkiaSharp;

namespace Chorus.Web.Features.WordPress;

/// <summary>
/// `bench-wordpress --out DIR [--posts 10000] [--images 2000]`: writes DIR/export.xml, a WordPress export of that many
/// posts (block markup, an image and a link to another post in each, categories, tags, one in ten a French translation of
/// another through WPML) and that many attachments with their files under DIR/uploads, for bench/wordpress.sh to import.
/// Also DIR/old-addresses.txt: one old permalink per line, for the redirect measurement.
/// </summary>
internal static class BenchWordPress
{
    private const string Wp = "http://wordpress.org/export/1.2/";

    public static void AddBenchWordPress(this IHostApplicationBuilder builder) =>
        builder.Services.AddCommand("bench-wordpress", "--out DIR [--posts 10000] [--images 2000]: writes a generated WordPress export and its uploads folder",
            async (_, args) =>
            {
                if (Commands.Option(args, "--out") is not { } folder)
                {
                    await Console.Error.WriteLineAsync("bench-wordpress: give --out DIR.");
                    return 2;
                }
                Write(folder, Commands.IntOption(args, "--posts", 10_000), Math.Max(1, Commands.IntOption(args, "--images", 2_000)));
                return 0;
            }, needsDatabase: false);

    private static void Write(string folder, int posts, int images)
    {
        var uploads = Path.Combine(folder, "uploads", "2021", "06");
        Directory.CreateDirectory(uploads);
        for (var i = 1; i <= images; i++)
        {
            // Each its own colour, so each is its own file in the media library (stored by content hash).
            using var bitmap = new SKBitmap(320, 200);
            bitmap.Erase(new SKColor((byte)(i * 7), (byte)(i * 13 / 7), (byte)(i % 251)));
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, 80);
            File.WriteAllBytes(Path.Combine(uploads, $"photo-{i}.jpg"), data.ToArray());
        }
        using var old = new StreamWriter(Path.Combine(folder, "old-addresses.txt"));
        using var xml = XmlWriter.Create(Path.Combine(folder, "export.xml"), new XmlWriterSettings { Indent = true });
        xml.WriteStartElement("rss");
        xml.WriteAttributeString("version", "2.0");
        xml.WriteAttributeString("xmlns", "wp", null, Wp);
        xml.WriteAttributeString("xmlns", "content", null, "http://purl.org/rss/1.0/modules/content/");
        xml.WriteAttributeString("xmlns", "excerpt", null, "http://wordpress.org/export/1.2/excerpt/");
        xml.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
        xml.WriteStartElement("channel");
        xml.WriteElementString("title", "Bench coalition");
        xml.WriteElementString("link", "https://bench.example");
        xml.WriteElementString("wxr_version", Wp, "1.2");
        xml.WriteElementString("base_site_url", Wp, "https://bench.example");
        xml.WriteStartElement("author", Wp);
        xml.WriteElementString("author_login", Wp, "bench");
        xml.WriteElementString("author_display_name", Wp, "Bench Author");
        xml.WriteEndElement();
        for (var c = 1; c <= 20; c++)
        {
            xml.WriteStartElement("category", Wp);
            xml.WriteElementString("category_nicename", Wp, $"theme-{c}");
            xml.WriteElementString("cat_name", Wp, $"Theme {c}");
            xml.WriteEndElement();
        }
        for (var i = 1; i <= images; i++)
        {
            Item(xml, 100_000 + i, "attachment", $"photo-{i}", $"https://bench.example/photo-{i}/", new DateTime(2021, 6, 1, 9, 0, 0), "", "inherit",
                [("_wp_attached_file", $"2021/06/photo-{i}.jpg"), ("_wp_attachment_image_alt", $"Bench photo {i}")], [],
                $"https://bench.example/wp-content/uploads/2021/06/photo-{i}.jpg");
        }
        for (var i = 1; i <= posts; i++)
        {
            var date = new DateTime(2015, 1, 1, 9, 0, 0).AddHours(i * 7);
            var slug = $"bench-post-{i}";
            var link = $"https://bench.example/{date:yyyy}/{date:MM}/{date:dd}/{slug}/";
            var image = (i % images) + 1;
            var content = $"""
                <!-- wp:paragraph --><p>Bench post {i}: the coalition <strong>calls on States</strong> to act, see <a href="https://bench.example/?p={Math.Max(1, i - 1)}">the previous one</a>.</p><!-- /wp:paragraph -->
                <!-- wp:heading --><h2>Why it matters</h2><!-- /wp:heading -->
                <!-- wp:image {"{"}"id":{100_000 + image}{"}"} --><figure class="wp-block-image"><img src="https://bench.example/wp-content/uploads/2021/06/photo-{image}-300x200.jpg" alt="Bench photo {image}"/><figcaption>Photo {image}</figcaption></figure><!-- /wp:image -->
                <!-- wp:list --><ul><li>One point</li><li>Another point</li></ul><!-- /wp:list -->
                """;
            // One in ten is the French version of the post before it (WPML): imported as its translation.
            var french = i % 10 == 0;
            var meta = new List<(string, string)> { ("_thumbnail_id", (100_000 + image).ToString(CultureInfo.InvariantCulture)) };
            meta.AddRange(french ? [("_icl_lang_code", "fr"), ("_icl_trid", (i - 1).ToString(CultureInfo.InvariantCulture))]
                : [("_icl_lang_code", "en"), ("_icl_trid", i.ToString(CultureInfo.InvariantCulture))]);
            Item(xml, i, "post", slug, link, date, content, "publish", meta, [("category", $"theme-{i % 20 + 1}", $"Theme {i % 20 + 1}"), ("post_tag", $"tag-{i % 50}", $"Tag {i % 50}")]);
            old.WriteLine(new Uri(link).AbsolutePath);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Item(XmlWriter xml, int id, string type, string slug, string link, DateTime date, string content, string status,
        IEnumerable<(string Key, string Value)> meta, IEnumerable<(string Taxonomy, string Slug, string Name)> terms, string? attachment = null)
    {
        xml.WriteStartElement("item");
        xml.WriteElementString("title", type == "attachment" ? slug : $"Bench post {id}");
        xml.WriteElementString("link", link);
        xml.WriteElementString("creator", "http://purl.org/dc/elements/1.1/", "bench");
        xml.WriteElementString("guid", $"https://bench.example/?p={id}");
        xml.WriteStartElement("encoded", "http://purl.org/rss/1.0/modules/content/");
        xml.WriteCData(content);
        xml.WriteEndElement();
        xml.WriteElementString("post_id", Wp, id.ToString(CultureInfo.InvariantCulture));
        xml.WriteElementString("post_date_gmt", Wp, date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteElementString("post_name", Wp, slug);
        xml.WriteElementString("status", Wp, status);
        xml.WriteElementString("post_type", Wp, type);
        if (attachment is not null)
        {
            xml.WriteElementString("attachment_url", Wp, attachment);
        }
        foreach (var (taxonomy, termSlug, name) in terms)
        {
            xml.WriteStartElement("category");
            xml.WriteAttributeString("domain", taxonomy);
            xml.WriteAttributeString("nicename", termSlug);
            xml.WriteString(name);
            xml.WriteEndElement();
        }
        foreach (var (key, value) in meta)
        {
            xml.WriteStartElement("postmeta", Wp);
            xml.WriteElementString("meta_key", Wp, key);
            xml.WriteElementString("meta_value", Wp, value);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}
