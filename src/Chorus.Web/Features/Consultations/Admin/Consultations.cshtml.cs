using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Consultations.Admin;

internal sealed record ConsultationRow(int Id, string Title, string Slug, string Culture, DateTime OpensAt, DateTime ClosesAt, int Confirmed, int Unconfirmed);

/// <summary>/admin/consultations: every consultation with its number of answers.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class ConsultationsAdminModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<ConsultationRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Consultations"];
        var counts = await db.ConsultationResponses.AsNoTracking().Where(r => r.State == ResponseState.Confirmed || r.State == ResponseState.Unconfirmed)
            .GroupBy(r => new { r.ConsultationId, r.State }).Select(g => new { g.Key.ConsultationId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        int Count(int id, ResponseState state) => counts.FirstOrDefault(c => c.ConsultationId == id && c.State == state)?.Count ?? 0;
        Rows = [.. (await db.Consultations.AsNoTracking().Where(c => c.DeletedAt == null).OrderByDescending(c => c.OpensAt).ToListAsync(ct))
            .Select(c => new ConsultationRow(c.Id, c.Title, c.Slug, c.Culture, c.OpensAt, c.ClosesAt, Count(c.Id, ResponseState.Confirmed), Count(c.Id, ResponseState.Unconfirmed)))];
    }
}
