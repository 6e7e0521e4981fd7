using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Chorus.Web.Infrastructure;

/// <summary>Markdown to safe HTML (Markdig, then HtmlSanitizer) and to plain-text excerpts.</summary>
internal static partial class ContentMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseFootnotes()
        .UseAutoIdentifiers()
        .Build();

    // Configured once; HtmlSanitizer is safe to share once configured.
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    public static string ToSafeHtml(string markdown) =>
        Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));

    /// <summary>Plain text of the Markdown, cut on a word boundary to at most <paramref name="max"/> characters.</summary>
    public static string ToExcerpt(string markdown, int max)
    {
        var text = ToPlainText(markdown);
        if (text.Length <= max)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', max - 1);
        return string.Concat(text.AsSpan(0, cut > max / 2 ? cut : max - 1).TrimEnd(" ,;:.-–—".ToCharArray()), "…");
    }

    /// <summary>
    /// The words a reader sees, on one line: the text of the sanitised HTML, so the raw HTML a Markdown text may hold (its
    /// tags, a style's address, a script) never reaches an excerpt, a feed summary or the search index as words.
    /// </summary>
    public static string ToPlainText(string markdown)
    {
        using var document = Sanitizer.SanitizeDom(Markdown.ToHtml(markdown, Pipeline));
        return Whitespace().Replace(document.Body?.TextContent ?? "", " ").Trim();
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("id");
        // No inline styles: background:url(…) fetches from anywhere in a feed reader, and the site's own pages refuse
        // style attributes anyway (Content-Security-Policy). Markdown tables lose their column alignment with them.
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.PostProcessNode += (_, e) =>
        {
            // Anything that loads from another origin (an image, an image button) would leak readers' visits; the site
            // serves its own media.
            if (e.Node is IElement element && (element.TagName == "IMG" || element.HasAttribute("src")))
            {
                if (!IsOwnPath(element.GetAttribute("src") ?? ""))
                {
                    element.Remove();
                    return;
                }
                if (element.TagName == "IMG")
                {
                    element.SetAttribute("loading", "lazy");
                }
            }
        };
        return sanitizer;
    }

    /// <summary>
    /// A path on this site (the rules of <see cref="LocalUrls.IsLocal"/>, "~/" aside), once the tabs and line breaks that
    /// browsers drop from addresses are dropped.
    /// </summary>
    private static bool IsOwnPath(string url)
    {
        var path = UrlWhitespace().Replace(url, "");
        return path.StartsWith('/') && LocalUrls.IsLocal(path);
    }

    [GeneratedRegex(@"[\t\n\r]")]
    private static partial Regex UrlWhitespace();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
