using NodaTime;

namespace Chorus.Web.Features.Events;

/// <summary>Keeps an event's sessions and UTC instants in step with its wall-clock times, zones and rule.</summary>
internal static class EventSchedule
{
    /// <summary>
    /// Makes a series' sessions agree with its rule (other events only get their instants derived). A session whose date the rule still gives keeps its topic,
    /// description and status; if it had not been moved it follows the rule's new time. Dates the rule no longer
    /// gives lose their session; new dates get one. Then everything is numbered and its instants derived.
    /// </summary>
    public static void Schedule(Event e)
    {
        if (e.Kind != EventKind.Series || e.Recurrence is null)
        {
            Derive(e);
            return;
        }
        var first = LocalDateTime.FromDateTime(e.LocalStart);
        var length = e.LocalEnd - e.LocalStart;
        var slots = e.Recurrence.Occurrences(first.Date).Select(d => (d + first.TimeOfDay).ToDateTimeUnspecified()).ToList();
        var dates = slots.Select(s => s.Date).ToHashSet();
        e.Sessions.RemoveAll(s => s.RuleLocalStart is not { } rule || !dates.Contains(rule.Date));
        foreach (var slot in slots)
        {
            var session = e.Sessions.FirstOrDefault(s => s.RuleLocalStart!.Value.Date == slot.Date);
            if (session is null)
            {
                e.Sessions.Add(new EventSession { RuleLocalStart = slot, LocalStart = slot, LocalEnd = slot + length, TimeZone = e.TimeZone });
                continue;
            }
            if (!session.IsMoved)
            {
                (session.LocalStart, session.LocalEnd) = (slot, slot + length);
            }
            session.RuleLocalStart = slot;
            session.TimeZone = e.TimeZone;
        }
        Derive(e);
    }

    /// <summary>Numbers the sessions in time order and derives every UTC instant, the event's from its sessions.</summary>
    public static void Derive(Event e)
    {
        foreach (var session in e.Sessions)
        {
            session.StartsAt = EventTimes.ToUtc(session.LocalStart, session.TimeZone);
            session.EndsAt = EventTimes.ToUtc(session.LocalEnd, session.TimeZone);
        }
        var number = 1;
        foreach (var session in e.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Id))
        {
            session.Number = number++;
        }
        var live = e.Sessions.Where(s => s.Status == SessionStatus.Scheduled).ToList();
        if (e.HasSessions && live.Count > 0)
        {
            e.StartsAt = live.Min(s => s.StartsAt);
            e.EndsAt = live.Max(s => s.EndsAt);
        }
        else
        {
            e.StartsAt = EventTimes.ToUtc(e.LocalStart, e.TimeZone);
            e.EndsAt = EventTimes.ToUtc(e.LocalEnd, e.TimeZone);
        }
    }
}
