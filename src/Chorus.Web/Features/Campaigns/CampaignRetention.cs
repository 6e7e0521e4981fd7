using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Campaigns;

/// <summary>
/// Every hour: erases signatories' contact data once a campaign has been closed for its retention period, and deletes
/// submissions whose confirmation link expired unused (they were never shown or counted).
/// </summary>
internal sealed class CampaignRetention(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CampaignOptions> options,
    ILogger<CampaignRetention> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BackgroundSchedule.RunEveryAsync(TimeSpan.FromHours(1), scopes, clock, log, "Campaign data retention", async (services, ct) =>
        {
            var (erased, deleted) = await RunAsync(services.GetRequiredService<ChorusDb>(), clock.GetUtcNow().UtcDateTime,
                TimeSpan.FromDays(options.Value.ConfirmationDays), ct);
            if (erased + deleted > 0)
            {
                log.LogInformation("Erased the contact data of {Erased} signatories and deleted {Deleted} expired submissions.", erased, deleted);
            }
        }, stoppingToken);

    public static async Task<(int Erased, int Deleted)> RunAsync(ChorusDb db, DateTime now, TimeSpan confirmationValidity, CancellationToken ct)
    {
        var closed = await db.Campaigns.Where(c => c.ClosesAt != null && c.ClosesAt < now)
            .Select(c => new { c.Id, c.ClosesAt, c.EraseContactAfterDays }).ToListAsync(ct);
        var due = closed.Where(c => c.ClosesAt!.Value.AddDays(c.EraseContactAfterDays) <= now).Select(c => c.Id).ToList();
        var erased = 0;
        foreach (var s in await db.Signatures.Where(s => due.Contains(s.CampaignId) && (s.Email != null || s.SignatoryRole != null)).ToListAsync(ct))
        {
            await SignatureRules.EraseContactAsync(db, s, now, ct);
            erased++;
        }
        var expiredBefore = now - confirmationValidity;
        var stale = await db.Signatures.Where(s => s.State == SignatureState.Unconfirmed && s.CreatedAt < expiredBefore).ToListAsync(ct);
        db.Signatures.RemoveRange(stale);
        await db.SaveChangesAsync(ct);
        return (erased, stale.Count);
    }
}
