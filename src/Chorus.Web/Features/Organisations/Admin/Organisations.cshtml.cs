using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Audit;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

// string.Compare in queries becomes SQL's < and > on the folded names; no .NET culture is involved.
#pragma warning disable CA1309

namespace Chorus.Web.Features.Organisations.Admin;

internal sealed record AdminOrganisationRow(int Id, string Name, string? Acronym, string? Country, OrganisationType Type,
    Membership Membership, DateTime? ArchivedAt, int? MergedIntoId, DateTime UpdatedAt);

/// <summary>/admin/organisations: every record, searchable and filtered, alphabetical; the CSV export.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class OrganisationsAdminModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 100;

    [FromQuery] public string? Q { get; set; }

    [FromQuery] public Membership? Status { get; set; }

    [FromQuery] public OrganisationType? Type { get; set; }

    [FromQuery] public bool Archived { get; set; }

    public IReadOnlyList<AdminOrganisationRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public string? Next { get; private set; }

    public string NextUrl(string after) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&status={Status}&type={Type}&archived={(Archived ? "true" : "false")}&after={Uri.EscapeDataString(after)}";

    public async Task OnGetAsync(string? after, CancellationToken ct)
    {
        Title = S["Organisations"];
        var query = db.Organisations.AsNoTracking().Where(o => Archived ? o.ArchivedAt != null : o.ArchivedAt == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Organisation.Fold(Q);
            query = query.Where(o => o.SearchText.Contains(term) || o.Slug == Q.Trim());
        }
        if (Status is { } status)
        {
            query = query.Where(o => o.Membership == status);
        }
        if (Type is { } type)
        {
            query = query.Where(o => o.Type == type);
        }
        Total = await query.CountAsync(ct);
        if (!string.IsNullOrEmpty(after))
        {
            // The cursor is the folded name of the last row shown; names are unique enough, and the id breaks ties.
            var parts = after.Split('|', 2);
            if (parts.Length == 2 && int.TryParse(parts[0], out var id))
            {
                query = query.Where(o => string.Compare(o.SortKey, parts[1]) > 0 || (o.SortKey == parts[1] && o.Id > id));
            }
        }
        var rows = await query.OrderBy(o => o.SortKey).ThenBy(o => o.Id).Take(PageSize + 1)
            .Select(o => new { Row = new AdminOrganisationRow(o.Id, o.Name, o.Acronym, o.Country, o.Type, o.Membership, o.ArchivedAt, o.MergedIntoId, o.UpdatedAt), o.SortKey })
            .ToListAsync(ct);
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            Next = $"{rows[^1].Row.Id}|{rows[^1].SortKey}";
        }
        Rows = [.. rows.Select(r => r.Row)];
    }

    /// <summary>GET ?handler=export: the directory as a CSV file that the import reads back. Recorded in the audit log.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        db.RecordExport(HttpContext, clock, nameof(Organisation), "", "CSV export of the directory");
        await db.SaveChangesAsync(ct);
        return OrganisationCsv.Export(db, $"organisations-{clock.GetUtcNow():yyyy-MM-dd}.csv");
    }
}
