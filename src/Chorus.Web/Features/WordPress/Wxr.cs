using System.Globalization;
using System.Xml;

namespace Chorus.Web.Features.WordPress;

internal sealed record WxrAuthor(string Login, string DisplayName);

internal sealed record WxrTerm(string Taxonomy, string Slug, string Name, string? Parent);

/// <summary>One &lt;item&gt; of the export: a post, a page, an attachment, or something Chorus has no use for (menus, revisions…).</summary>
internal sealed record WxrItem(
    int Id, string Type, string Status, string Title, string Slug, string Link, string Guid, string Author,
    DateTime? PublishedUtc, DateTime? LocalDate, int Parent, string Content, string Excerpt, string? AttachmentUrl,
    IReadOnlyList<(string Taxonomy, string Slug, string Name)> Terms, IReadOnlyDictionary<string, string> Meta, int Comments);

/// <summary>What the export says of the site it came from.</summary>
internal sealed record WxrSite(string Version, string Title, string BaseUrl);

/// <summary>A file that is not a WordPress export WXR 1.0–1.2, or is cut short: the message says which, for a person.</summary>
internal sealed class WxrException(string key, object[] args, Exception? inner = null) : Exception(string.Format(CultureInfo.InvariantCulture, key, args), inner)
{
    public WxrException(string key)
        : this(key, [])
    {
    }

    /// <summary>The message as an interface string (its placeholders unfilled), so a page can show it in the reader's language.</summary>
    public string Key => key;

    public object[] Args => args;
}

/// <summary>
/// Reads a WordPress export (WXR, Tools › Export › All content) as a stream: one item in memory at a time, so a 200 MB
/// export costs what its largest post costs. Written by hand over XmlReader because no maintained .NET library reads WXR;
/// the format is RSS 2.0 with WordPress's own elements (wp:, content:, excerpt:, dc: namespaces).
/// </summary>
internal sealed class Wxr(Stream stream)
{
    private const string Wp = "http://wordpress.org/export/";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string Dc = "http://purl.org/dc/elements/1.1/";

    public WxrSite? Site { get; private set; }

    public List<WxrAuthor> Authors { get; } = [];

    public List<WxrTerm> Terms { get; } = [];

    /// <summary>The items in file order; site, authors and terms are filled as they are met (before the items in every export).</summary>
    public IEnumerable<WxrItem> Items()
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true,
            MaxCharactersFromEntities = 1024,
        };
        using var reader = XmlReader.Create(stream, settings);
        Guard(() => reader.MoveToContent());
        if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "rss")
        {
            throw new WxrException("This file is not a WordPress export: it is not RSS. Export it again from Tools › Export › All content.");
        }
        if (!Guard(() => reader.ReadToDescendant("channel")))
        {
            throw new WxrException("This file is not a WordPress export (it has no channel). Export it again from Tools › Export › All content.");
        }
        string version = "", title = "", baseUrl = "";
        foreach (var (name, ns) in ChildElements(reader))
        {
            var wp = ns.StartsWith(Wp, StringComparison.Ordinal);
            switch (name)
            {
                case "title" when ns.Length == 0:
                    title = Text(reader);
                    break;
                case "wxr_version" when wp:
                    version = Text(reader).Trim();
                    if (version is not ("1.0" or "1.1" or "1.2"))
                    {
                        throw new WxrException("This export is WXR version {0}; Chorus reads versions 1.0 to 1.2 (WordPress 3 and later).", [version]);
                    }
                    break;
                case "base_site_url" when wp:
                    baseUrl = Text(reader).Trim().TrimEnd('/');
                    break;
                case "author" when wp:
                    var a = Children(reader);
                    Authors.Add(new WxrAuthor(a.GetValueOrDefault("author_login", ""), a.GetValueOrDefault("author_display_name", "")));
                    break;
                case "category" when wp:
                    var c = Children(reader);
                    Terms.Add(new WxrTerm("category", c.GetValueOrDefault("category_nicename", ""), c.GetValueOrDefault("cat_name", ""), Blank(c.GetValueOrDefault("category_parent"))));
                    break;
                case "tag" when wp:
                    var t = Children(reader);
                    Terms.Add(new WxrTerm("post_tag", t.GetValueOrDefault("tag_slug", ""), t.GetValueOrDefault("tag_name", ""), null));
                    break;
                case "term" when wp:
                    var term = Children(reader);
                    Terms.Add(new WxrTerm(term.GetValueOrDefault("term_taxonomy", ""), term.GetValueOrDefault("term_slug", ""), term.GetValueOrDefault("term_name", ""), Blank(term.GetValueOrDefault("term_parent"))));
                    break;
                case "item" when ns.Length == 0:
                    if (version.Length == 0)
                    {
                        throw new WxrException("This file has no WXR version: it is an RSS feed, not a WordPress export. Export it from Tools › Export › All content.");
                    }
                    Site ??= new WxrSite(version, title, baseUrl);
                    yield return Item(reader);
                    break;
                default:
                    Guard(reader.Skip);
                    break;
            }
        }
        if (version.Length == 0)
        {
            throw new WxrException("This file is not a WordPress export (no WXR version in it). Export it again from Tools › Export › All content.");
        }
        Site ??= new WxrSite(version, title, baseUrl);
    }

    /// <summary>
    /// The child elements of the element the reader is on, by name and namespace; the caller consumes each (reads its text
    /// or skips it), which leaves the reader on the next node, so this never reads past a sibling.
    /// </summary>
    private static IEnumerable<(string Name, string Ns)> ChildElements(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            Guard(reader.Read);
            yield break;
        }
        var depth = reader.Depth;
        Guard(reader.Read);
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                var where = (IXmlLineInfo)reader;
                var (line, column) = (where.LineNumber, where.LinePosition);
                yield return (reader.LocalName, reader.NamespaceURI);
                // A caller that left the element unread (the reader has not moved): skip it.
                if (where.LineNumber == line && where.LinePosition == column)
                {
                    Guard(reader.Skip);
                }
            }
            else
            {
                Guard(reader.Read);
            }
        }
        if (reader.EOF)
        {
            throw new WxrException("The export ends in the middle: the file was cut short, perhaps while downloading. Export it again.");
        }
        Guard(reader.Read);
    }

    private static WxrItem Item(XmlReader reader)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var terms = new List<(string, string, string)>();
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        var comments = 0;
        foreach (var (name, ns) in ChildElements(reader))
        {
            if (name == "category" && ns.Length == 0)
            {
                var taxonomy = reader.GetAttribute("domain") ?? "category";
                var slug = reader.GetAttribute("nicename") ?? "";
                terms.Add((taxonomy, slug, Text(reader)));
            }
            else if (name == "postmeta" && ns.StartsWith(Wp, StringComparison.Ordinal))
            {
                var m = Children(reader);
                if (m.TryGetValue("meta_key", out var key))
                {
                    meta[key] = m.GetValueOrDefault("meta_value", "");
                }
            }
            else if (name == "comment" && ns.StartsWith(Wp, StringComparison.Ordinal))
            {
                comments++;
                Guard(reader.Skip);
            }
            else
            {
                var prefix = ns == ContentNs ? "content:" : ns.EndsWith("/excerpt/", StringComparison.Ordinal) ? "excerpt:" : ns == Dc ? "dc:" : "";
                values[prefix + name] = Text(reader);
            }
        }
        string V(string key) => values.GetValueOrDefault(key, "");
        return new WxrItem(
            Int(V("post_id")), V("post_type"), V("status"), V("title"), V("post_name"), V("link"), V("guid"), V("dc:creator"),
            Date(V("post_date_gmt")), Date(V("post_date")), Int(V("post_parent")), V("content:encoded"), V("excerpt:encoded"),
            Blank(V("attachment_url")), terms, meta, comments);
    }

    // The text of an element that holds only text (CDATA or not); the reader moves to the node after it.
    private static string Text(XmlReader reader) => Guard(() => reader.IsEmptyElement ? Empty(reader) : reader.ReadElementContentAsString());

    private static string Empty(XmlReader reader)
    {
        reader.Read();
        return "";
    }

    private static Dictionary<string, string> Children(XmlReader reader)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, _) in ChildElements(reader))
        {
            values[name] = Text(reader);
        }
        return values;
    }

    private static T Guard<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (XmlException e)
        {
            throw new WxrException("The export breaks at line {0}: the file may have been cut short or changed by hand. Export it again.", [e.LineNumber], e);
        }
    }

    private static void Guard(Action read) => Guard(() => { read(); return true; });

    private static int Int(string s) => int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    // WordPress writes "0000-00-00 00:00:00" for a date never set (a draft's GMT date).
    private static DateTime? Date(string s) =>
        DateTime.TryParseExact(s.Trim(), "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year > 1
            ? DateTime.SpecifyKind(d, DateTimeKind.Unspecified) : null;

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
