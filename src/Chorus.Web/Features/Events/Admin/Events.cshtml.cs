using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Events.Admin;

internal sealed record AdminEventRow(int Id, string Title, EventKind Kind, EventStatus Status, DateTime StartsAt, string TimeZone, int Registered);

/// <summary>/admin/events: every event, newest start first, with a search.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class EventsAdminModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 50;

    [FromQuery] public string? Q { get; set; }

    public IReadOnlyList<AdminEventRow> Rows { get; private set; } = [];

    public int? Older { get; private set; }

    public async Task OnGetAsync(int? before, CancellationToken ct)
    {
        Title = S["Events"];
        var query = db.Events.AsNoTracking().Where(e => e.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL upper(…) on both databases
            query = query.Where(e => e.Title.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (before is { } id)
        {
            query = query.Where(e => e.Id < id);
        }
        var rows = await query.OrderByDescending(e => e.Id).Take(PageSize + 1)
            .Select(e => new AdminEventRow(e.Id, e.Title, e.Kind, e.Status, e.StartsAt, e.TimeZone,
                db.Registrations.Count(r => r.EventId == e.Id && r.Status == RegistrationStatus.Confirmed))).ToListAsync(ct);
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            Older = rows[^1].Id;
        }
        Rows = rows;
    }
}
