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
        var regions = document.Descendants<LeafBlock>()
            .Where(b => b is ParagraphBlock or HeadingBlock && b.Lines.Count > 0)
            .Select(b => (Start: b.Lines.Lines[0].Slice.Start, End: b.Lines.Lines[b.Lines.Count - 1].Slice.End))
            .Where(r => r.End >= r.Start)
            .OrderByDescending(r => r.Start)
            .ToList();
        var result = new StringBuilder(markdown);
        foreach (var (start, end) in regions)
        {
            var source = markdown[start..(end + 1)];
            var translated = await translateHtml(InlineHtml(source));
            result.Remove(start, end - start + 1).Insert(start, ToMarkdown(translated));
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
    internal static string ToMarkdown(string html)
    {
        var body = new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;
        var sb = new StringBuilder();
        Write(body, sb);
        return sb.ToString().Trim();
    }

    private static void Write(INode node, StringBuilder sb)
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
                    Write(a, sb);
                    sb.Append("](").Append(a.GetAttribute("href")).Append(')');
                    break;
                case IElement { LocalName: "strong" or "b" } strong:
                    Wrap(strong, "**", sb);
                    break;
                case IElement { LocalName: "em" or "i" } em:
                    Wrap(em, "*", sb);
                    break;
                case IElement { LocalName: "del" } del:
                    Wrap(del, "~~", sb);
                    break;
                case IElement { LocalName: "code" } code:
                    sb.Append('`').Append(code.TextContent).Append('`');
                    break;
                case IElement { LocalName: "br" }:
                    sb.Append("  \n");
                    break;
                case IElement element:
                    Write(element, sb);
                    break;
            }
        }
    }

    private static void Wrap(IElement element, string marker, StringBuilder sb)
    {
        sb.Append(marker);
        Write(element, sb);
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
