using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Campaigns;

/// <summary>A campaign opens and closes at its instants on cached pages too (the list's "sign on" link, the embeds' "open").</summary>
internal sealed class CampaignSchedule(TimeProvider clock, IServiceScopeFactory scopes) : ScheduledEviction(clock, scopes)
{
    protected override string Shows => Shown.Campaigns;

    protected override async Task<DateTime?> NextAsync(ChorusDb db, DateTime now, CancellationToken ct)
    {
        var opens = await db.Campaigns.Where(c => c.DeletedAt == null && c.OpensAt > now).MinAsync(c => (DateTime?)c.OpensAt, ct);
        var closes = await db.Campaigns.Where(c => c.DeletedAt == null && c.ClosesAt > now).MinAsync(c => c.ClosesAt, ct);
        return opens is null ? closes : closes is null ? opens : opens < closes ? opens : closes;
    }
}
