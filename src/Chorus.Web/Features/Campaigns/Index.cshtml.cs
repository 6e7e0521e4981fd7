using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Campaigns;

internal sealed record CampaignListItem(string Slug, CampaignText Text, int Count, int? Goal, DateTime? ClosesAt, bool Open, Media.MediaItem? Image = null);

/// <summary>/{culture}/campaigns: calls for endorsement, open ones first, with their counts.</summary>
internal sealed class IndexModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<CampaignListItem> Campaigns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Sign-on campaigns"];
        Description = S["Position papers and open letters that organisations can endorse."];
        var now = clock.GetUtcNow().UtcDateTime;
        Campaigns = await ListAsync(db, HttpContext, db.Campaigns.Where(c => c.OpensAt <= now), now, Chain, 200, ct);
    }

    /// <summary>
    /// Campaigns of <paramref name="query"/> as listings show them (this page, the home page's blocks): newest first and open
    /// ones before closed, each with its count, the page tagged with each campaign so a new endorsement refreshes it.
    /// </summary>
    public static async Task<IReadOnlyList<CampaignListItem>> ListAsync(
        ChorusDb db, HttpContext http, IQueryable<Campaign> query, DateTime now, IReadOnlyList<string> chain, int take, CancellationToken ct)
    {
        var campaigns = await query.AsNoTracking().Include(c => c.Translations).Include(c => c.Image).Where(c => c.DeletedAt == null)
            .OrderByDescending(c => c.OpensAt).Take(take).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        ids.ForEach(id => http.Show(Shown.Campaign(id)));
        var counts = await db.Signatures.AsNoTracking().Where(s => ids.Contains(s.CampaignId) && s.State == SignatureState.Published)
            .GroupBy(s => s.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return [.. campaigns.Select(c => new CampaignListItem(c.Slug, SignatureRules.Best(c, chain), counts.GetValueOrDefault(c.Id), c.Goal, c.ClosesAt, c.IsOpen(now), c.Image))
            .OrderByDescending(c => c.Open)];
    }
}
