using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Newsletter;

/// <summary>Every hour: deletes subscribers who never followed their confirmation link within 7 days of asking.</summary>
internal sealed class UnconfirmedCleanup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<UnconfirmedCleanup> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BackgroundSchedule.RunEveryAsync(TimeSpan.FromHours(1), scopes, clock, log, "Deleting unconfirmed subscribers", async (services, ct) =>
        {
            var deleted = await RunAsync(services.GetRequiredService<ChorusDb>(), clock.GetUtcNow().UtcDateTime, ct);
            if (deleted > 0)
            {
                log.LogInformation("Deleted {Deleted} subscribers who never confirmed.", deleted);
            }
        }, stoppingToken);

    public static Task<int> RunAsync(ChorusDb db, DateTime now, CancellationToken ct)
    {
        var before = now - SubscriptionRequest.Validity;
        return db.Subscribers.Where(s => s.State == SubscriberState.Pending && s.ConfirmedAt == null && s.CreatedAt < before).ExecuteDeleteAsync(ct);
    }
}
