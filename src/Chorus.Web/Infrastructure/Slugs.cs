using System.Globalization;
using System.Text;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Readable URL slugs. Written by hand because the transliterating libraries turn Arabic or
/// Chinese titles into unreadable Latin consonant strings: here accents are dropped from Latin
/// letters ("Migración" → "migracion") while other scripts keep their letters ("حقوق-المهاجرين").
/// </summary>
internal static class Slugs
{
    public const int MaxLength = 80;

    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        var lastWasLatin = false;
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                // Accents on Latin letters go; vowel signs of other scripts are part of the word.
                if (!lastWasLatin && sb.Length > 0 && sb[^1] != '-')
                {
                    sb.Append(ch);
                }
                continue;
            }
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
                lastWasLatin = ch <= '\u024F';
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }
        var slug = sb.ToString().Normalize(NormalizationForm.FormC).Trim('-');
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = slug[..(cut > MaxLength / 2 ? cut : MaxLength)].Trim('-');
        }
        return slug.Length == 0 ? "item" : slug;
    }

    /// <summary>
    /// The address an editor's form asks for: typed, it is normalised and must be free (Taken says it is not);
    /// left empty, it comes from the title, numbered if taken; with no title either (a form error already), "".
    /// </summary>
    public static async Task<(string Slug, bool Taken)> ForFormAsync(string? typed, string? title, Func<string, Task<bool>> taken)
    {
        if (!string.IsNullOrWhiteSpace(typed))
        {
            var slug = From(typed);
            return (slug, await taken(slug));
        }
        return (string.IsNullOrWhiteSpace(title) ? "" : await UniqueAsync(title, taken), false);
    }

    /// <summary>The slug for <paramref name="text"/>, with -2, -3… appended until <paramref name="taken"/> says no.</summary>
    public static async Task<string> UniqueAsync(string text, Func<string, Task<bool>> taken)
    {
        var slug = From(text);
        var candidate = slug;
        for (var n = 2; await taken(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }
}
