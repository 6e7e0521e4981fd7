using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Admin;

internal sealed record DashboardRow(int Id, string Title, DateTime At);

/// <summary>/admin: what needs attention. Later features add their own sections (sign-ons, events).</summary>
internal sealed class DashboardModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<DashboardRow> Drafts { get; private set; } = [];

    public IReadOnlyList<DashboardRow> Scheduled { get; private set; } = [];

    public IReadOnlyList<DashboardRow> Recent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Dashboard"];
        var now = clock.GetUtcNow().UtcDateTime;
        Drafts = await db.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Draft)
            .OrderByDescending(p => p.UpdatedAt).Take(10).Select(p => new DashboardRow(p.Id, p.Title, p.UpdatedAt)).ToListAsync(ct);
        Scheduled = await db.Posts.AsNoTracking().Where(p => p.Status != PostStatus.Draft && p.PublishedAt > now)
            .OrderBy(p => p.PublishedAt).Take(10).Select(p => new DashboardRow(p.Id, p.Title, p.PublishedAt!.Value)).ToListAsync(ct);
        Recent = await db.Posts.AsNoTracking()
            .OrderByDescending(p => p.UpdatedAt).Take(10).Select(p => new DashboardRow(p.Id, p.Title, p.UpdatedAt)).ToListAsync(ct);
    }
}
