using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Markdig;
using Markdig.Syntax;

namespace Chorus.Web.Features.Localization.Machine;

/// <summary>
/// Translates the prose of a Markdown document and keeps its structure: each paragraph or heading
/// goes to the service as HTML (so link targets, code and emphasis are markup the service leaves
/// alone) and comes back as Markdown; code blocks, HTML blocks and URLs are never sent.
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
            var html = InlineHtml(markdown[start..(end + 1)]);
            // Inline code is never translated: whatever the service does to it, the original goes back.
            var code = Parse(html).QuerySelectorAll("code").Select(c => c.TextContent).ToList();
            var translated = await translateHtml(html);
            result.Remove(start, end - start + 1).Insert(start, ToMarkdown(translated, code));
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
    /// The inline HTML Markdig writes (links, emphasis, code, line breaks) back to Markdown. Written by
    /// hand: it is a small closed subset, and no HTML-to-Markdown library is among our packages.
    /// </summary>
    internal static string ToMarkdown(string html, IReadOnlyList<string> originalCode)
    {
        var sb = new StringBuilder();
        var codeIndex = 0;
        Write(Parse(html), sb, originalCode, ref codeIndex);
        return sb.ToString().Trim();
    }

    private static IElement Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

    private static void Write(INode node, StringBuilder sb, IReadOnlyList<string> code, ref int codeIndex)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(Escape(text.Data.ReplaceLineEndings(" ")));
                    break;
                case IElement { LocalName: "a" } a:
                    sb.Append('[');
                    Write(a, sb, code, ref codeIndex);
                    sb.Append("](").Append(a.GetAttribute("href")).Append(')');
                    break;
                case IElement { LocalName: "strong" or "b" } strong:
                    Wrap(strong, "**", sb, code, ref codeIndex);
                    break;
                case IElement { LocalName: "em" or "i" } em:
                    Wrap(em, "*", sb, code, ref codeIndex);
                    break;
                case IElement { LocalName: "del" } del:
                    Wrap(del, "~~", sb, code, ref codeIndex);
                    break;
                case IElement { LocalName: "code" } element:
                    var original = codeIndex < code.Count ? code[codeIndex] : element.TextContent;
                    codeIndex++;
                    sb.Append('`').Append(original).Append('`');
                    break;
                case IElement { LocalName: "br" }:
                    sb.Append("  \n");
                    break;
                case IElement element:
                    Write(element, sb, code, ref codeIndex);
                    break;
            }
        }
    }

    private static void Wrap(IElement element, string marker, StringBuilder sb, IReadOnlyList<string> code, ref int codeIndex)
    {
        sb.Append(marker);
        Write(element, sb, code, ref codeIndex);
        sb.Append(marker);
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\\' or '*' or '_' or '[' or ']' or '`' or '<')
            {
                sb.Append('\\');
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }
}
