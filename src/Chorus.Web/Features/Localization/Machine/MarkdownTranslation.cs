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
    /// The inline HTML Markdig writes (links, emphasis, code, line breaks) back to Markdown. Written by
    /// hand: it is a small closed subset, and no HTML-to-Markdown library is among our packages.
    /// </summary>
    internal static string ToMarkdown(string html, IReadOnlyList<string> originalCode, IReadOnlySet<string>? bareUrls = null)
    {
        var sb = new StringBuilder();
        var codeIndex = 0;
        Write(Parse(html), sb, new Originals(originalCode, bareUrls ?? new HashSet<string>()), ref codeIndex);
        return sb.ToString().Trim();
    }

    /// <summary>What goes back as it was sent, whatever the service made of it.</summary>
    private sealed record Originals(IReadOnlyList<string> Code, IReadOnlySet<string> BareUrls);

    private static IElement Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

    private static void Write(INode node, StringBuilder sb, Originals code, ref int codeIndex)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(Escape(text.Data.ReplaceLineEndings(" ")));
                    break;
                case IElement { LocalName: "a" } a when a.GetAttribute("href") is { } href && code.BareUrls.Contains(href):
                    sb.Append(href);
                    break;
                case IElement { LocalName: "img" } img:
                    sb.Append("![").Append(Escape(img.GetAttribute("alt") ?? "")).Append("](").Append(img.GetAttribute("src")).Append(')');
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
                    var original = codeIndex < code.Code.Count ? code.Code[codeIndex] : element.TextContent;
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

    private static void Wrap(IElement element, string marker, StringBuilder sb, Originals code, ref int codeIndex)
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
