using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Campaigns.Admin;

internal sealed record CampaignRow(int Id, string Title, string Slug, string Culture, DateTime OpensAt, DateTime? ClosesAt, int Published, int Pending);

/// <summary>/admin/campaigns: every campaign with its count and what waits for moderation.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Editor},{Roles.Moderator}")]
internal sealed class CampaignsAdminModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<CampaignRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Campaigns"];
        var counts = await db.Signatures.AsNoTracking().Where(s => s.State == SignatureState.Published || s.State == SignatureState.Pending)
            .GroupBy(s => new { s.CampaignId, s.State }).Select(g => new { g.Key.CampaignId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.DeletedAt == null).OrderByDescending(c => c.OpensAt).ToListAsync(ct);
        int Count(int id, SignatureState state) => counts.FirstOrDefault(c => c.CampaignId == id && c.State == state)?.Count ?? 0;
        Rows = [.. campaigns.Select(c => new CampaignRow(c.Id, c.Title, c.Slug, c.Culture, c.OpensAt, c.ClosesAt,
            Count(c.Id, SignatureState.Published), Count(c.Id, SignatureState.Pending)))];
    }
}
