using Chorus.Web.Features.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Site;

/// <summary>
/// How the coalition presents itself, set by an Admin at /admin/site and /admin/home: one row. Settings in appsettings
/// (Site:Name, Site:Tagline) are what a site shows until an Admin says otherwise.
/// </summary>
internal sealed class SiteLook
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;

    /// <summary>An SVG or PNG from the media library; its alt text is the name a screen reader hears.</summary>
    public int? LogoId { get; set; }
    public MediaItem? Logo { get; set; }

    /// <summary>What link previews show for pages without an image of their own.</summary>
    public int? ShareImageId { get; set; }
    public MediaItem? ShareImage { get; set; }

    /// <summary>Links and buttons, as #rrggbb; null keeps the stylesheet's own.</summary>
    public string? Accent { get; set; }

    /// <summary>Text on the accent colour (buttons, the skip link), as #rrggbb; checked against it for WCAG AA.</summary>
    public string? OnAccent { get; set; }

    /// <summary>Name, tagline and footer per language; a language without them shows the default language's.</summary>
    public List<SiteText> Texts { get; set; } = [];

    /// <summary>The coalition's pages elsewhere, shown as plain links in the footer.</summary>
    public List<SocialLink> Links { get; set; } = [];

    /// <summary>The header menu, in order; empty means <see cref="MenuItem.Defaults"/>.</summary>
    public List<MenuItem> Menu { get; set; } = [];

    /// <summary>The links of every page's footer (a privacy page, contact, partners), in order; none until edited.</summary>
    public List<MenuItem> Footer { get; set; } = [];

    /// <summary>The home page's blocks, in order; empty means the home page as it was: the latest news.</summary>
    public List<HomeBlock> Home { get; set; } = [];

    /// <summary>Changes with every save: the theme stylesheet's and favicon's addresses carry it.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>The row, tracked for an admin page to change and save; added to the context on a site that has none yet.</summary>
    public static async Task<SiteLook> ForUpdateAsync(Data.ChorusDb db, CancellationToken ct)
    {
        if (await db.SiteLook.SingleOrDefaultAsync(l => l.Id == TheOne, ct) is { } look)
        {
            return look;
        }
        look = new SiteLook();
        db.SiteLook.Add(look);
        return look;
    }
}

internal sealed class SiteText
{
    public required string Culture { get; set; }
    public string? Name { get; set; }
    public string? Tagline { get; set; }

    /// <summary>Address, registration number: plain text, one line each.</summary>
    public string? Footer { get; set; }
}

internal sealed class SocialLink
{
    public required string Label { get; set; }
    public required string Url { get; set; }
}

/// <summary>One link of the header menu or of the footer.</summary>
internal sealed class MenuItem
{
    /// <summary>
    /// Where it leads: a path on this site without the language ("/statements", "/pages/about", "/category/asylum"; "/"
    /// for the home page), written under each reader's language; or an address elsewhere (https://…).
    /// </summary>
    public required string Target { get; set; }

    /// <summary>The label per language; a language without one shows the default language's.</summary>
    public List<MenuLabel> Labels { get; set; } = [];

    public bool IsElsewhere => Target.StartsWith("http", StringComparison.Ordinal);

    /// <summary>The address for a reader of <paramref name="culture"/>.</summary>
    public string Href(string culture) => IsElsewhere ? Target : $"/{culture}{(Target == "/" ? "/" : Target)}";

    /// <summary>The menu a site has until the secretariat edits it: its sections (labels are interface strings).</summary>
    public static readonly (string Target, string Label)[] Defaults =
    [
        ("/news", "News"), ("/statements", "Statements"), ("/events", "Events"), ("/campaigns", "Sign-ons"),
        ("/consultations", "Consultations"), ("/organizations", "Organisations"), ("/pages/about", "About"),
    ];
}

internal sealed class MenuLabel
{
    public required string Culture { get; set; }
    public required string Text { get; set; }
}

internal enum HomeBlockKind { Featured, Events, Campaigns, Statements, News, About }

/// <summary>One block of the home page.</summary>
internal sealed class HomeBlock
{
    public HomeBlockKind Kind { get; set; }

    /// <summary>For <see cref="HomeBlockKind.Featured"/>: what it features, "campaign:12", "event:3" or "post:40".</summary>
    public string? Item { get; set; }

    /// <summary>The usual heading of each kind of block (an interface string), shown when a language has none of its own.</summary>
    public static string UsualTitle(HomeBlockKind kind) => kind switch
    {
        HomeBlockKind.Featured => "Featured",
        HomeBlockKind.Events => "Next events",
        HomeBlockKind.Campaigns => "Open for sign-on",
        HomeBlockKind.Statements => "Latest statements",
        HomeBlockKind.News => "Latest news",
        _ => "About us",
    };

    /// <summary>Per-language title (and for <see cref="HomeBlockKind.About"/>, text); without one a block has its usual title.</summary>
    public List<HomeBlockText> Texts { get; set; } = [];
}

internal sealed class HomeBlockText
{
    public required string Culture { get; set; }
    public string? Title { get; set; }

    /// <summary>The About block's text, in Markdown (sanitised when shown).</summary>
    public string? Body { get; set; }
}

internal sealed class SiteLookConfiguration : IEntityTypeConfiguration<SiteLook>
{
    public void Configure(EntityTypeBuilder<SiteLook> look)
    {
        look.ToTable("SiteLook");
        look.Property(l => l.Id).ValueGeneratedNever();
        look.Property(l => l.Accent).HasMaxLength(7);
        look.Property(l => l.OnAccent).HasMaxLength(7);
        look.HasOne(l => l.Logo).WithMany().HasForeignKey(l => l.LogoId).OnDelete(DeleteBehavior.SetNull);
        look.HasOne(l => l.ShareImage).WithMany().HasForeignKey(l => l.ShareImageId).OnDelete(DeleteBehavior.SetNull);
        // Read whole, written whole, never queried inside: one JSON column each rather than four tables.
        look.OwnsMany(l => l.Texts, t => t.ToJson());
        look.OwnsMany(l => l.Links, t => t.ToJson());
        look.OwnsMany(l => l.Menu, m =>
        {
            m.ToJson();
            m.OwnsMany(x => x.Labels);
        });
        look.OwnsMany(l => l.Footer, m =>
        {
            m.ToJson();
            m.OwnsMany(x => x.Labels);
        });
        look.OwnsMany(l => l.Home, b =>
        {
            b.ToJson();
            b.OwnsMany(x => x.Texts);
        });
    }
}
