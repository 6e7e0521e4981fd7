using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Content;

internal sealed class HomeModel(ChorusDb db, TimeProvider clock, IOptions<SiteOptions> site) : SitePageModel
{
    public PostListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? before, string? after, CancellationToken ct)
    {
        if (!PostCursor.TryParse(before, out var older) || !PostCursor.TryParse(after, out var newer))
        {
            return BadRequest();
        }
        Description = site.Value.Tagline;
        List = new PostListView(await PostQueries.PageAsync(db, clock.GetUtcNow().UtcDateTime, null, Chain, older, newer, ct), Culture, $"/{Culture}/");
        return Page();
    }
}
