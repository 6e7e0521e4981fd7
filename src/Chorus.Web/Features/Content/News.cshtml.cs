using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Content;

/// <summary>/{culture}/news: every post, newest first, ten a page (the home page shows the first of them among its blocks).</summary>
internal sealed class NewsModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public PostListView List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? before, string? after, CancellationToken ct)
    {
        if (!PostCursor.TryParse(before, out var older) || !PostCursor.TryParse(after, out var newer))
        {
            return BadRequest();
        }
        (Title, Description) = (S["News"], S["News, statements and reports from the coalition and its members."]);
        List = new PostListView(await PostQueries.PageAsync(db, clock.GetUtcNow().UtcDateTime, null, Chain, older, newer, ct), Culture, NewsModel.Path(Culture));
        return Page();
    }

    public static string Path(string culture) => $"/{culture}/news";
}
