using Chorus.Web.Data;
using Chorus.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Events;

internal enum RegistrationState { NotNeeded, External, Open, WaitingList, Closed }

/// <summary>Who gets a place, who waits, who moves up when someone cancels, and the emails that tell them.</summary>
internal static class RegistrationRules
{
    public static async Task<RegistrationState> StateAsync(ChorusDb db, Event e, DateTime now, CancellationToken ct)
    {
        if (e.IsExternal || e.Registration == RegistrationMode.External)
        {
            return e.ExternalUrl is null ? RegistrationState.NotNeeded : RegistrationState.External;
        }
        if (e.Registration == RegistrationMode.None)
        {
            return RegistrationState.NotNeeded;
        }
        if (e.Status == EventStatus.Cancelled || e.EndsAt <= now || e.RegistrationClosesAt <= now)
        {
            return RegistrationState.Closed;
        }
        return e.Capacity is { } capacity && await ConfirmedAsync(db, e.Id, ct) >= capacity ? RegistrationState.WaitingList : RegistrationState.Open;
    }

    private static Task<int> ConfirmedAsync(ChorusDb db, int eventId, CancellationToken ct) =>
        db.Registrations.CountAsync(r => r.EventId == eventId && r.Status == RegistrationStatus.Confirmed, ct);

    /// <summary>
    /// Adds the registration as confirmed while places remain, else to the waiting list; registrations for one event take
    /// turns (<see cref="Transactions.LockAsync"/>) so the capacity is never exceeded.
    /// </summary>
    public static async Task<RegistrationStatus> PlaceAsync(ChorusDb db, Registration registration, Event e, Func<Registration, CancellationToken, Task> tell, CancellationToken ct)
    {
        return await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct =>
        {
            await db.LockAsync($"places:{e.Id}", ct);
            var confirmed = await ConfirmedAsync(db, e.Id, ct);
            registration.Status = e.Capacity is { } capacity && confirmed >= capacity ? RegistrationStatus.Waiting : RegistrationStatus.Confirmed;
            // A retry (PostgreSQL refused a racing registration's commit) adds it afresh, without the key the failed insert gave it.
            registration.Id = 0;
            db.Registrations.Add(registration);
            await tell(registration, ct);
            await db.SaveChangesAsync(ct);
            return registration.Status;
        }, ct);
    }

    /// <summary>Cancels a registration; the first person waiting takes the freed place. Returns who moved up.</summary>
    public static async Task<Registration?> CancelAsync(ChorusDb db, Registration registration, DateTime now, CancellationToken ct)
    {
        var freed = registration.Status == RegistrationStatus.Confirmed;
        registration.Status = RegistrationStatus.Cancelled;
        registration.CancelledAt = now;
        Registration? promoted = null;
        if (freed)
        {
            promoted = await db.Registrations.Where(r => r.EventId == registration.EventId && r.Status == RegistrationStatus.Waiting)
                .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).FirstOrDefaultAsync(ct);
            if (promoted is not null)
            {
                promoted.Status = RegistrationStatus.Confirmed;
                promoted.PromotedAt = now;
            }
        }
        return promoted;
    }

    /// <summary>When (in the event's zone and, if theirs differs, in the registrant's), and how to take part.</summary>
    public static IEnumerable<string> WhenAndHow(IStringLocalizer S, Registration r, Event e, DateTime start, DateTime end, bool withJoin)
    {
        yield return S["When: {0}", EventTimes.In(start, end, e.TimeZone).Text];
        if (r.TimeZone is { } zone && zone != e.TimeZone)
        {
            yield return S["In your time zone ({0}): {1}", zone, EventTimes.In(start, end, zone).Text];
        }
        if (withJoin && e.JoinUrl is { } join)
        {
            yield return S["How to join: {0}", join];
        }
        if (withJoin && e.Venue is { } venue)
        {
            yield return S["Where: {0}", venue];
        }
    }

    /// <summary>
    /// The email for a registration's current state, in the registrant's language (whoever's request caused it, such as
    /// someone else cancelling): a confirmation with the join link and the calendar file, or a waiting-list notice. Queued
    /// in the caller's unit of work.
    /// </summary>
    public static Task TellAsync(Mailer mailer, ChorusDb db, Registration r, Event e, string origin, string? token, string ics, CancellationToken ct)
    {
        var confirmed = r.Status == RegistrationStatus.Confirmed;
        var title = EventTexts.Best(e, [r.Culture, e.Culture]).Title;
        return mailer.QueueAsync(db, r.Email, r.Culture, S =>
        {
            var parts = new List<MailPart> { new MailText(S["Hello {0},", r.Name]) };
            if (confirmed)
            {
                parts.Add(new MailText(S["You are registered for “{0}”.", title]));
                parts.Add(new MailText(string.Join('\n', WhenAndHow(S, r, e, e.StartsAt, e.EndsAt, withJoin: true))));
                parts.Add(new MailText(S["The attached calendar file adds it to your calendar. We will remind you a day and an hour before."]));
            }
            else
            {
                parts.Add(new MailText(S["“{0}” is full, so you are on the waiting list. If a place frees up, it is yours and we will write to you at once.", title]));
                parts.Add(new MailText(string.Join('\n', WhenAndHow(S, r, e, e.StartsAt, e.EndsAt, withJoin: false))));
            }
            parts.Add(new MailText(S["Details: {0}", $"{origin}/{r.Culture}/events/{e.Slug}"]));
            if (token is not null)
            {
                parts.Add(new MailText(S["To cancel your registration: {0}", $"{origin}/{r.Culture}/events/registration/{token}"]));
            }
            return new MailContent(confirmed ? S["Registration confirmed: {0}", title] : S["Waiting list: {0}", title], parts);
        }, confirmed ? new OutboxAttachment($"{e.Slug}.ics", "text/calendar", ics) : null, ct);
    }
}
