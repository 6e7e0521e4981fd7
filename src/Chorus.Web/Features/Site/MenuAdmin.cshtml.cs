using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Site;

internal sealed class MenuItemInput
{
    public string? Target { get; set; }
    public int Position { get; set; }
    public List<SiteTextInput> Labels { get; set; } = [];
}

/// <summary>
/// /admin/menus: the header menu's links, their order and their labels per language. A site that never edited it shows its
/// sections (news, statements, events, sign-ons, organisations, about), which the form starts from.
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class MenuAdminModel(ChorusDb db, IOptions<SiteOptions> site, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int Rows = 12;

    [BindProperty]
    public List<MenuItemInput> Items { get; set; } = [];

    public IReadOnlyList<string> Languages => site.Value.Cultures;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var look = await db.SiteLook.AsNoTracking().SingleOrDefaultAsync(l => l.Id == SiteLook.TheOne, ct) ?? new SiteLook();
        Items = look.Menu.Count > 0
            ? [.. look.Menu.Select((m, i) => new MenuItemInput
            {
                Target = m.Target, Position = i + 1,
                Labels = [.. Languages.Select(c => new SiteTextInput { Culture = c, Name = m.Labels.FirstOrDefault(l => l.Culture == c)?.Text })],
            })]
            : [.. MenuItem.Defaults.Select((d, i) => new MenuItemInput
            {
                Target = d.Target, Position = i + 1,
                Labels = [.. Languages.Select(c => { using (Cultures.Speak(c)) { return new SiteTextInput { Culture = c, Name = S[d.Label] }; } })],
            })];
        Fill();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Items = [.. Items.Take(Rows)];
        for (var i = 0; i < Items.Count; i++)
        {
            var item = Items[i];
            item.Labels = [.. item.Labels.Where(l => Languages.Contains(l.Culture)).DistinctBy(l => l.Culture)];
            var target = item.Target?.Trim() ?? "";
            if (target.Length == 0)
            {
                continue;
            }
            if (!IsTarget(target))
            {
                ModelState.AddModelError($"Items[{i}].Target", S["Write a path on this site, such as /statements or /pages/about, or a full address starting with https://."]);
            }
            if (item.Labels.TrueForAll(l => string.IsNullOrWhiteSpace(l.Name)))
            {
                ModelState.AddModelError($"Items[{i}].Labels", S["Give the link a label in at least one language."]);
            }
            if (item.Labels.Exists(l => l.Name?.Trim().Length > 60))
            {
                ModelState.AddModelError($"Items[{i}].Labels", S["Keep labels under 60 characters."]);
            }
        }
        if (!ModelState.IsValid)
        {
            Fill();
            return Page();
        }
        var look = await SiteLook.ForUpdateAsync(db, ct);
        look.Menu = [.. Items.Select((item, row) => (item, row)).Where(x => !string.IsNullOrWhiteSpace(x.item.Target))
            .OrderBy(x => x.item.Position).ThenBy(x => x.row)
            .Select(x => new MenuItem
            {
                Target = x.item.Target!.Trim(),
                Labels = [.. x.item.Labels.Where(l => !string.IsNullOrWhiteSpace(l.Name)).Select(l => new MenuLabel { Culture = l.Culture, Text = l.Name!.Trim() })],
            })];
        look.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return RedirectToPage();
    }

    /// <summary>A path on this site (no other host hidden in it) or an http(s) address elsewhere.</summary>
    private static bool IsTarget(string target) => target.Length <= 500 && (target.StartsWith("http", StringComparison.Ordinal)
        ? Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        : target.StartsWith('/') && !target.StartsWith("//", StringComparison.Ordinal) && !target.Contains('\\', StringComparison.Ordinal)
            && !target.Any(char.IsWhiteSpace));

    // Empty rows to add links in, each with a label field per language.
    private void Fill()
    {
        Title = S["Menu"];
        while (Items.Count < Rows)
        {
            Items.Add(new MenuItemInput { Position = Items.Count + 1 });
        }
        foreach (var item in Items)
        {
            item.Labels = [.. Languages.Select(c => item.Labels.FirstOrDefault(l => l.Culture == c) ?? new SiteTextInput { Culture = c })];
        }
    }
}
