using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// HTML back to the Markdown the site stores: inline runs (a machine translation's answer) and whole documents (a page
/// imported from WordPress). Written by hand: no HTML-to-Markdown library is among our packages, and what we need is a
/// closed subset — paragraphs, headings, lists, quotes, code, rules, tables, links, emphasis, images — where anything
/// else gives its text (layout wrappers) or nothing (scripts, styles, forms).
/// </summary>
internal static partial class HtmlToMarkdown
{
    /// <summary>Lets a caller write some elements its own way (the original code a translation must keep); null: the usual way.</summary>
    internal delegate string? Special(IElement element);

    public static IElement Parse(string html) => new HtmlParser().ParseDocument($"<body>{html}</body>").Body!;

    /// <summary>The inline Markdown of a node's children, on one line (line breaks as Markdown hard breaks).</summary>
    public static string Inline(INode node, Special? special = null)
    {
        var sb = new StringBuilder();
        WriteInline(node, sb, special);
        return Collapse(sb.ToString());
    }

    /// <summary>A whole document: its blocks separated by blank lines.</summary>
    public static string Blocks(INode node, Special? special = null) =>
        string.Join("\n\n", BlocksOf(node, special).Where(b => b.Length > 0)).Trim();

    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "form", "input", "select", "textarea", "button", "object", "embed", "svg", "canvas", "head", "title", "meta", "link",
    };

    private static readonly HashSet<string> BlockNames = new(StringComparer.Ordinal)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "hr", "table", "figure", "figcaption", "div", "section",
        "article", "aside", "header", "footer", "main", "nav", "iframe", "video", "audio", "dl", "address", "details", "center",
    };

    private static List<string> BlocksOf(INode parent, Special? special)
    {
        var blocks = new List<string>();
        var run = new StringBuilder();
        void Flush()
        {
            var text = Collapse(run.ToString());
            if (text.Length > 0)
            {
                blocks.Add(Guard(text));
            }
            run.Clear();
        }
        foreach (var child in parent.ChildNodes)
        {
            if (child is IElement element && (BlockNames.Contains(element.LocalName) || Dropped.Contains(element.LocalName)))
            {
                Flush();
                blocks.AddRange(Block(element, special));
            }
            else if (child is IText or IElement)
            {
                WriteInline(child, run, special, single: true);
            }
        }
        Flush();
        return blocks;
    }

    private static List<string> Block(IElement element, Special? special)
    {
        switch (element.LocalName)
        {
            case var name when Dropped.Contains(name):
                return [];
            case "p" or "figcaption" or "address" or "center":
                var text = Inline(element, special);
                return text.Length == 0 ? [] : [element.LocalName == "figcaption" ? $"*{text}*" : Guard(text)];
            case ['h', >= '1' and <= '6'] heading:
                var title = Inline(element, special);
                return title.Length == 0 ? [] : [$"{new string('#', heading[1] - '0')} {title}"];
            case "hr":
                return ["---"];
            case "pre":
                var code = element.TextContent.TrimEnd('\n');
                var fence = code.Contains("```", StringComparison.Ordinal) ? "~~~~" : "```";
                return [$"{fence}\n{code}\n{fence}"];
            case "blockquote":
                return [string.Join("\n", Blocks(element, special).Split('\n').Select(l => l.Length == 0 ? ">" : $"> {l}"))];
            case "ul" or "ol":
                return [List(element, special)];
            case "table":
                return [Table(element, special)];
            case "iframe" or "video" or "audio":
                // An embed becomes a link to what it showed: the page never loads anything from elsewhere.
                var src = element.GetAttribute("src") ?? element.QuerySelector("source")?.GetAttribute("src");
                return src is { Length: > 0 } && src.StartsWith("http", StringComparison.Ordinal) ? [$"<{src}>"] : [];
            default:
                return BlocksOf(element, special);
        }
    }

    private static string List(IElement list, Special? special)
    {
        var lines = new List<string>();
        var number = int.TryParse(list.GetAttribute("start"), out var start) ? start : 1;
        foreach (var item in list.Children.Where(c => c.LocalName == "li"))
        {
            var marker = list.LocalName == "ol" ? $"{number++}. " : "- ";
            // A sub-list follows its item's words on the next line, so the list stays tight (no paragraphs in its items).
            var parts = BlocksOf(item, special).Where(b => b.Length > 0).ToList();
            var content = string.Join("", parts.Select((b, i) => i == 0 ? b : (IsList(b) ? "\n" : "\n\n") + b)).Trim();
            var itemLines = (content.Length == 0 ? " " : content).Split('\n');
            lines.Add(marker + itemLines[0]);
            lines.AddRange(itemLines.Skip(1).Select(l => l.Length == 0 ? "" : new string(' ', marker.Length) + l));
        }
        return string.Join("\n", lines);
    }

    private static bool IsList(string block) => block.StartsWith("- ", StringComparison.Ordinal) || OrderedMarker().IsMatch(block);

    private static string Table(IElement table, Special? special)
    {
        var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table)
            .Select(r => r.Children.Where(c => c.LocalName is "td" or "th").Select(c => Inline(c, special).Replace("|", "\\|", StringComparison.Ordinal)).ToList())
            .Where(r => r.Count > 0).ToList();
        if (rows.Count == 0)
        {
            return "";
        }
        var width = rows.Max(r => r.Count);
        string Row(List<string> cells) => "| " + string.Join(" | ", cells.Concat(Enumerable.Repeat("", width - cells.Count))) + " |";
        return string.Join("\n", new[] { Row(rows[0]), "|" + string.Concat(Enumerable.Repeat(" --- |", width)) }.Concat(rows.Skip(1).Select(Row)));
    }

    private static void WriteInline(INode node, StringBuilder sb, Special? special, bool single = false)
    {
        foreach (var child in single ? [node] : node.ChildNodes.ToArray())
        {
            switch (child)
            {
                case IText text:
                    sb.Append(Escape(text.Data));
                    break;
                case IElement element when special?.Invoke(element) is { } own:
                    sb.Append(own);
                    break;
                case IElement element when Dropped.Contains(element.LocalName):
                    break;
                case IElement { LocalName: "img" } img:
                    sb.Append("![").Append(Escape(img.GetAttribute("alt") ?? "")).Append("](").Append(img.GetAttribute("src")).Append(')');
                    break;
                case IElement { LocalName: "a" } a when a.GetAttribute("href") is { Length: > 0 } href:
                    sb.Append('[');
                    WriteInline(a, sb, special);
                    sb.Append("](").Append(href.Replace(" ", "%20", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)).Append(')');
                    break;
                case IElement { LocalName: "strong" or "b" } strong when strong.TextContent.Trim().Length > 0:
                    Wrap(strong, "**", sb, special);
                    break;
                case IElement { LocalName: "em" or "i" } em when em.TextContent.Trim().Length > 0:
                    Wrap(em, "*", sb, special);
                    break;
                case IElement { LocalName: "del" or "s" or "strike" } del:
                    Wrap(del, "~~", sb, special);
                    break;
                case IElement { LocalName: "code" } code:
                    sb.Append('`').Append(code.TextContent).Append('`');
                    break;
                case IElement { LocalName: "br" }:
                    sb.Append("\\\n");
                    break;
                case IElement element:
                    WriteInline(element, sb, special);
                    break;
            }
        }
    }

    private static void Wrap(IElement element, string marker, StringBuilder sb, Special? special)
    {
        var inner = new StringBuilder();
        WriteInline(element, inner, special);
        // Emphasis markers must touch the words: "** bold **" is not bold in Markdown, so the spaces go outside.
        var text = inner.ToString();
        var trimmed = text.Trim();
        sb.Append(text[..(text.Length - text.TrimStart().Length)]).Append(marker).Append(trimmed).Append(marker).Append(text[text.TrimEnd().Length..]);
    }

    // HTML's own rule: runs of white space are one space; hard breaks keep their line.
    private static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '\\' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                sb.Append("\\\n");
                i++;
                space = false;
                continue;
            }
            if (char.IsWhiteSpace(ch) && ch != '\u00A0')
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0 && sb[^1] != '\n')
            {
                sb.Append(' ');
            }
            space = false;
            sb.Append(ch);
        }
        return sb.ToString().Trim();
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

    // A paragraph whose first characters Markdown would read as a heading, a quote, a list or a rule keeps them as text.
    private static string Guard(string paragraph) =>
        paragraph.Length == 0 ? paragraph
        : paragraph[0] is '#' or '>' or '-' or '+' or '=' ? "\\" + paragraph
        : OrderedMarker().Match(paragraph) is { Success: true } m ? $"{m.Groups[1].Value}\\{paragraph[m.Groups[1].Length..]}"
        : paragraph;

    [System.Text.RegularExpressions.GeneratedRegex(@"^(\d+)[.)]\s")]
    private static partial System.Text.RegularExpressions.Regex OrderedMarker();
}
