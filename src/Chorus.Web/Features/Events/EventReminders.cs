using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Events;

/// <summary>
/// Every minute, emails confirmed registrants 24 hours and 1 hour before their event (before each session of a
/// series), through the outbox. What was sent is recorded per registration, so a restart never sends twice.
/// </summary>
internal sealed class EventReminders(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EventReminders> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BackgroundSchedule.RunEveryAsync(TimeSpan.FromMinutes(1), scopes, clock, log, "Sending event reminders", SendDueAsync, stoppingToken);

    public async Task<int> SendDueAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ChorusDb>();
        var mailer = services.GetRequiredService<Mailer>();
        var origin = services.GetRequiredService<IOptions<SiteOptions>>().Value.PublicOrigin;
        var now = clock.GetUtcNow().UtcDateTime;
        var soon = now.AddHours(24);
        var due = await db.Registrations.AsNoTracking().AsSplitQuery().Include(r => r.Event).ThenInclude(e => e.Sessions).Include(r => r.Event.Translations)
            .Where(r => r.Status == RegistrationStatus.Confirmed && r.Event.Status != EventStatus.Cancelled && r.Event.DeletedAt == null
                && r.Event.EndsAt > now && r.Event.StartsAt <= soon)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var r in due)
        {
            var e = r.Event;
            var (start, end) = e.HasSessions
                ? e.Sessions.Where(s => s.Status == SessionStatus.Scheduled && s.StartsAt > now).OrderBy(s => s.StartsAt).Select(s => (s.StartsAt, s.EndsAt)).FirstOrDefault()
                : (e.StartsAt, e.EndsAt);
            if (start <= now || start > soon)
            {
                continue;
            }
            var inAnHour = start - now <= TimeSpan.FromHours(1);
            if (inAnHour ? r.Reminded1For == start : r.Reminded24For == start)
            {
                continue;
            }
            // Claim the reminder with a conditional update in the same transaction as the email, so two workers
            // (or a restart mid-way) never send it twice and a failed save never marks it sent.
            var queued = await db.InTransactionAsync(System.Data.IsolationLevel.Unspecified, async ct =>
            {
                var claimed = inAnHour
                    ? await db.Registrations.Where(x => x.Id == r.Id && (x.Reminded1For == null || x.Reminded1For != start))
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.Reminded1For, start).SetProperty(x => x.Reminded24For, start), ct)
                    : await db.Registrations.Where(x => x.Id == r.Id && (x.Reminded24For == null || x.Reminded24For != start))
                        .ExecuteUpdateAsync(u => u.SetProperty(x => x.Reminded24For, start), ct);
                if (claimed == 0)
                {
                    return false;
                }
                // In the registrant's language: this worker has no request, and the server's own language is nobody's.
                var title = EventTexts.Best(e, [r.Culture, e.Culture]).Title;
                await mailer.QueueAsync(db, r.Email, r.Culture, S => new MailContent(S["Reminder: {0}", title],
                [
                    new MailText(S["Hello {0},", r.Name]),
                    new MailText(inAnHour ? S["“{0}” starts in about an hour.", title] : S["“{0}” starts in about 24 hours.", title]),
                    new MailText(string.Join('\n', RegistrationRules.WhenAndHow(S, r, e, start, end, withJoin: true))),
                    new MailText(S["Details: {0}", $"{origin}/{r.Culture}/events/{e.Slug}"]),
                ]), ct: ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
            if (queued)
            {
                sent++;
            }
        }
        if (sent > 0)
        {
            mailer.Notify();
        }
        return sent;
    }
}
