using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.WordPress;

/// <summary>An attachment as content refers to it after the import: its new address and its alternative text.</summary>
internal sealed record ImportedImage(string Url, string Alt);

/// <summary>
/// A WordPress post's content (classic editor HTML or block markup) to the Markdown Chorus stores: block comments go,
/// the shortcodes WordPress itself ships ([caption], [gallery], [embed], [audio], [video]) become content, classic
/// paragraphs (blank lines, WordPress's "autop") become paragraphs, and every address passes through <c>rewrite</c> (old
/// images and internal links to their new places). Unknown shortcodes stay as text; the report lists them.
/// </summary>
internal static partial class WordPressContent
{
    public static string ToMarkdown(string content, Func<string, string> rewrite, IReadOnlyDictionary<int, ImportedImage> attachments)
    {
        var html = Shortcodes(content, attachments);
        if (!BlockTag().IsMatch(html))
        {
            html = AutoParagraphs(html);
        }
        var body = HtmlToMarkdown.Parse(html);
        foreach (var element in body.QuerySelectorAll("a[href], img[src]").ToList())
        {
            var attribute = element.LocalName == "a" ? "href" : "src";
            element.SetAttribute(attribute, rewrite(element.GetAttribute(attribute)!.Trim()));
        }
        // An image that is not in the media library now (a file missing from the uploads, a picture on another site) would be
        // broken or load from another origin: it becomes a plain link to where it was.
        foreach (var image in body.QuerySelectorAll("img").Where(i => !(i.GetAttribute("src") ?? "").StartsWith("/media/", StringComparison.Ordinal)).ToList())
        {
            var src = image.GetAttribute("src") ?? "";
            if (!src.StartsWith("http", StringComparison.OrdinalIgnoreCase) && !src.StartsWith('/') && image.GetAttribute("alt") is not { Length: > 0 })
            {
                // Nothing to link to and nothing to say: a stray or hostile <img src="x">.
                image.Remove();
                continue;
            }
            var link = image.Owner!.CreateElement("a");
            link.SetAttribute("href", src);
            link.TextContent = image.GetAttribute("alt") is { Length: > 0 } alt ? alt : Path.GetFileName(src.Split('?')[0]) is { Length: > 0 } name ? name : src;
            image.Replace(link);
        }
        // An image linked to its own file (WordPress's "link to media file") is just the image.
        foreach (var link in body.QuerySelectorAll("a").Where(a => a.Children.Length == 1 && a.Children[0].LocalName == "img" && a.TextContent.Trim().Length == 0
            && a.GetAttribute("href") == a.Children[0].GetAttribute("src")).ToList())
        {
            link.Replace(link.Children[0]);
        }
        return HtmlToMarkdown.Blocks(body);
    }

    private static string Shortcodes(string content, IReadOnlyDictionary<int, ImportedImage> attachments)
    {
        var html = Caption().Replace(content, m =>
        {
            var inner = m.Groups["inner"].Value.Trim();
            var image = ImageTag().Match(inner);
            var caption = image.Success ? inner.Remove(image.Index, image.Length).Trim() : "";
            return image.Success ? $"<figure>{image.Value}<figcaption>{caption}</figcaption></figure>" : inner;
        });
        html = Gallery().Replace(html, m =>
        {
            var ids = Ids().Match(m.Value) is { Success: true } found ? found.Groups[1].Value.Split(',') : [];
            var images = ids.Select(id => int.TryParse(id.Trim(), out var n) ? attachments.GetValueOrDefault(n) : null).OfType<ImportedImage>()
                .Select(i => $"<p><img src=\"{WebUtility.HtmlEncode(i.Url)}\" alt=\"{WebUtility.HtmlEncode(i.Alt)}\"></p>");
            return string.Concat(images);
        });
        html = Embed().Replace(html, m => $"<p><a href=\"{WebUtility.HtmlEncode(m.Groups["url"].Value.Trim())}\">{WebUtility.HtmlEncode(m.Groups["url"].Value.Trim())}</a></p>");
        html = Media().Replace(html, m => Src().Match(m.Value) is { Success: true } src
            ? $"<p><a href=\"{WebUtility.HtmlEncode(src.Groups[1].Value)}\">{WebUtility.HtmlEncode(src.Groups[1].Value)}</a></p>" : "");
        // A block embed's wrapper holds the bare address on its own line.
        html = EmbedBlock().Replace(html, m => $"<p><a href=\"{m.Groups["url"].Value}\">{m.Groups["url"].Value}</a></p>");
        return html;
    }

    // WordPress's wpautop, as far as Markdown needs it: text separated by blank lines is paragraphs, a single line break a break.
    private static string AutoParagraphs(string html) =>
        string.Concat(Regex.Split(html.ReplaceLineEndings("\n").Trim(), @"\n\s*\n")
            .Where(p => p.Trim().Length > 0).Select(p => $"<p>{p.Trim().Replace("\n", "<br>", StringComparison.Ordinal)}</p>"));

    [GeneratedRegex(@"<(p|div|h[1-6]|ul|ol|table|blockquote|figure|pre)[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"\[(?:wp_)?caption[^\]]*\](?<inner>.*?)\[/(?:wp_)?caption\]", RegexOptions.Singleline)]
    private static partial Regex Caption();

    [GeneratedRegex(@"<img\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"\[gallery\b[^\]]*\]")]
    private static partial Regex Gallery();

    [GeneratedRegex(@"\bids=[""']?([0-9,\s]+)")]
    private static partial Regex Ids();

    [GeneratedRegex(@"\[embed[^\]]*\](?<url>.*?)\[/embed\]", RegexOptions.Singleline)]
    private static partial Regex Embed();

    [GeneratedRegex(@"\[(?:audio|video)\b[^\]]*\](?:\s*\[/(?:audio|video)\])?")]
    private static partial Regex Media();

    [GeneratedRegex(@"\b(?:src|mp3|mp4|m4a|ogg|webm|wav)=[""']([^""']+)[""']")]
    private static partial Regex Src();

    [GeneratedRegex(@"<div class=""wp-block-embed__wrapper"">\s*(?<url>https?://[^\s<]+)\s*</div>")]
    private static partial Regex EmbedBlock();
}
