using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Content.Admin;

internal sealed record CategoryRow(int Id, string Name, IReadOnlyDictionary<string, string> Names, int Posts);

/// <summary>/admin/categories: rename (the address keeps working: the slug stays) and delete.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class CategoriesAdminModel(ChorusDb db, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public string DefaultCulture => site.Value.Cultures[0];

    public IEnumerable<string> OtherCultures => site.Value.Cultures.Skip(1);

    public IReadOnlyList<CategoryRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Title = S["Categories"];
        var rows = await db.Categories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.Names, Posts = c.Posts.Count }).ToListAsync();
        Rows = [.. rows.Select(r => new CategoryRow(r.Id, r.Name, r.Names.ToDictionary(n => n.Culture, n => n.Name), r.Posts))];
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, Dictionary<string, string?>? names)
    {
        var category = await db.Categories.Include(c => c.Names).SingleOrDefaultAsync(c => c.Id == id);
        if (category is null)
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            TempData["Status"] = S["A category needs a name of at most 100 characters."].Value;
            return RedirectToPage();
        }
        category.Name = name.Trim();
        category.Names.Clear();
        foreach (var (culture, translated) in names ?? [])
        {
            if (OtherCultures.Contains(culture) && !string.IsNullOrWhiteSpace(translated))
            {
                category.Names.Add(new CategoryName { Culture = culture, Name = translated.Trim()[..Math.Min(100, translated.Trim().Length)] });
            }
        }
        await db.SaveChangesAsync();
        TempData["Status"] = S["Saved."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        var category = await db.Categories.Include(c => c.Posts).SingleOrDefaultAsync(c => c.Id == id);
        if (category is null)
        {
            return NotFound();
        }
        db.Categories.Remove(category);
        await db.SaveChangesAsync();
        TempData["Status"] = S["Deleted."].Value;
        return RedirectToPage();
    }
}
