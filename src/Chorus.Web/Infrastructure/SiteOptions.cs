using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Infrastructure;

internal sealed class SiteOptions
{
    /// <summary>The coalition's name, shown in the header and page titles.</summary>
    [Required]
    public string Name { get; set; } = "Chorus";

    /// <summary>One line under the name.</summary>
    public string Tagline { get; set; } = "";

    /// <summary>IANA zone in which publication dates are shown (e.g. Europe/Paris).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>The six UN languages, served when <see cref="Cultures"/> is not set.</summary>
    public static readonly string[] DefaultCultures = ["en", "fr", "es", "ar", "zh", "ru"];

    /// <summary>
    /// Cultures served, first is the default; every public URL starts with one. Empty here and filled with
    /// <see cref="DefaultCultures"/> after binding: the configuration binder appends to an array it finds filled,
    /// so a default in the initializer could not be replaced by a configured list.
    /// </summary>
    [MinLength(1, ErrorMessage = "name at least one culture, such as en.")]
    public string[] Cultures { get; set; } = [];

    /// <summary>
    /// Per culture, the languages to show content in, in order, when it has no translation in that
    /// culture (for example "fr": ["es"]). The default culture always ends the chain.
    /// </summary>
    public Dictionary<string, string[]> Fallbacks { get; set; } = [];

    /// <summary>The culture itself, then its configured fallbacks, then the default culture.</summary>
    public IReadOnlyList<string> FallbackChain(string culture) =>
        [.. new[] { culture }.Concat(Fallbacks.GetValueOrDefault(culture) ?? []).Append(Cultures[0]).Distinct()];
}

/// <summary>Implemented by page models so the layout can write the title and description.</summary>
internal interface IPageMeta
{
    string Title { get; }
    string? Description { get; }

    /// <summary>Cultures this page really exists in (original or human translation); null means all of them.</summary>
    IReadOnlyCollection<string>? TranslatedCultures { get; }

    /// <summary>Keep search engines away (unreviewed machine translations).</summary>
    bool NoIndex { get; }

    /// <summary>The feeds this page is a view of, without the extension ("/en/statements/feed"); null for the site's.</summary>
    string? Feed => null;
}
