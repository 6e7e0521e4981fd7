using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Media;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Site;

/// <summary>An image as a page writes it: where, how large, and what it shows.</summary>
internal sealed record ShownImage(string Url, int Width, int Height, string Alt, MediaItem Item);

/// <summary>A piece of the site's own text and the language it is in (the default language's, for want of a translation).</summary>
internal sealed record SiteWords(string Text, string Culture);

/// <summary>A link of the header menu or the footer as one page shows it.</summary>
internal sealed record MenuLink(string Href, SiteWords Label);

/// <summary>The coalition as one page in one language shows it.</summary>
internal sealed record Brand(
    SiteWords Name, SiteWords? Tagline, SiteWords? Footer, ShownImage? Logo, IReadOnlyList<SocialLink> Links,
    string? Theme, string Icon, string IconType, ShownImage? ShareImage, IReadOnlyList<MenuLink> Menu, IReadOnlyList<MenuLink> FooterLinks)
{
    /// <summary>The name as plain text, for titles, feeds and emails.</summary>
    public override string ToString() => Name.Text;
}

/// <summary>
/// The site's identity (<see cref="SiteLook"/>) as pages show it: read once and kept in memory until it is saved again
/// (<see cref="ShownData"/>, on every node), so the layout costs nothing per request.
/// </summary>
internal sealed class SiteIdentity(ChorusDb db, ShownData data, IOptions<SiteOptions> options, IStringLocalizer<SharedStrings> S)
{
    /// <summary>What the layout and home page read: the row with its images, or an empty look before any Admin saved one.</summary>
    public Task<SiteLook> LookAsync(CancellationToken ct = default) =>
        data.GetAsync("site:look", [Shown.Site], async token =>
            await db.SiteLook.AsNoTracking().Include(l => l.Logo).Include(l => l.ShareImage)
                .SingleOrDefaultAsync(l => l.Id == SiteLook.TheOne, token) ?? new SiteLook(), ct);

    public async Task<Brand> BrandAsync(string? culture = null, CancellationToken ct = default)
    {
        var look = await LookAsync(ct);
        var site = options.Value;
        culture ??= CultureInfo.CurrentUICulture.Name;
        var chain = site.FallbackChain(culture);
        SiteWords? Pick(Func<SiteText, string?> field) => Words(look.Texts, t => t.Culture, field, chain);
        var name = Pick(t => t.Name) ?? new SiteWords(site.Name, culture);
        // The tagline in appsettings is an interface string (translated in the resources) until an Admin writes one.
        var tagline = Pick(t => t.Tagline) ?? (site.Tagline.Length > 0 ? new SiteWords(S[site.Tagline], culture) : null);
        var version = look.UpdatedAt.Ticks.ToString("x", CultureInfo.InvariantCulture);
        return new Brand(
            name, tagline, Pick(t => t.Footer), Image(look.Logo, name.Text), look.Links,
            look.Accent is null ? null : $"/site/theme.css?v={version}",
            look.Logo is null ? "/favicon.svg" : $"/site/icon?v={version}",
            look.Logo is null || look.Logo.Format == "svg" ? "image/svg+xml" : "image/png",
            Image(look.ShareImage, name.Text), MenuOf(look, culture, chain), LinksOf(look.Footer, culture, chain));
    }

    // The edited menu in the reader's languages, or the sections every site has, in the interface's words.
    private List<MenuLink> MenuOf(SiteLook look, string culture, IReadOnlyList<string> chain) => look.Menu.Count == 0
        ? [.. MenuItem.Defaults.Select(d => new MenuLink(d.Target == "/" ? $"/{culture}/" : $"/{culture}{d.Target}", new SiteWords(S[d.Label], culture)))]
        : LinksOf(look.Menu, culture, chain);

    private static List<MenuLink> LinksOf(List<MenuItem> items, string culture, IReadOnlyList<string> chain) =>
        [.. items.Select(m => (Item: m, Label: Words(m.Labels, l => l.Culture, l => l.Text, chain)))
            .Where(m => m.Label is not null).Select(m => new MenuLink(m.Item.Href(culture), m.Label!))];

    /// <summary>
    /// A text written per language (a name, a block's title), in the first language of the reader's chain that has it; the
    /// language it is in comes with it, so a page can mark text in another language.
    /// </summary>
    public static SiteWords? Words<T>(IEnumerable<T> texts, Func<T, string> culture, Func<T, string?> field, IReadOnlyList<string> chain)
    {
        foreach (var c in chain)
        {
            if (texts.FirstOrDefault(t => culture(t) == c) is { } text && field(text) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return new SiteWords(value.Trim(), c);
            }
        }
        return null;
    }

    /// <summary>The coalition as schema.org's Organization (the publisher of its pages): name, home page and logo.</summary>
    public static Dictionary<string, object?> Organization(Brand brand, string origin, string culture) => new()
    {
        ["@type"] = "Organization", ["name"] = brand.Name.Text, ["url"] = $"{origin}/{culture}/",
        ["logo"] = brand.Logo is { } logo ? origin + logo.Url : null,
    };

    /// <summary>An image at its widest stored size, described by its alt text (or, for a logo without one, the name).</summary>
    public static ShownImage? Image(MediaItem? item, string alt = "") => item is not { Kind: MediaKind.Image }
        ? null
        : new ShownImage(item.Url(), item.Widths.Count == 0 ? 0 : item.Widths.Max(), item.Height, item.AltText.Length > 0 ? item.AltText : alt, item);
}
