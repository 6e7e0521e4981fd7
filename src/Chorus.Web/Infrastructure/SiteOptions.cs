using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Infrastructure;

internal sealed class SiteOptions
{
    /// <summary>The coalition's name, shown in the header and page titles.</summary>
    [Required]
    public string Name { get; set; } = "Chorus";

    /// <summary>
    /// The site's public address, such as https://coalition.example: every emailed and absolute link (feeds, sitemaps,
    /// canonical links, calendars, API links) starts with it, never with the Host a request claims, so nobody can make
    /// the site send a genuine email whose link points elsewhere. Required; Development defaults to http://localhost:5000.
    /// </summary>
    [Required(ErrorMessage = "set the site's public address, such as https://coalition.example (every emailed and absolute link starts with it).")]
    public string PublicOrigin { get; set; } = "";

    /// <summary>
    /// <see cref="PublicOrigin"/> as scheme://host[:port], lower case and without a trailing slash, when it is one;
    /// null when it is not an http(s) address without a path, query or user.
    /// </summary>
    public static string? NormalizeOrigin(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/"
        && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

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

    /// <summary>
    /// Where the original of a copy is ("/en/news/…" for an English post shown under /ar/ for want of an Arabic text): the
    /// canonical address search engines are given instead of the page's own, which is then kept out of their index.
    /// </summary>
    string? OriginalPath => null;

    /// <summary>What a link preview is of: "website", or "article" for a post.</summary>
    string OpenGraphType => "website";

    /// <summary>The page's own image (a featured image) for link previews; null for the site's sharing image.</summary>
    Features.Site.ShownImage? Image => null;
}
