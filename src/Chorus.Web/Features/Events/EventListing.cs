using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Events;

/// <summary>Where an event stands in a listing: its start, or for a series under way its next session's.</summary>
internal sealed record Placed(int Id, DateTime Start);

/// <summary>The upcoming events as the events list and the home page's events block show them.</summary>
internal static class EventListing
{
    /// <summary>Up to <paramref name="take"/> upcoming events of <paramref name="query"/> after the position (at, id), in order.</summary>
    public static async Task<List<Placed>> UpcomingAsync(IQueryable<Event> query, DateTime now, DateTime at, int id, int take, CancellationToken ct)
    {
        // Upcoming: a series is placed by its next session, so a weekly webinar shows next Tuesday, not its first. Read as
        // two parts in one statement, each walking an index in order: events not begun, placed by their start (on
        // (StartsAt, Id)), and events under way, a few, placed by their next session (on (EndsAt, StartsAt, DeletedAt, Id)).
        // One ordering over a start computed for every upcoming event sorted them all on each request (4 ms of 5,000).
        var notBegun = query.Where(e => e.StartsAt >= now).Select(e => new { e.Id, Start = e.StartsAt });
        var underWay = query.Where(e => e.StartsAt < now && e.EndsAt >= now).Select(e => new
        {
            e.Id,
            Start = e.Sessions.Where(s => s.Status == SessionStatus.Scheduled && s.EndsAt >= now).Min(s => (DateTime?)s.StartsAt) ?? e.StartsAt,
        });
        return [.. (await notBegun.Where(x => x.Start > at || (x.Start == at && x.Id > id)).OrderBy(x => x.Start).ThenBy(x => x.Id).Take(take)
                .Concat(underWay.Where(x => x.Start > at || (x.Start == at && x.Id > id)).OrderBy(x => x.Start).ThenBy(x => x.Id).Take(take))
                .ToListAsync(ct))
            .Select(x => new Placed(x.Id, x.Start)).OrderBy(x => x.Start).ThenBy(x => x.Id).Take(take)];
    }

    /// <summary>The lines of a listing for the placed events, texts in the reader's languages and times in their zone.</summary>
    public static async Task<IReadOnlyList<EventRow>> RowsAsync(ChorusDb db, IReadOnlyList<Placed> page, IReadOnlyList<string> chain, string? readerZone, CancellationToken ct)
    {
        var ids = page.Select(p => p.Id).ToList();
        // Only what a line of the list shows (the whole events with every session and body came to 700 KB a page): the
        // events' heading fields, their translations' titles and summaries, and the session each is placed by.
        var starts = page.Select(p => p.Start).Distinct().ToList();
        var events = await db.Events.AsNoTracking().AsSplitQuery().Where(e => ids.Contains(e.Id)).Select(e => new Event
        {
            Id = e.Id, Title = e.Title, Slug = e.Slug, Summary = e.Summary, Culture = e.Culture, Kind = e.Kind, Format = e.Format,
            Status = e.Status, TimeZone = e.TimeZone, EndsAt = e.EndsAt, IsExternal = e.IsExternal, RecordingUrl = e.RecordingUrl, Image = e.Image,
            Translations = e.Translations.Select(t => new EventTranslation { Culture = t.Culture, Title = t.Title, Summary = t.Summary }).ToList(),
            Sessions = e.Sessions.Where(s => starts.Contains(s.StartsAt))
                .Select(s => new EventSession { StartsAt = s.StartsAt, EndsAt = s.EndsAt, TimeZone = s.TimeZone }).ToList(),
        }).ToDictionaryAsync(e => e.Id, ct);
        return [.. page.Select(p =>
        {
            var e = events[p.Id];
            var session = e.Sessions.FirstOrDefault(s => s.StartsAt == p.Start);
            var end = session?.EndsAt ?? e.EndsAt;
            var zone = session?.TimeZone ?? e.TimeZone;
            var (local, reader) = EventTimes.ForReader(p.Start, end, zone, readerZone);
            return new EventRow(e, EventTexts.Best(e, chain), p.Start, end, local, reader);
        })];
    }
}
