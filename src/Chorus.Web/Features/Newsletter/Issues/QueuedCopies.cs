using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Newsletter.Issues;

/// <summary>
/// Keeps the copies already waiting in the outbox in step with what changed after they were queued: a paused issue's
/// copies are held (still pending, due far in the future, so the outbox does not take them) and released on resume;
/// a copy whose subscriber is no longer confirmed (unsubscribed, marked Bouncing, being erased) is withdrawn for good.
/// A copy the outbox has already claimed (at most one round's handful) still goes. Run by every sender round, and at
/// once by whatever changes an issue's state or a subscriber's.
/// </summary>
internal static class QueuedCopies
{
    /// <summary>The next attempt of a held copy: the outbox takes only due messages.</summary>
    public static readonly DateTime Held = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task SyncAsync(ChorusDb db, DateTime now, CancellationToken ct)
    {
        var queued = db.NewsletterDeliveries.Where(d => d.State == DeliveryState.Queued && d.OutboxMessageId != null);
        var unwanted = queued.Where(d => !db.Subscribers.Any(s => s.Id == d.SubscriberId && s.State == SubscriberState.Confirmed))
            .Select(d => d.OutboxMessageId!.Value);
        await db.Outbox.Where(m => m.Status == QueueStatus.Pending && unwanted.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, QueueStatus.Failed).SetProperty(m => m.LastError, "Not sent: the subscriber left (or bounced) after it was queued.")
            .SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, (string?)null), ct);
        var paused = queued.Where(d => db.NewsletterIssues.Any(i => i.Id == d.IssueId && i.State == IssueState.Paused)).Select(d => d.OutboxMessageId!.Value);
        await db.Outbox.Where(m => m.Status == QueueStatus.Pending && m.NextAttemptAt < Held && paused.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, Held), ct);
        var going = queued.Where(d => db.NewsletterIssues.Any(i => i.Id == d.IssueId && i.State != IssueState.Paused)).Select(d => d.OutboxMessageId!.Value);
        await db.Outbox.Where(m => m.Status == QueueStatus.Pending && m.NextAttemptAt == Held && going.Contains(m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, now), ct);
    }
}
