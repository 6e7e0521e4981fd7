using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Events;

/// <summary>One line of a listing: the event and the session that matters now (the next one of a series).</summary>
internal sealed record EventRow(Event Event, EventText Text, DateTime Start, DateTime End, ZonedSpan Local, ZonedSpan? Reader);

/// <summary>
/// /{culture}/events: upcoming events (a series by its next session), or ?when=past with recordings; filters by
/// category, host, format and language; keyset paging on (start, id).
/// </summary>
internal sealed class EventsIndexModel(ChorusDb db, ShownData data, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 20;

    [FromQuery] public string? When { get; set; }

    [FromQuery] public string? Category { get; set; }

    [FromQuery] public string? Host { get; set; }

    [FromQuery] public EventFormat? Format { get; set; }

    [FromQuery] public string? Language { get; set; }

    public bool Past => When == "past";

    public IReadOnlyList<EventRow> Rows { get; private set; } = [];

    public string? Next { get; private set; }

    public IReadOnlyList<(string Slug, string Name)> Categories { get; private set; } = [];

    public IReadOnlyList<(string Slug, string Name)> Hosts { get; private set; } = [];

    public string? ReaderZoneId { get; private set; }

    /// <summary>Where an event stands in the listing: its start, or for a series under way its next session's.</summary>
    private sealed record Placed(int Id, DateTime Start);

    public async Task<IActionResult> OnGetAsync(string? after, CancellationToken ct)
    {
        if (When is not (null or "" or "past" or "upcoming") || (Language is { Length: > 16 }))
        {
            return BadRequest();
        }
        Title = Past ? S["Past events"] : S["Events"];
        Feed = $"/{Culture}/events/feed";
        Description = S["Online events, webinars and dialogues convened by the coalition and its members, with times in your own zone."];
        ReaderZoneId = ReaderZone.Of(HttpContext);
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Events.AsNoTracking().Where(e => e.DeletedAt == null);
        if (Category is { Length: > 0 })
        {
            query = query.Where(e => e.Categories.Any(c => c.Slug == Category));
        }
        if (Host is { Length: > 0 })
        {
            query = query.Where(e => db.EventHosts.Any(h => h.EventId == e.Id && h.Organisation.Slug == Host)
                || e.Sessions.Any(s => s.Host != null && s.Host.Slug == Host));
        }
        if (Format is { } format)
        {
            query = query.Where(e => e.Format == format);
        }
        if (Language is { Length: > 0 })
        {
            query = query.Where(e => e.Culture == Language || e.InterpretationLanguages.Contains(Language) || e.Sessions.Any(s => s.Language == Language));
        }
        var cursor = ParseCursor(after);
        if (cursor is null && !string.IsNullOrEmpty(after))
        {
            return BadRequest();
        }
        // Without a cursor, paging starts beyond every real start, so one query shape serves every page.
        var (at, id) = cursor ?? (DateTime.SpecifyKind(Past ? DateTime.MaxValue : DateTime.MinValue, DateTimeKind.Utc), Past ? int.MaxValue : 0);
        List<Placed> page;
        if (Past)
        {
            page = (await query.Where(e => e.EndsAt < now).Select(e => new { e.Id, Start = e.StartsAt })
                .Where(x => x.Start < at || (x.Start == at && x.Id < id))
                .OrderByDescending(x => x.Start).ThenByDescending(x => x.Id).Take(PageSize + 1).ToListAsync(ct))
                .ConvertAll(x => new Placed(x.Id, x.Start));
        }
        else
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
            page = [.. (await notBegun.Where(x => x.Start > at || (x.Start == at && x.Id > id)).OrderBy(x => x.Start).ThenBy(x => x.Id).Take(PageSize + 1)
                    .Concat(underWay.Where(x => x.Start > at || (x.Start == at && x.Id > id)).OrderBy(x => x.Start).ThenBy(x => x.Id).Take(PageSize + 1))
                    .ToListAsync(ct))
                .Select(x => new Placed(x.Id, x.Start)).OrderBy(x => x.Start).ThenBy(x => x.Id).Take(PageSize + 1)];
        }
        if (page.Count > PageSize)
        {
            page.RemoveAt(PageSize);
            Next = string.Create(CultureInfo.InvariantCulture, $"{page[^1].Start.Ticks}.{page[^1].Id}");
        }
        var ids = page.Select(p => p.Id).ToList();
        // Only what a line of the list shows (the whole events with every session and body came to 700 KB a page): the
        // events' heading fields, their translations' titles and summaries, and the session each is placed by.
        var starts = page.Select(p => p.Start).Distinct().ToList();
        var events = await db.Events.AsNoTracking().AsSplitQuery().Where(e => ids.Contains(e.Id)).Select(e => new Event
        {
            Id = e.Id, Title = e.Title, Slug = e.Slug, Summary = e.Summary, Culture = e.Culture, Kind = e.Kind, Format = e.Format,
            Status = e.Status, TimeZone = e.TimeZone, EndsAt = e.EndsAt, IsExternal = e.IsExternal, RecordingUrl = e.RecordingUrl,
            Translations = e.Translations.Select(t => new EventTranslation { Culture = t.Culture, Title = t.Title, Summary = t.Summary }).ToList(),
            Sessions = e.Sessions.Where(s => starts.Contains(s.StartsAt))
                .Select(s => new EventSession { StartsAt = s.StartsAt, EndsAt = s.EndsAt, TimeZone = s.TimeZone }).ToList(),
        }).ToDictionaryAsync(e => e.Id, ct);
        Rows = [.. page.Select(p =>
        {
            var e = events[p.Id];
            var session = e.Sessions.FirstOrDefault(s => s.StartsAt == p.Start);
            var end = session?.EndsAt ?? e.EndsAt;
            var zone = session?.TimeZone ?? e.TimeZone;
            var (local, reader) = EventTimes.ForReader(p.Start, end, zone, ReaderZoneId);
            return new EventRow(e, EventTexts.Best(e, Chain), p.Start, end, local, reader);
        })];
        // The filters' choices are the same for every reader: read once, kept until an event (or a category, a host) is written.
        Categories = await data.GetAsync("events:categories", [Shown.Events], async token =>
            (await db.Categories.AsNoTracking().Where(c => db.Set<EventCategory>().Any(ec => ec.CategoryId == c.Id))
                .OrderBy(c => c.Name).Select(c => new { c.Slug, c.Name }).ToListAsync(token)).ConvertAll(c => (c.Slug, c.Name)), ct);
        Hosts = await data.GetAsync("events:hosts", [Shown.Events], async token =>
            (await db.EventHosts.AsNoTracking().Select(h => new { h.Organisation.Slug, h.Organisation.Name }).Distinct()
                .OrderBy(h => h.Name).Take(200).ToListAsync(token)).ConvertAll(h => (h.Slug, h.Name)), ct);
        return Page();
    }

    private static (DateTime Start, int Id)? ParseCursor(string? text)
    {
        var parts = (text ?? "").Split('.');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks is > 0 and < 3155378975999999999 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? (new DateTime(ticks, DateTimeKind.Utc), id) : null;
    }

    public string Link(string? after = null) => $"/{Culture}/events" + QueryString.Create(new Dictionary<string, string?>
    {
        ["when"] = Past ? "past" : null, ["category"] = Category, ["host"] = Host, ["format"] = Format?.ToString(), ["language"] = Language, ["after"] = after,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
