using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Newsletter.Issues;

internal sealed class NewsletterOptions
{
    /// <summary>Subscribers whose copies are queued in one transaction (delivery rows and outbox messages together).</summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>Permanent refusals (5xx) in a row after which a subscriber is marked Bouncing and sent nothing more.</summary>
    [Range(1, 100)]
    public int BouncesBeforeStop { get; set; } = 3;

    /// <summary>Adds utm_source=newsletter, utm_medium=email and utm_campaign={issue} to item links: the same for everyone, never per person.</summary>
    public bool UtmParameters { get; set; }

    /// <summary>How often the sender looks for scheduled issues when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Sends issues: for each scheduled (and due) or sending issue, queues the copies of the next batch of its subscribers,
/// each as one delivery row and one outbox message saved in ONE transaction, so an interruption at any point leaves every
/// subscriber with either both (the outbox sends it once) or neither (the next round queues it). The unique (issue,
/// subscriber) index makes a second node's overlapping batch fail whole instead of doubling anyone. Each language and zone
/// is rendered once per round; only the per-person links differ.
/// </summary>
internal sealed class IssueSender(Mailer mailer, Outbox outbox, SubscriberLinks links, IOptions<SiteOptions> site, IOptions<NewsletterOptions> options,
    TimeProvider clock, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache, IStringLocalizer<SharedStrings> S)
{
    // Stand-ins replaced per person: plain letters, which neither the text nor the HTML encoding changes.
    private const string PreferencesMark = "https://newsletter.invalid/preferences-link";

    /// <summary>One round: outcomes of sent copies recorded, due issues started, the next batches queued. Returns copies queued.</summary>
    public async Task<int> RunAsync(ChorusDb db, CancellationToken ct)
    {
        await RecordOutcomesAsync(db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await QueuedCopies.SyncAsync(db, now, ct);
        await db.NewsletterIssues.Where(i => i.State == IssueState.Scheduled && i.ScheduledAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Sending), ct);
        var sending = await db.NewsletterIssues.AsNoTracking().Where(i => i.State == IssueState.Sending).OrderBy(i => i.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var issue in sending)
        {
            queued += await SendIssueAsync(db, issue, ct);
        }
        return queued;
    }

    private async Task<int> SendIssueAsync(ChorusDb db, NewsletterIssue issue, CancellationToken ct)
    {
        var rendered = new Dictionary<(string, string?), RenderedMail>();
        var queued = 0;
        while (true)
        {
            // Paused between batches: nothing more is queued (and what was, the admin's pause holds).
            if (await db.NewsletterIssues.Where(i => i.Id == issue.Id).Select(i => i.State).SingleAsync(ct) != IssueState.Sending)
            {
                return queued;
            }
            var batch = await Recipients(db, issue).OrderBy(s => s.Id).Take(options.Value.BatchSize).ToListAsync(ct);
            if (batch.Count == 0)
            {
                // Sent when the last copy has left the outbox, not when it was queued: until then a pause still holds them.
                if (await db.NewsletterDeliveries.AnyAsync(d => d.IssueId == issue.Id && d.State == DeliveryState.Queued, ct))
                {
                    return queued;
                }
                var now = clock.GetUtcNow().UtcDateTime;
                if (await db.NewsletterIssues.Where(i => i.Id == issue.Id && i.State == IssueState.Sending)
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Sent).SetProperty(i => i.SentAt, now), ct) == 1)
                {
                    // Now public (web version, archive, feeds, sitemap): those pages are untagged, so they carry the
                    // content tags, and a cached archive must not hide it.
                    await cache.EvictByTagAsync(Shown.Posts, ct);
                }
                return queued;
            }
            foreach (var subscriber in batch)
            {
                var zone = Events.EventTimes.IsZone(subscriber.TimeZone) ? subscriber.TimeZone : null;
                var culture = mailer.LanguageOf(subscriber.Culture);
                if (!rendered.TryGetValue((culture, zone), out var mail))
                {
                    mail = await RenderAsync(db, issue, culture, zone, PreferencesMark, ct);
                    rendered[(culture, zone)] = mail;
                }
                var preferences = links.PreferencesUrl(subscriber);
                var message = outbox.Enqueue(db, subscriber.Email, mail.Subject, mail.Text.Replace(PreferencesMark, preferences, StringComparison.Ordinal), null,
                    mail.Html.Replace(PreferencesMark, preferences, StringComparison.Ordinal),
                    $"List-Unsubscribe: <{links.OneClickUrl(subscriber)}>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\nList-Id: <newsletter.{new Uri(site.Value.PublicOrigin).Host}>");
                // Held until the batch is committed and checked again (below).
                message.NextAttemptAt = QueuedCopies.Held;
                db.NewsletterDeliveries.Add(new NewsletterDelivery
                {
                    IssueId = issue.Id, SubscriberId = subscriber.Id, Message = message, CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
            }
            try
            {
                // One SaveChanges: one transaction for the batch's rows and messages.
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node queued some of these first: its copies stand, ours were never written. Try the next round.
                db.ChangeTracker.Clear();
                return queued;
            }
            db.ChangeTracker.Clear();
            queued += batch.Count;
            // Released only now, by the same check a pause or an unsubscribe runs: one made while this batch was being
            // written could not see it (uncommitted) and ran its check before; this one sees that pause, or that person
            // gone. Released at once, another node's outbox would send a paused issue's batch before its next round.
            await QueuedCopies.SyncAsync(db, clock.GetUtcNow().UtcDateTime, ct);
            outbox.Notify();
        }
    }

    /// <summary>Confirmed subscribers on one of the issue's lists who have no copy of it yet.</summary>
    private static IQueryable<Subscriber> Recipients(ChorusDb db, NewsletterIssue issue)
    {
        var lists = issue.ListIds.ToArray();
        return db.Subscribers.AsNoTracking().Where(s => s.State == SubscriberState.Confirmed
            && db.SubscriberLists.Any(l => l.SubscriberId == s.Id && lists.Contains(l.ListId))
            && !db.NewsletterDeliveries.Any(d => d.IssueId == issue.Id && d.SubscriberId == s.Id));
    }

    /// <summary>The issue's email in one language and zone, with <paramref name="preferencesUrl"/> as its manage link.</summary>
    public Task<RenderedMail> RenderAsync(ChorusDb db, NewsletterIssue issue, string culture, string? zone, string preferencesUrl, CancellationToken ct) =>
        RenderWithAsync(db, issue, culture, zone, preferencesUrl, ct);

    private async Task<RenderedMail> RenderWithAsync(ChorusDb db, NewsletterIssue issue, string culture, string? zone, string preferencesUrl, CancellationToken ct)
    {
        IssueView view;
        using (Cultures.Write(culture))
        {
            view = await IssueViews.BuildAsync(db, issue, culture, zone, site.Value.FallbackChain(culture), site.Value.PublicOrigin, options.Value.UtmParameters, S, ct);
        }
        var web = $"{site.Value.PublicOrigin}/{culture}/newsletter/{issue.Slug}";
        return await mailer.RenderAsync(culture, s => IssueViews.ToMail(view, web, preferencesUrl, s), ct);
    }

    /// <summary>
    /// Reads what the outbox did with queued copies: sent, or failed. A permanent refusal (5xx) counts toward the
    /// subscriber's bounces, and at Newsletter:BouncesBeforeStop they are marked Bouncing; a delivered copy resets the count.
    /// </summary>
    public async Task RecordOutcomesAsync(ChorusDb db, CancellationToken ct)
    {
        while (await RecordSomeOutcomesAsync(db, ct) == OutcomesPerStep)
        {
        }
    }

    private const int OutcomesPerStep = 5000;

    private async Task<int> RecordSomeOutcomesAsync(ChorusDb db, CancellationToken ct)
    {
        var done = await db.NewsletterDeliveries.Where(d => d.State == DeliveryState.Queued && (d.Message == null || d.Message.Status != QueueStatus.Pending)).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.SubscriberId, Failed = d.Message != null && d.Message.Status == QueueStatus.Failed, Code = d.Message == null ? null : d.Message.SmtpStatus })
            .Take(OutcomesPerStep).ToListAsync(ct);
        if (done.Count == 0)
        {
            return 0;
        }
        var sent = done.Where(d => !d.Failed).ToList();
        var failed = done.Where(d => d.Failed).ToList();
        var sentIds = sent.Select(d => d.Id).ToArray();
        var delivered = sent.Select(d => d.SubscriberId).Distinct().ToArray();
        var limit = options.Value.BouncesBeforeStop;
        await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async token =>
        {
            await db.NewsletterDeliveries.Where(d => sentIds.Contains(d.Id) && d.State == DeliveryState.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Sent), token);
            await db.Subscribers.Where(s => delivered.Contains(s.Id) && s.Bounces > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.Bounces, 0), token);
            foreach (var failure in failed)
            {
                // Counted by whoever moves the row: two nodes reading the same outcome count one bounce.
                var moved = await db.NewsletterDeliveries.Where(d => d.Id == failure.Id && d.State == DeliveryState.Queued)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, DeliveryState.Failed), token);
                if (moved == 1 && failure.Code >= 500)
                {
                    await db.Subscribers.Where(s => s.Id == failure.SubscriberId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Bounces, x => x.Bounces + 1), token);
                    await db.Subscribers.Where(s => s.Id == failure.SubscriberId && s.State == SubscriberState.Confirmed && s.Bounces >= limit)
                        .ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SubscriberState.Bouncing), token);
                }
            }
            return true;
        }, ct);
        return done.Count;
    }
}

/// <summary>Runs <see cref="IssueSender"/> every Newsletter:PollInterval, or at once when an issue is sent from the admin.</summary>
internal sealed class IssueSending(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NewsletterOptions> options, ILogger<IssueSending> log)
    : QueueWorker(scopes, log)
{
    private readonly QueueSignal _signal = new(clock);

    public void Notify() => _signal.Notify();

    protected override Task RunDueAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IssueSender>().RunAsync(services.GetRequiredService<ChorusDb>(), ct);

    protected override Task WaitForWorkAsync(CancellationToken ct) => _signal.WaitAsync(options.Value.PollInterval, ct);
}
