using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Newsletter.Issues.Admin;

/// <summary>One issue in the list, with its copies: queued (in the outbox), sent, failed, of how many subscribers so far.</summary>
internal sealed record IssueRow(int Id, string Subject, IssueState State, DateTime? ScheduledAt, DateTime? SentAt, int Queued, int Sent, int Failed)
{
    public int Total => Queued + Sent + Failed;
}

/// <summary>/admin/newsletter/issues: every issue, newest first, with its sending progress.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class IssuesAdminModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<IssueRow> Issues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Newsletter issues"];
        var issues = await db.NewsletterIssues.AsNoTracking().OrderByDescending(i => i.Id).Take(100)
            .Select(i => new { i.Id, i.Subject, i.State, i.ScheduledAt, i.SentAt }).ToListAsync(ct);
        var ids = issues.Select(i => i.Id).ToArray();
        var counts = await db.NewsletterDeliveries.AsNoTracking().Where(d => ids.Contains(d.IssueId)).GroupBy(d => new { d.IssueId, d.State })
            .Select(g => new { g.Key.IssueId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        int Count(int id, DeliveryState state) => counts.Find(c => c.IssueId == id && c.State == state)?.Count ?? 0;
        Issues = [.. issues.Select(i => new IssueRow(i.Id, i.Subject, i.State, i.ScheduledAt, i.SentAt,
            Count(i.Id, DeliveryState.Queued), Count(i.Id, DeliveryState.Sent), Count(i.Id, DeliveryState.Failed)))];
    }
}
