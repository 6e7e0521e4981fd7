using System.Net;
using System.Text;
using AngleSharp.Dom;
using Chorus.Web.Infrastructure;
using Markdig;
using Markdig.Syntax;

namespace Chorus.Web.Features.Localization.Machine;

/// <summary>
/// Translates the prose of a Markdown document and keeps its structure: each paragraph or heading
/// goes to the service as HTML (so link targets, code and emphasis are markup the service leaves
/// alone) and comes back as Markdown; code blocks, HTML blocks and URLs are never sent. Images come back as they were
/// (their alt text as the service returned it), a bare address stays a bare address, and a table keeps its layout.
/// </summary>
internal static class MarkdownTranslation
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePreciseSourceLocation()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    public static async Task<string> TranslateAsync(string markdown, Func<string, Task<string>> translateHtml)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        // The source span of each paragraph's or heading's inline content (precise source locations).
        var regions = document.Descendants<LeafBlock>()
            .Where(b => b is ParagraphBlock or HeadingBlock && b.Inline?.FirstChild is not null)
            .Select(b => (Start: b.Inline!.FirstChild!.Span.Start, End: b.Inline.LastChild!.Span.End))
            .Where(r => r.End >= r.Start)
            .OrderByDescending(r => r.Start)
            .ToList();
        var result = new StringBuilder(markdown);
        foreach (var (start, end) in regions)
        {
            var source = markdown[start..(end + 1)];
            var html = InlineHtml(source);
            // Inline code is never translated: whatever the service does to it, the original goes back. So are bare
            // addresses (a link whose text is its address), which a service would otherwise treat as words.
            var parsed = Parse(html);
            var code = parsed.QuerySelectorAll("code").Select(c => c.TextContent).ToList();
            var bare = parsed.QuerySelectorAll("a").Where(a => a.TextContent == a.GetAttribute("href")).Select(a => a.GetAttribute("href")!).ToHashSet(StringComparer.Ordinal);
            var translated = await translateHtml(html);
            // A table cell's span includes the spaces around its text: they stay, so the table's source keeps its layout.
            var (lead, trail) = (source[..(source.Length - source.TrimStart().Length)], source[source.TrimEnd().Length..]);
            result.Remove(start, end - start + 1).Insert(start, lead + ToMarkdown(translated, code, bare) + trail);
        }
        return result.ToString();
    }

    /// <summary>Plain text (a title) through the same HTML route, so entities and quotes survive.</summary>
    public static async Task<string> TranslateTextAsync(string text, Func<string, Task<string>> translateHtml) =>
        WebUtility.HtmlDecode(await translateHtml(WebUtility.HtmlEncode(text))).Trim();

    private static string InlineHtml(string inlineMarkdown)
    {
        var html = Markdown.ToHtml(inlineMarkdown.ReplaceLineEndings(" ").Trim(), Pipeline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    /// <summary>
    /// The inline HTML Markdig writes (links, emphasis, code, line breaks) back to Markdown through the site's one
    /// HTML-to-Markdown writer, except what goes back as it was sent whatever the service made of it: inline code (in
    /// order) and bare addresses.
    /// </summary>
    internal static string ToMarkdown(string html, IReadOnlyList<string> originalCode, IReadOnlySet<string>? bareUrls = null)
    {
        var codeIndex = 0;
        var bare = bareUrls ?? new HashSet<string>();
        return HtmlToMarkdown.Inline(Parse(html), element => element switch
        {
            { LocalName: "code" } => $"`{(codeIndex < originalCode.Count ? originalCode[codeIndex++] : element.TextContent)}`",
            { LocalName: "a" } when element.GetAttribute("href") is { } href && bare.Contains(href) => href,
            _ => null,
        });
    }

    private static IElement Parse(string html) => HtmlToMarkdown.Parse(html);
}
