using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Media;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Site;

internal sealed class SiteTextInput
{
    public string Culture { get; set; } = "";

    [MaxLength(100, ErrorMessage = "At most {1} characters.")]
    public string? Name { get; set; }

    [MaxLength(200, ErrorMessage = "At most {1} characters.")]
    public string? Tagline { get; set; }

    [MaxLength(1000, ErrorMessage = "At most {1} characters.")]
    public string? Footer { get; set; }
}

internal sealed class SocialLinkInput
{
    [MaxLength(60, ErrorMessage = "At most {1} characters.")]
    public string? Label { get; set; }

    [MaxLength(500, ErrorMessage = "At most {1} characters.")]
    public string? Url { get; set; }
}

/// <summary>/admin/site: the coalition's name, tagline and footer per language, logo, colours, social links and sharing image.</summary>
[Authorize(Roles = Roles.Admin)]
internal sealed class SiteAdminModel(ChorusDb db, IOptions<SiteOptions> site, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    /// <summary>The stylesheet's own colours, offered until an Admin picks others.</summary>
    public const string DefaultAccent = "#0b5cad";
    public const string DefaultOnAccent = "#ffffff";

    // The lightest background accent-coloured text sits on (the header's tint, site.css --tint).
    private static readonly (int, int, int) Background = (0xf3, 0xf5, 0xf8);

    public const int LinkRows = 6;

    [BindProperty]
    public List<SiteTextInput> Texts { get; set; } = [];

    [BindProperty]
    public List<SocialLinkInput> Links { get; set; } = [];

    [BindProperty, ModelBinder(typeof(MediaReferenceBinder))]
    public int? LogoId { get; set; }

    [BindProperty, ModelBinder(typeof(MediaReferenceBinder))]
    public int? ShareImageId { get; set; }

    [BindProperty]
    public string Accent { get; set; } = DefaultAccent;

    [BindProperty]
    public string OnAccent { get; set; } = DefaultOnAccent;

    public IReadOnlyList<MediaItem> Logos { get; private set; } = [];

    public IReadOnlyList<MediaItem> Images { get; private set; } = [];

    public IReadOnlyList<string> Languages => site.Value.Cultures;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var look = await db.SiteLook.AsNoTracking().SingleOrDefaultAsync(l => l.Id == SiteLook.TheOne, ct) ?? new SiteLook();
        Texts = [.. Languages.Select(c => look.Texts.FirstOrDefault(t => t.Culture == c) is { } t
            ? new SiteTextInput { Culture = c, Name = t.Name, Tagline = t.Tagline, Footer = t.Footer }
            : new SiteTextInput { Culture = c })];
        Links = [.. look.Links.Select(l => new SocialLinkInput { Label = l.Label, Url = l.Url })];
        (LogoId, ShareImageId) = (look.LogoId, look.ShareImageId);
        (Accent, OnAccent) = (look.Accent ?? DefaultAccent, look.OnAccent ?? DefaultOnAccent);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Texts = [.. Texts.Where(t => Languages.Contains(t.Culture)).DistinctBy(t => t.Culture)];
        Links = [.. Links.Take(LinkRows)];
        var (accent, onAccent) = (Contrast.Parse(Accent?.ToLowerInvariant()), Contrast.Parse(OnAccent?.ToLowerInvariant()));
        if (accent is null)
        {
            ModelState.AddModelError(nameof(Accent), S["Write a colour as # and six hexadecimal digits, such as #0b5cad."]);
        }
        if (onAccent is null)
        {
            ModelState.AddModelError(nameof(OnAccent), S["Write a colour as # and six hexadecimal digits, such as #0b5cad."]);
        }
        if (accent is { } a && onAccent is { } o)
        {
            // Both pairs a reader meets: text on an accent-coloured button, accent-coloured links on the page.
            if (Contrast.Ratio(a, o) is var onButton && onButton < Contrast.TextMinimum)
            {
                ModelState.AddModelError(nameof(OnAccent), S["Text in this colour on the accent colour has a contrast of {0}:1; WCAG AA needs at least 4.5:1.", Ratio(onButton)]);
            }
            if (Contrast.Ratio(a, Background) is var onPage && onPage < Contrast.TextMinimum)
            {
                ModelState.AddModelError(nameof(Accent), S["Links in this colour on the page have a contrast of {0}:1; WCAG AA needs at least 4.5:1.", Ratio(onPage)]);
            }
        }
        for (var i = 0; i < Links.Count; i++)
        {
            var (label, url) = (Links[i].Label?.Trim() ?? "", Links[i].Url?.Trim() ?? "");
            if (label.Length == 0 && url.Length == 0)
            {
                continue;
            }
            if (label.Length == 0)
            {
                ModelState.AddModelError($"Links[{i}].Label", S["Give the link a name, such as Mastodon."]);
            }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            {
                ModelState.AddModelError($"Links[{i}].Url", S["Write the full address, starting with https://."]);
            }
        }
        var logo = LogoId is { } logoId ? await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == logoId && m.Kind == MediaKind.Image, ct) : null;
        if (LogoId is not null && (logo is null || logo.Format is not ("svg" or "png")))
        {
            ModelState.AddModelError(nameof(LogoId), S["The logo must be an SVG or PNG image from the media library."]);
        }
        if (ShareImageId is { } shareId && !await db.Media.AnyAsync(m => m.Id == shareId && m.Kind == MediaKind.Image && m.Format != "svg", ct))
        {
            ModelState.AddModelError(nameof(ShareImageId), S["Link previews need a JPEG or PNG image from the media library."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var look = await SiteLook.ForUpdateAsync(db, ct);
        look.Texts = [.. Texts.Select(t => new SiteText { Culture = t.Culture, Name = Clean(t.Name), Tagline = Clean(t.Tagline), Footer = Clean(t.Footer) })
            .Where(t => t.Name is not null || t.Tagline is not null || t.Footer is not null)];
        look.Links = [.. Links.Where(l => !string.IsNullOrWhiteSpace(l.Url)).Select(l => new SocialLink { Label = l.Label!.Trim(), Url = l.Url!.Trim() })];
        (look.LogoId, look.ShareImageId) = (LogoId, ShareImageId);
        // The stylesheet's own colours need no theme stylesheet, so a site that keeps them makes no extra request.
        var colours = (Accent!.ToLowerInvariant(), OnAccent!.ToLowerInvariant());
        (look.Accent, look.OnAccent) = colours == (DefaultAccent, DefaultOnAccent) ? (null, null) : colours;
        look.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return RedirectToPage();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Ratio(double ratio) => (Math.Floor(ratio * 10) / 10).ToString("0.0", CultureInfo.CurrentCulture);

    private async Task LoadAsync(CancellationToken ct)
    {
        Title = S["Site identity"];
        while (Links.Count < LinkRows)
        {
            Links.Add(new SocialLinkInput());
        }
        Logos = await MediaChoice.ImagesAsync(db, LogoId, ct, "svg", "png");
        Images = await MediaChoice.ImagesAsync(db, ShareImageId, ct, "jpg", "png");
    }
}
