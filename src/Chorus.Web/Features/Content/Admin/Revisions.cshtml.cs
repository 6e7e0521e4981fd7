using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Content.Admin;

/// <summary>/admin/posts/{id}/revisions: every saved version, a line diff against the current one, and restore.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class RevisionsModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int Id { get; set; }

    [FromQuery] public int? Compare { get; set; }

    public IReadOnlyList<PostRevision> Revisions { get; private set; } = [];

    public IReadOnlyList<DiffLine>? Diff { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var post = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id);
        if (post is null)
        {
            return NotFound();
        }
        Title = S["Revisions of “{0}”", post.Title];
        Revisions = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == Id).OrderByDescending(r => r.Id).Take(200).ToListAsync();
        if (Compare is { } compare && Revisions.FirstOrDefault(r => r.Id == compare) is { } old)
        {
            Diff = PostDiff.Since(old, post);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int revision)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == Id);
        var old = await db.PostRevisions.AsNoTracking().SingleOrDefaultAsync(r => r.Id == revision && r.PostId == Id);
        if (post is null || old is null)
        {
            return NotFound();
        }
        post.Title = old.Title;
        post.Summary = old.Summary;
        post.BodyMarkdown = old.BodyMarkdown;
        if (!await db.Posts.AnyAsync(p => p.Slug == old.Slug && p.Id != Id))
        {
            post.Slug = old.Slug;
        }
        await db.SaveChangesAsync();
        TempData["Status"] = S["Restored the revision of {0} (UTC).", old.At.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)].Value;
        return Redirect($"/admin/posts/{Id}");
    }
}
