using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Content;

/// <summary>/{culture}/news/{slug}: every published post, statements included.</summary>
internal sealed class PostPageModel(ChorusDb db, TimeProvider clock) : SitePageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    public Post? Post { get; private set; }

    public IReadOnlyList<CategoryLink> Categories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Post = await db.Posts.AsNoTracking()
            .Published(clock.GetUtcNow().UtcDateTime)
            .FirstOrDefaultAsync(p => p.Slug == Slug, ct);
        if (Post is null)
        {
            return NotFound();
        }
        if (Post.Kind == PostKind.Page)
        {
            return RedirectPermanent(PostQueries.PagePath(Culture, Post.Slug));
        }
        Categories = [.. (await PostQueries.CategoriesOfAsync(db, [Post.Id], ct))[Post.Id]];
        Title = Post.Title;
        Description = Post.Excerpt;
        return Page();
    }
}
