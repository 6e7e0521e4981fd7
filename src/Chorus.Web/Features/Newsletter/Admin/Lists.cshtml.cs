using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Newsletter.Admin;

/// <summary>
/// /admin/newsletter/lists and /admin/newsletter/lists/{id} (Admins, Editors): the lists readers choose from, named and
/// described per language, in order; an archived list is no longer offered but keeps its subscribers.
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class ListsModel(ChorusDb db, TimeProvider clock, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int? Id { get; set; }

    [BindProperty] public List<ListTextInput> Texts { get; set; } = [];
    [BindProperty] public int Position { get; set; }
    [BindProperty] public bool Archived { get; set; }

    public IReadOnlyList<(NewsletterList List, int Subscribers)> All { get; private set; } = [];
    public IReadOnlyList<string> Languages => site.Value.Cultures;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Id is { } id)
        {
            if (All.FirstOrDefault(l => l.List.Id == id).List is not { } list)
            {
                return NotFound();
            }
            (Position, Archived) = (list.Position, list.ArchivedAt is not null);
            Texts = [.. Languages.Select(c => list.Texts.FirstOrDefault(t => t.Culture == c) is { } t ? new ListTextInput { Culture = c, Name = t.Name, Description = t.Description } : new ListTextInput { Culture = c })];
        }
        else
        {
            (Position, Texts) = (All.Count + 1, [.. Languages.Select(c => new ListTextInput { Culture = c })]);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var texts = Texts.Where(t => Languages.Contains(t.Culture) && !string.IsNullOrWhiteSpace(t.Name))
            .Select(t => new NewsletterListText { Culture = t.Culture, Name = t.Name!.Trim(), Description = string.IsNullOrWhiteSpace(t.Description) ? null : t.Description.Trim() })
            .DistinctBy(t => t.Culture).ToList();
        if (texts.All(t => t.Culture != Languages[0]) || texts.Any(t => t.Name.Length > 200 || t.Description?.Length > 1000))
        {
            ModelState.AddModelError("", S["Give the list a name in {0} (under 200 characters; descriptions under 1,000).", Cultures.NativeName(Languages[0])]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var list = Id is { } id ? await db.NewsletterLists.SingleOrDefaultAsync(l => l.Id == id, ct) : null;
        if (Id is not null && list is null)
        {
            return NotFound();
        }
        if (list is null)
        {
            var slug = Slugs.From(texts.First(t => t.Culture == Languages[0]).Name);
            var taken = await db.NewsletterLists.Select(l => l.Slug).ToListAsync(ct);
            list = new NewsletterList { Slug = taken.Contains(slug) ? $"{slug}-{taken.Count + 1}" : slug, CreatedAt = now };
            db.NewsletterLists.Add(list);
        }
        (list.Texts, list.Position) = (texts, Position);
        list.ArchivedAt = Archived ? list.ArchivedAt ?? now : null;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["The list is saved."].Value;
        return Redirect("/admin/newsletter/lists");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Title = S["Newsletter lists"];
        var lists = await db.NewsletterLists.AsNoTracking().OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);
        var counts = await db.SubscriberLists.GroupBy(e => e.ListId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        All = [.. lists.Select(l => (l, counts.GetValueOrDefault(l.Id)))];
    }
}

/// <summary>A list's name and description in one language, as the form sends them (any may be empty).</summary>
internal sealed class ListTextInput
{
    [System.ComponentModel.DataAnnotations.MaxLength(16)]
    public string Culture { get; set; } = "";

    public string? Name { get; set; }

    public string? Description { get; set; }
}
