using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Chorus.Web.Features.Content;

/// <summary>/{culture}/pages/{slug}: static pages such as About.</summary>
internal sealed class StaticPageModel(ChorusDb db, TimeProvider clock) : SitePageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    public PostView? View { get; private set; }

    public string Path => PostQueries.PagePath(Culture, Slug);

    public async Task<IActionResult> OnGetAsync(string? version, CancellationToken ct)
    {
        var pages = db.Posts.Published(clock.GetUtcNow().UtcDateTime).Where(p => p.Kind == PostKind.Page);
        View = await PostVersions.ReadAsync(db, pages, Slug, Chain, version == "machine", ct);
        if (View is null)
        {
            return NotFound();
        }
        (Title, Description, TranslatedCultures, NoIndex) = (View.Title, View.Excerpt, View.TranslatedCultures, View.IsMachine);
        return Page();
    }
}
