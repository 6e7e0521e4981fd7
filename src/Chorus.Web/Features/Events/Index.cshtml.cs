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
            page = await EventListing.UpcomingAsync(query, now, at, id, PageSize + 1, ct);
        }
        if (page.Count > PageSize)
        {
            page.RemoveAt(PageSize);
            Next = string.Create(CultureInfo.InvariantCulture, $"{page[^1].Start.Ticks}.{page[^1].Id}");
        }
        Rows = await EventListing.RowsAsync(db, page, Chain, ReaderZoneId, ct);
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
