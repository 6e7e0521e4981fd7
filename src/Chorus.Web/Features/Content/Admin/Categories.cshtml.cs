using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Content.Admin;

internal sealed record CategoryRow(int Id, string Name, int Posts);

/// <summary>/admin/categories: rename (the address keeps working: the slug stays) and delete.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class CategoriesAdminModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<CategoryRow> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Title = S["Categories"];
        Rows = await db.Categories.AsNoTracking().OrderBy(c => c.Name)
            .Select(c => new CategoryRow(c.Id, c.Name, c.Posts.Count)).ToListAsync();
    }

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id);
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
