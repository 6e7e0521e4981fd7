using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Chorus.Web.Features.Search;

/// <summary>
/// The text conventions the two full-text engines share. Both split words at anything that is not a letter or
/// a digit and fold accents themselves (FTS5's unicode61 tokenizer, PostgreSQL's unaccent dictionary), but
/// neither splits Chinese or Japanese, which are written without spaces: so ideographs and kana are indexed
/// and searched one character at a time, and a run of them in a query becomes a phrase. Written by hand
/// because no served package segments CJK text for both databases.
/// </summary>
internal static partial class SearchText
{
    public const int MaxQueryLength = 200;
    public const int MaxTerms = 12;

    /// <summary>Highlight markers the databases put around matches; control characters never occur in our texts.</summary>
    public const char MarkStart = '\u0002', MarkEnd = '\u0003';

    public static bool IsIdeographic(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    /// <summary>The text as it is stored for indexing: each ideograph a word of its own.</summary>
    public static string ForIndex(string text)
    {
        if (!text.Any(IsIdeographic))
        {
            return text;
        }
        var result = new StringBuilder(text.Length * 2);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var spaced = i > 0 && (IsIdeographic(c) || IsIdeographic(text[i - 1])) && char.IsLetterOrDigit(c) && char.IsLetterOrDigit(text[i - 1]);
            result.Append(spaced ? " " : "").Append(c);
        }
        return result.ToString();
    }

    /// <summary>Indexed text as readers write it: the spaces <see cref="ForIndex"/> added taken out again.</summary>
    public static string ForDisplay(string text) => text.Any(IsIdeographic) ? AddedSpace().Replace(text, "") : text;

    /// <summary>The words of a query; a run of ideographs is one term (a phrase of characters).</summary>
    public static IReadOnlyList<string> Terms(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return [];
        }
        var text = query.Length > MaxQueryLength ? query[..MaxQueryLength] : query;
        var terms = new List<string>();
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length > 0 && terms.Count < MaxTerms)
            {
                terms.Add(word.ToString().ToLower(CultureInfo.InvariantCulture));
            }
            word.Clear();
        }
        foreach (var c in text.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark))
            {
                Flush();
            }
            else
            {
                if (word.Length > 0 && IsIdeographic(c) != IsIdeographic(word[^1]))
                {
                    Flush();
                }
                word.Append(c);
            }
        }
        Flush();
        return terms.Distinct().ToList();
    }

    /// <summary>The characters of an ideographic term, or the term itself.</summary>
    public static IEnumerable<string> Parts(string term) =>
        IsIdeographic(term[0]) ? term.Select(c => c.ToString()) : [term];

    /// <summary>A snippet from the database, HTML-encoded, with its matches in &lt;mark&gt; (adjacent ones joined: a phrase of ideographs is one mark).</summary>
    public static string Highlighted(string snippet) =>
        WebUtility.HtmlEncode(ForDisplay(snippet).Replace($"{MarkEnd}{MarkStart}", "", StringComparison.Ordinal)).Replace(MarkStart.ToString(), "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd.ToString(), "</mark>", StringComparison.Ordinal);

    // A space ForIndex put between two ideographs (markers may sit on either side of it).
    [GeneratedRegex("(?<=[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF][\u0002\u0003]?) (?=[\u0002\u0003]?[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF])")]
    private static partial Regex AddedSpace();
}
