using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Content;

/// <summary>/{culture}/pages/{slug}: static pages such as About.</summary>
internal sealed class StaticPageModel(ChorusDb db, TimeProvider clock) : SitePageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    public string BodyHtml { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = await db.Posts.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime)
            .Where(p => p.Kind == PostKind.Page && p.Slug == Slug)
            .Select(p => new { p.Title, p.Excerpt, p.BodyHtml })
            .FirstOrDefaultAsync(ct);
        if (page is null)
        {
            return NotFound();
        }
        (Title, Description, BodyHtml) = (page.Title, page.Excerpt, page.BodyHtml);
        return Page();
    }
}
