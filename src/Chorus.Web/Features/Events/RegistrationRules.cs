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
    public static async Task<RegistrationStatus> PlaceAsync(ChorusDb db, Registration registration, Event e, Action<Registration> tell, CancellationToken ct)
    {
        return await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct =>
        {
            await db.LockAsync($"places:{e.Id}", ct);
            var confirmed = await ConfirmedAsync(db, e.Id, ct);
            registration.Status = e.Capacity is { } capacity && confirmed >= capacity ? RegistrationStatus.Waiting : RegistrationStatus.Confirmed;
            // A retry (PostgreSQL refused a racing registration's commit) adds it afresh, without the key the failed insert gave it.
            registration.Id = 0;
            db.Registrations.Add(registration);
            tell(registration);
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
    /// The email for a registration's current state, in the language of the page it came from: a confirmation with the
    /// join link and the calendar file, or a waiting-list notice. Queued in the caller's unit of work.
    /// </summary>
    public static void Tell(Outbox outbox, ChorusDb db, IStringLocalizer S, Registration r, Event e, EventText text, string origin, string? token, string ics)
    {
        var lines = new List<string> { S["Hello {0},", r.Name], "" };
        if (r.Status == RegistrationStatus.Confirmed)
        {
            lines.Add(S["You are registered for “{0}”.", text.Title]);
            lines.Add("");
            lines.AddRange(WhenAndHow(S, r, e, e.StartsAt, e.EndsAt, withJoin: true));
            lines.Add("");
            lines.Add(S["The attached calendar file adds it to your calendar. We will remind you a day and an hour before."]);
        }
        else
        {
            lines.Add(S["“{0}” is full, so you are on the waiting list. If a place frees up, it is yours and we will write to you at once.", text.Title]);
            lines.AddRange(WhenAndHow(S, r, e, e.StartsAt, e.EndsAt, withJoin: false));
        }
        lines.Add("");
        lines.Add(S["Details: {0}", $"{origin}/{r.Culture}/events/{e.Slug}"]);
        if (token is not null)
        {
            lines.Add(S["To cancel your registration: {0}", $"{origin}/{r.Culture}/events/registration/{token}"]);
        }
        var subject = r.Status == RegistrationStatus.Confirmed ? S["Registered: {0}", text.Title] : S["Waiting list: {0}", text.Title];
        outbox.Enqueue(db, r.Email, subject, string.Join('\n', lines),
            r.Status == RegistrationStatus.Confirmed ? new OutboxAttachment($"{e.Slug}.ics", "text/calendar", ics) : null);
    }
}
