using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Site;

/// <summary>A list of links of the menu form, as its partial writes it: the rows, the posted name of the list, the id prefix.</summary>
internal sealed record MenuRows(List<MenuItemInput> Items, string List, string Id);

internal sealed class MenuItemInput
{
    public string? Target { get; set; }
    public int Position { get; set; }
    public List<SiteTextInput> Labels { get; set; } = [];
}

/// <summary>
/// /admin/menus: the header menu's links and the footer's, their order and their labels per language. A site that never
/// edited the header menu shows its sections (news, statements, events, sign-ons, organisations, about), which the form
/// starts from; the footer has no links until some are added.
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class MenuAdminModel(ChorusDb db, IOptions<SiteOptions> site, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int Rows = 12;

    public const int FooterRows = 8;

    [BindProperty]
    public List<MenuItemInput> Items { get; set; } = [];

    [BindProperty]
    public List<MenuItemInput> FooterItems { get; set; } = [];

    public IReadOnlyList<string> Languages => site.Value.Cultures;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var look = await db.SiteLook.AsNoTracking().SingleOrDefaultAsync(l => l.Id == SiteLook.TheOne, ct) ?? new SiteLook();
        Items = look.Menu.Count > 0
            ? InputsOf(look.Menu)
            : [.. MenuItem.Defaults.Select((d, i) => new MenuItemInput
            {
                Target = d.Target, Position = i + 1,
                Labels = [.. Languages.Select(c => { using (Cultures.Speak(c)) { return new SiteTextInput { Culture = c, Name = S[d.Label] }; } })],
            })];
        FooterItems = InputsOf(look.Footer);
        Fill();
    }

    private List<MenuItemInput> InputsOf(List<MenuItem> items) =>
        [.. items.Select((m, i) => new MenuItemInput
        {
            Target = m.Target, Position = i + 1,
            Labels = [.. Languages.Select(c => new SiteTextInput { Culture = c, Name = m.Labels.FirstOrDefault(l => l.Culture == c)?.Text })],
        })];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Items = Check([.. Items.Take(Rows)], nameof(Items));
        FooterItems = Check([.. FooterItems.Take(FooterRows)], nameof(FooterItems));
        if (!ModelState.IsValid)
        {
            Fill();
            return Page();
        }
        var look = await SiteLook.ForUpdateAsync(db, ct);
        look.Menu = ItemsOf(Items);
        look.Footer = ItemsOf(FooterItems);
        look.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return RedirectToPage();
    }

    /// <summary>Each filled row of a list needs an address here or elsewhere and a label in some language; errors go under <paramref name="list"/>[i].</summary>
    private List<MenuItemInput> Check(List<MenuItemInput> items, string list)
    {
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            item.Labels = [.. item.Labels.Where(l => Languages.Contains(l.Culture)).DistinctBy(l => l.Culture)];
            var target = item.Target?.Trim() ?? "";
            if (target.Length == 0)
            {
                continue;
            }
            if (target.Length > 500 || !LocalUrls.IsLocalOrWeb(target))
            {
                ModelState.AddModelError($"{list}[{i}].Target", S["Write a path on this site, such as /statements or /pages/about, or a full address starting with https://."]);
            }
            if (item.Labels.TrueForAll(l => string.IsNullOrWhiteSpace(l.Name)))
            {
                ModelState.AddModelError($"{list}[{i}].Labels", S["Give the link a label in at least one language."]);
            }
            if (item.Labels.Exists(l => l.Name?.Trim().Length > 60))
            {
                ModelState.AddModelError($"{list}[{i}].Labels", S["Keep labels under 60 characters."]);
            }
        }
        return items;
    }

    // The filled rows in the order their positions give (ties keep the form's order).
    private static List<MenuItem> ItemsOf(List<MenuItemInput> items) =>
        [.. items.Select((item, row) => (item, row)).Where(x => !string.IsNullOrWhiteSpace(x.item.Target))
            .OrderBy(x => x.item.Position).ThenBy(x => x.row)
            .Select(x => new MenuItem
            {
                Target = x.item.Target!.Trim(),
                Labels = [.. x.item.Labels.Where(l => !string.IsNullOrWhiteSpace(l.Name)).Select(l => new MenuLabel { Culture = l.Culture, Text = l.Name!.Trim() })],
            })];

    // Empty rows to add links in, each with a label field per language.
    private void Fill()
    {
        Title = S["Menu"];
        foreach (var (items, rows) in new[] { (Items, Rows), (FooterItems, FooterRows) })
        {
            while (items.Count < rows)
            {
                items.Add(new MenuItemInput { Position = items.Count + 1 });
            }
            foreach (var item in items)
            {
                item.Labels = [.. Languages.Select(c => item.Labels.FirstOrDefault(l => l.Culture == c) ?? new SiteTextInput { Culture = c })];
            }
        }
    }
}
