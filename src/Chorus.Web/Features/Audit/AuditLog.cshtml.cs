using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Audit;

/// <summary>/admin/audit: every staff write and sign-in, newest first, filterable. Admins only.</summary>
[Authorize(Roles = Roles.Admin)]
internal sealed class AuditLogModel(ChorusDb db, AuditReader reader, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 50;

    [FromQuery(Name = "user")]
    public string? UserFilter { get; set; }

    [FromQuery(Name = "action")]
    public string? ActionFilter { get; set; }

    [FromQuery(Name = "entity")]
    public string? EntityFilter { get; set; }

    public IReadOnlyList<AuditLine> Entries { get; private set; } = [];

    public long? OlderThan { get; private set; }

    public async Task OnGetAsync(long? before, CancellationToken ct)
    {
        Title = S["Audit log"];
        var query = db.AuditLog.AsNoTracking().Where(e => !AuditFields.DerivedTables.Contains(e.Entity));
        if (!string.IsNullOrWhiteSpace(UserFilter))
        {
            query = query.Where(e => e.UserName.Contains(UserFilter.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(ActionFilter))
        {
            query = query.Where(e => e.Action.Contains(ActionFilter.Trim()));
        }
        if (!string.IsNullOrWhiteSpace(EntityFilter))
        {
            query = query.Where(e => e.Entity.Contains(EntityFilter.Trim()) || e.EntityId == EntityFilter.Trim());
        }
        if (before is { } id)
        {
            query = query.Where(e => e.Id < id);
        }
        var rows = await query.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            OlderThan = rows[^1].Id;
        }
        Entries = await reader.ReadAsync(rows, ct);
    }
}
