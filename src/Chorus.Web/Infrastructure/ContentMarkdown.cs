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

    /// <summary>The words of the Markdown without its markup, on one line.</summary>
    public static string ToPlainText(string markdown) => Whitespace().Replace(Markdown.ToPlainText(markdown, Pipeline), " ").Trim();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.PostProcessNode += (_, e) =>
        {
            // An image from another origin would leak readers' visits; the site serves its own media.
            if (e.Node is IElement { TagName: "IMG" } img)
            {
                var src = img.GetAttribute("src") ?? "";
                if (!src.StartsWith('/') || src.StartsWith("//", StringComparison.Ordinal))
                {
                    img.Remove();
                    return;
                }
                img.SetAttribute("loading", "lazy");
            }
        };
        return sanitizer;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
