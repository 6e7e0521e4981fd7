using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Campaigns;

internal sealed record CampaignListItem(string Slug, CampaignText Text, int Count, int? Goal, DateTime? ClosesAt, bool Open);

/// <summary>/{culture}/campaigns: calls for endorsement, open ones first, with their counts.</summary>
internal sealed class IndexModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<CampaignListItem> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Sign-on campaigns"];
        Description = S["Position papers and open letters that organisations can endorse."];
        var now = clock.GetUtcNow().UtcDateTime;
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Translations).Where(c => c.DeletedAt == null && c.OpensAt <= now)
            .OrderByDescending(c => c.OpensAt).Take(200).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        ids.ForEach(id => HttpContext.Show(Shown.Campaign(id)));
        var counts = await db.Signatures.AsNoTracking().Where(s => ids.Contains(s.CampaignId) && s.State == SignatureState.Published)
            .GroupBy(s => s.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Campaigns = [.. campaigns.Select(c => new CampaignListItem(c.Slug, SignatureRules.Best(c, Chain), counts.GetValueOrDefault(c.Id), c.Goal, c.ClosesAt, c.IsOpen(now)))
            .OrderByDescending(c => c.Open)];
    }
}
