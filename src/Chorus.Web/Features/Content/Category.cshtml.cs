using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Content;

internal sealed class CategoryModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    public PostListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? before, string? after, CancellationToken ct)
    {
        if (!PostCursor.TryParse(before, out var older) || !PostCursor.TryParse(after, out var newer))
        {
            return BadRequest();
        }
        var category = await db.Categories.AsNoTracking().Where(c => c.Slug == Slug)
            .Select(c => new { c.Id, Name = c.Names.Where(n => n.Culture == Culture).Select(n => n.Name).FirstOrDefault() ?? c.Name })
            .FirstOrDefaultAsync(ct);
        if (category is null)
        {
            return NotFound();
        }
        Title = category.Name;
        Feed = PostQueries.CategoryPath(Culture, Slug) + "/feed";
        Description = S["Posts in the category {0}", category.Name];
        List = new PostListView(
            await PostQueries.PageAsync(db, clock.GetUtcNow().UtcDateTime, category.Id, Chain, older, newer, ct), Culture, PostQueries.CategoryPath(Culture, Slug));
        return Page();
    }
}
