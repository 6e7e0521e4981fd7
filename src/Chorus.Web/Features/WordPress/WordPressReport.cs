using System.Text.RegularExpressions;

namespace Chorus.Web.Features.WordPress;

/// <summary>
/// What an export holds and what an import would do with it, read without writing anything (the dry run): counts by kind
/// and status, what is skipped and why, attachments whose file is found, missing or refused, shortcodes nobody handles,
/// languages.
/// </summary>
internal sealed partial class WordPressReport
{
    // The shortcodes an import turns into content; any other is kept as text and listed here.
    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal) { "caption", "wp_caption", "gallery", "embed", "audio", "video" };

    public string Site { get; private set; } = "";

    public string Version { get; private set; } = "";

    public SortedDictionary<string, int> Posts { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Pages { get; } = new(StringComparer.Ordinal);

    public int Attachments { get; private set; }

    public int FilesFound { get; private set; }

    public List<string> FilesMissing { get; } = [];

    public List<string> FilesRefused { get; } = [];

    public int Categories { get; private set; }

    public int Tags { get; private set; }

    public int Authors { get; private set; }

    public int Comments { get; private set; }

    /// <summary>Items of types Chorus has no use for (menus, revisions, blocks, forms…), by type.</summary>
    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> UnknownShortcodes { get; } = new(StringComparer.Ordinal);

    /// <summary>The WordPress IDs of the posts, pages and attachments, to tell which an earlier import already brought over.</summary>
    public HashSet<int> ItemIds { get; } = [];

    /// <summary>How many of <see cref="ItemIds"/> an earlier import of this site brought over (null when not asked).</summary>
    public int? AlreadyImported { get; set; }

    /// <summary>Posts and pages by language, where a WPML or Polylang export says it.</summary>
    public SortedDictionary<string, int> Languages { get; } = new(StringComparer.Ordinal);

    public static WordPressReport Read(Stream export, string? uploads)
    {
        var report = new WordPressReport();
        var wxr = new Wxr(export);
        var root = uploads is null ? null : Path.GetFullPath(uploads);
        foreach (var item in wxr.Items())
        {
            switch (item.Type)
            {
                case "post" or "page":
                    report.ItemIds.Add(item.Id);
                    var counts = item.Type == "post" ? report.Posts : report.Pages;
                    counts[item.Status] = counts.GetValueOrDefault(item.Status) + 1;
                    report.Comments += item.Comments;
                    if (LanguageOf(item) is { } language)
                    {
                        report.Languages[language] = report.Languages.GetValueOrDefault(language) + 1;
                    }
                    foreach (Match m in Shortcode().Matches(item.Content))
                    {
                        var name = m.Groups[1].Value;
                        if (!Handled.Contains(name))
                        {
                            report.UnknownShortcodes[name] = report.UnknownShortcodes.GetValueOrDefault(name) + 1;
                        }
                    }
                    break;
                case "attachment":
                    report.ItemIds.Add(item.Id);
                    report.Attachments++;
                    if (root is not null && item.Meta.TryGetValue("_wp_attached_file", out var file))
                    {
                        switch (UploadedFile(root, file))
                        {
                            case null:
                                report.FilesRefused.Add(file);
                                break;
                            case var path when File.Exists(path):
                                report.FilesFound++;
                                break;
                            default:
                                report.FilesMissing.Add(file);
                                break;
                        }
                    }
                    break;
                default:
                    report.Skipped[item.Type] = report.Skipped.GetValueOrDefault(item.Type) + 1;
                    break;
            }
        }
        report.Site = wxr.Site?.BaseUrl ?? "";
        report.Version = wxr.Site?.Version ?? "";
        report.Categories = wxr.Terms.Count(t => t.Taxonomy == "category");
        report.Tags = wxr.Terms.Count(t => t.Taxonomy == "post_tag");
        report.Authors = wxr.Authors.Count;
        return report;
    }

    /// <summary>
    /// The file of an attachment under the uploads folder, or null when its recorded path would lead out of it
    /// ("../../etc/passwd", an absolute path): such a file is never read.
    /// </summary>
    public static string? UploadedFile(string uploadsRoot, string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Contains('\0', StringComparison.Ordinal))
        {
            return null;
        }
        var root = Path.GetFullPath(uploadsRoot).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var path = Path.GetFullPath(Path.Combine(root, relative));
        return path.StartsWith(root, StringComparison.Ordinal) ? path : null;
    }

    /// <summary>The language WPML (_icl_lang_code) or Polylang (the "language" taxonomy) recorded for an item.</summary>
    public static string? LanguageOf(WxrItem item) =>
        item.Meta.TryGetValue("_icl_lang_code", out var wpml) && wpml.Length > 0 ? wpml
        : item.Terms.FirstOrDefault(t => t.Taxonomy == "language").Slug is { Length: > 0 } polylang ? polylang
        : null;

    /// <summary>The report as lines for a person (the command line prints them).</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"WordPress export of {(Site.Length > 0 ? Site : "an unnamed site")} (WXR {Version})";
        yield return $"Posts: {Total(Posts)}{Detail(Posts)}";
        yield return $"Pages: {Total(Pages)}{Detail(Pages)}";
        yield return "  published stay published, scheduled stay scheduled, drafts and private items become drafts, trashed items go to the bin";
        yield return $"Categories: {Categories}, tags: {Tags}, authors: {Authors}";
        yield return $"Attachments: {Attachments}" + (FilesFound + FilesMissing.Count + FilesRefused.Count > 0
            ? $" ({FilesFound} files found under the uploads folder, {FilesMissing.Count} missing, {FilesRefused.Count} refused)" : " (no uploads folder given: files not checked)");
        foreach (var file in FilesMissing)
        {
            yield return $"  missing: {file} (posts keep a plain link to it)";
        }
        foreach (var file in FilesRefused)
        {
            yield return $"  refused: {file} (its path leads out of the uploads folder)";
        }
        yield return $"Comments: {Comments} (Chorus has none: counted and skipped)";
        if (AlreadyImported is { } already)
        {
            yield return $"Already here from an earlier import: {already} of the {ItemIds.Count} posts, pages and attachments (they will be updated, not added again)";
        }
        if (Languages.Count > 0)
        {
            yield return $"Languages: {string.Join(", ", Languages.Select(l => $"{l.Key} {l.Value}"))}";
        }
        foreach (var (type, count) in Skipped)
        {
            yield return $"Skipped: {count} {type} (not content Chorus keeps)";
        }
        foreach (var (name, count) in UnknownShortcodes)
        {
            yield return $"Shortcode [{name}] in {count} item(s): kept as text";
        }
    }

    private static int Total(SortedDictionary<string, int> counts) => counts.Values.Sum();

    private static string Detail(SortedDictionary<string, int> counts) =>
        counts.Count == 0 ? "" : $" ({string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))})";

    [GeneratedRegex(@"\[([a-z][a-z0-9_-]*)[\s\]]")]
    private static partial Regex Shortcode();
}
