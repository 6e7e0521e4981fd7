using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Site;

internal sealed class HomeBlockTextInput
{
    public string Culture { get; set; } = "";

    [MaxLength(120, ErrorMessage = "At most {1} characters.")]
    public string? Title { get; set; }

    [MaxLength(5000, ErrorMessage = "At most {1} characters.")]
    public string? Body { get; set; }
}

internal sealed class HomeBlockInput
{
    public HomeBlockKind Kind { get; set; }
    public bool Shown { get; set; }

    [Range(1, 20, ErrorMessage = "Give a position from {1} to {2}.")]
    public int Position { get; set; } = 1;

    /// <summary>The featured block's item, "campaign:12", "event:3" or "post:40".</summary>
    [MaxLength(40)]
    public string? Item { get; set; }

    public List<HomeBlockTextInput> Texts { get; set; } = [];
}

/// <summary>
/// /admin/home: which blocks the home page shows, in which order, with which headings per language; what the featured block
/// features; the About text. Each kind of block appears at most once.
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class HomeAdminModel(ChorusDb db, IOptions<SiteOptions> site, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [BindProperty]
    public List<HomeBlockInput> Blocks { get; set; } = [];

    /// <summary>What can be featured, by kind: (value, label) pairs.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<(string Value, string Label)> Items)> Featurable { get; private set; } = [];

    public IReadOnlyList<string> Languages => site.Value.Cultures;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var look = await db.SiteLook.AsNoTracking().SingleOrDefaultAsync(l => l.Id == SiteLook.TheOne, ct) ?? new SiteLook();
        // A site that composed nothing shows the news: the form starts from there.
        var saved = look.Home.Count == 0 ? [new HomeBlock { Kind = HomeBlockKind.News }] : look.Home;
        Blocks = [.. Enum.GetValues<HomeBlockKind>().Select(kind =>
        {
            var index = saved.FindIndex(b => b.Kind == kind);
            var block = index >= 0 ? saved[index] : null;
            return new HomeBlockInput
            {
                Kind = kind, Shown = block is not null, Position = index >= 0 ? index + 1 : saved.Count + 1 + (int)kind, Item = block?.Item,
                Texts = [.. Languages.Select(c => block?.Texts.FirstOrDefault(t => t.Culture == c) is { } t
                    ? new HomeBlockTextInput { Culture = c, Title = t.Title, Body = t.Body }
                    : new HomeBlockTextInput { Culture = c })],
            };
        })];
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Blocks = [.. Blocks.Where(b => Enum.IsDefined(b.Kind)).DistinctBy(b => b.Kind)];
        foreach (var block in Blocks)
        {
            block.Texts = [.. block.Texts.Where(t => Languages.Contains(t.Culture)).DistinctBy(t => t.Culture)];
        }
        for (var i = 0; i < Blocks.Count; i++)
        {
            var block = Blocks[i];
            if (!block.Shown)
            {
                continue;
            }
            if (block.Kind == HomeBlockKind.Featured && !await ExistsAsync(block.Item, ct))
            {
                ModelState.AddModelError($"Blocks[{i}].Item", S["Choose what the featured block shows."]);
            }
            if (block.Kind == HomeBlockKind.About && block.Texts.TrueForAll(t => string.IsNullOrWhiteSpace(t.Body)))
            {
                ModelState.AddModelError($"Blocks[{i}].Texts", S["Write the About text in at least one language."]);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var look = await SiteLook.ForUpdateAsync(db, ct);
        look.Home = [.. Blocks.Where(b => b.Shown).OrderBy(b => b.Position).ThenBy(b => b.Kind).Select(b => new HomeBlock
        {
            Kind = b.Kind,
            Item = b.Kind == HomeBlockKind.Featured ? b.Item : null,
            Texts = [.. b.Texts.Select(t => new HomeBlockText
            {
                Culture = t.Culture, Title = Clean(t.Title), Body = b.Kind == HomeBlockKind.About ? Clean(t.Body) : null,
            }).Where(t => t.Title is not null || t.Body is not null)],
        })];
        look.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return RedirectToPage();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<bool> ExistsAsync(string? item, CancellationToken ct)
    {
        if (item?.Split(':') is not [var kind, var number] || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return false;
        }
        return kind switch
        {
            "campaign" => await db.Campaigns.AnyAsync(c => c.Id == id && c.DeletedAt == null, ct),
            "event" => await db.Events.AnyAsync(e => e.Id == id && e.DeletedAt == null, ct),
            "post" => await db.Posts.AnyAsync(p => p.Id == id && p.DeletedAt == null && p.Kind != PostKind.Page, ct),
            _ => false,
        };
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Title = S["Home page"];
        var now = clock.GetUtcNow().UtcDateTime;
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.DeletedAt == null).OrderByDescending(c => c.OpensAt).Take(50)
            .Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.DeletedAt == null && e.EndsAt >= now).OrderBy(e => e.StartsAt).Take(50)
            .Select(e => new { e.Id, e.Title }).ToListAsync(ct);
        var posts = await db.Posts.AsNoTracking().Where(p => p.DeletedAt == null && p.Kind != PostKind.Page && p.Status == PostStatus.Published)
            .OrderByDescending(p => p.PublishedAt).Take(50).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        Featurable =
        [
            (S["Sign-on campaigns"], [.. campaigns.Select(c => ($"campaign:{c.Id}", c.Title))]),
            (S["Upcoming events"], [.. events.Select(e => ($"event:{e.Id}", e.Title))]),
            (S["Posts"], [.. posts.Select(p => ($"post:{p.Id}", p.Title))]),
        ];
    }
}
