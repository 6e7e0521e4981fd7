using System.Globalization;
using System.Text.Json.Serialization;
using Chorus.Web.Data;
using Chorus.Web.Features.Events;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Chorus.Web.Features.Api;

/// <summary>
/// One time an event happens: a single event's only one, a series' sessions, a programme's sessions. Instants are UTC;
/// <paramref name="TimeZone"/> (IANA) and the wall-clock times in it are what the organiser set, so a session at 15:00
/// in Paris reads 14:00Z in winter and 13:00Z in summer.
/// </summary>
internal sealed record ApiOccurrence(int Number, string? Title, string? Description, DateTime StartsAt, DateTime EndsAt, string TimeZone,
    string LocalStart, string LocalEnd, string Status, string? Language, ApiOrganisationLink? Host, string? HostName, string? JoinUrl);

/// <summary>A series' rule (RFC 5545 subset) and the same as an RRULE value.</summary>
internal sealed record ApiRecurrence(string Frequency, int Interval, IReadOnlyList<string> ByDay, int? MonthDay, int? Ordinal, DateOnly? Until,
    int? Count, IReadOnlyList<DateOnly> Exclusions, string Rrule);

/// <summary>An event, series or programme; <paramref name="Language"/> is that of its title, summary and body.</summary>
internal sealed record ApiEvent(int Id, string Slug, string Kind, string Title, string? Summary, string Language, string Format, string Status,
    string TimeZone, DateTime StartsAt, DateTime EndsAt, string? Venue, string? JoinUrl, IReadOnlyList<string> InterpretationLanguages,
    string Registration, string? ExternalUrl, string? RecordingUrl, string? ReportUrl, string? Partners, IReadOnlyList<ApiOrganisationLink> Hosts,
    IReadOnlyList<ApiCategory> Categories, IReadOnlyList<ApiOccurrence> Occurrences, string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ApiRecurrence? Recurrence,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BodyHtml);

/// <summary>
/// /api/v1/events (every event, series and programme) and /api/v1/series (the recurring ones), by start (the first
/// session's) then id, each with all its occurrences. Join links only where the organiser made them public.
/// </summary>
internal static class EventsApi
{
    public static void MapEventsApi(this RouteGroupBuilder api)
    {
        Map(api, "/events", "Events", series: false,
            ("List events", "Events, series and programmes, earliest start first, each with every occurrence as UTC instants and the organiser's IANA time zone."),
            ("Get an event", "One event, series or programme with its description as sanitised HTML."));
        Map(api, "/series", "Series", series: true,
            ("List recurring series", "Series made by a recurrence rule (weekly webinars, monthly calls), earliest first, with the rule and each session."),
            ("Get a series", "One recurring series with its rule, every session and its description."));
    }

    private static void Map(RouteGroupBuilder api, string path, string tag, bool series, (string Summary, string Description) list,
        (string Summary, string Description) item)
    {
        var group = api.MapGroup(path).WithTags(tag);
        group.MapRead("", (HttpContext http, ChorusDb db, string? lang, string? limit, string? cursor, string? from, string? to, string? category,
                CancellationToken ct) => ListAsync(http, db, series, lang, limit, cursor, from, to, category, ct))
            .Describe<ApiPage<ApiEvent>>(list.Summary, list.Description);
        group.MapRead("/{slug}", (HttpContext http, ChorusDb db, string slug, string? lang, CancellationToken ct) => ReadAsync(http, db, series, slug, lang, ct))
            .Describe<ApiEvent>(item.Summary, item.Description, found: true);
    }

    private static IQueryable<Event> Public(ChorusDb db, bool series) => series
        ? db.Events.AsNoTracking().Where(e => e.DeletedAt == null && e.Kind == EventKind.Series)
        : db.Events.AsNoTracking().Where(e => e.DeletedAt == null);

    private static IQueryable<Event> Whole(IQueryable<Event> events) => events.AsSplitQuery().Include(e => e.Translations)
        .Include(e => e.Sessions).ThenInclude(s => s.Host).Include(e => e.Hosts).ThenInclude(h => h.Organisation).Include(e => e.Categories);

    private static async Task<IResult> ListAsync(HttpContext http, ChorusDb db, bool series, string? lang, string? limit, string? cursor,
        string? from, string? to, string? category, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var size = q.Limit(limit);
        var after = q.Cursor(cursor, instant: true);
        var (start, end) = (q.Instant("from", from), q.Instant("to", to));
        var categorySlug = await q.CategoryAsync(db, category, ct);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        var events = Public(db, series)
            .WhereIf(categorySlug is not null, e => e.Categories.Any(c => c.Slug == categorySlug))
            .WhereIf(start is not null, e => e.EndsAt >= start)
            .WhereIf(end is not null, e => e.StartsAt < end);
        if (after is { } c && c.TryGetInstant(out var at))
        {
            events = events.Where(e => e.StartsAt > at || (e.StartsAt == at && e.Id > c.Id));
        }
        var page = await events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(size + 1).Select(e => new { e.Id, e.StartsAt }).ToListAsync(ct);
        var more = ApiResults.Cut(page, size);
        var ids = page.Select(p => p.Id).ToList();
        var loaded = await Whole(db.Events.AsNoTracking().Where(e => ids.Contains(e.Id))).ToDictionaryAsync(e => e.Id, ct);
        return ApiResults.Page(http, [.. page.Select(p => ToApi(loaded[p.Id], q, withBody: false))],
            more ? new ApiCursor(page[^1].StartsAt, page[^1].Id) : null);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, ChorusDb db, bool series, string slug, string? lang, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var key = q.Text("slug", slug);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        return await Whole(Public(db, series)).FirstOrDefaultAsync(e => e.Slug == key, ct) is { } e
            ? ApiResults.Item(http, ToApi(e, q, withBody: true))
            : ApiResults.NotFound(series ? "series" : "event", slug);
    }

    private static ApiEvent ToApi(Event e, ApiQuery q, bool withBody)
    {
        var text = EventTexts.Best(e, q.Chain);
        var hosts = e.Hosts.OrderBy(h => h.Position).Select(h => Link(h.Organisation, q)).ToList();
        var categories = e.Categories.Select(c => new ApiCategory(c.Slug, c.Names.FirstOrDefault(n => n.Culture == q.Culture)?.Name ?? c.Name))
            .OrderBy(c => c.Name, StringComparer.Create(CultureInfo.GetCultureInfo(q.Culture), ignoreCase: true)).ToList();
        return new ApiEvent(e.Id, e.Slug, ApiQuery.Name(e.Kind), text.Title, text.Summary, text.Culture, ApiQuery.Name(e.Format), ApiQuery.Name(e.Status),
            e.TimeZone, e.StartsAt, e.EndsAt, e.Venue, e.JoinUrlPublic ? e.JoinUrl : null, e.InterpretationLanguages, ApiQuery.Name(e.Registration),
            e.ExternalUrl, q.Absolute(e.RecordingUrl), q.Absolute(e.ReportUrl), e.Partners, hosts, categories, Occurrences(e, q),
            $"{q.Origin}/{q.Culture}/events/{Uri.EscapeDataString(e.Slug)}", Rule(e), withBody ? text.BodyHtml : null);
    }

    /// <summary>The sessions of a series or programme in time order; a single event (or one with no sessions) is its own only occurrence.</summary>
    private static List<ApiOccurrence> Occurrences(Event e, ApiQuery q)
    {
        if (!e.HasSessions || e.Sessions.Count == 0)
        {
            var status = e.Status == EventStatus.Cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled;
            return [new ApiOccurrence(1, null, null, e.StartsAt, e.EndsAt, e.TimeZone, Local(e.LocalStart), Local(e.LocalEnd), ApiQuery.Name(status),
                null, null, null, e.JoinUrlPublic ? e.JoinUrl : null)];
        }
        return [.. e.Sessions.OrderBy(s => s.StartsAt).ThenBy(s => s.Number).Select(s => new ApiOccurrence(s.Number, s.Title, s.Description,
            s.StartsAt, s.EndsAt, s.TimeZone, Local(s.LocalStart), Local(s.LocalEnd), ApiQuery.Name(s.Status), s.Language,
            s.Host is { } host ? Link(host, q) : null, s.HostName, e.JoinUrlPublic ? s.JoinUrl ?? e.JoinUrl : null))];
    }

    private static ApiRecurrence? Rule(Event e)
    {
        if (e.Kind != EventKind.Series || e.Recurrence is not { } rule)
        {
            return null;
        }
        var last = e.Sessions.Where(s => s.RuleLocalStart is not null).Select(s => s.RuleLocalStart!.Value).DefaultIfEmpty(e.LocalStart).Max();
        var rrule = rule.ToRRule(LocalDate.FromDateTime(e.LocalStart), Instant.FromDateTimeUtc(EventTimes.ToUtc(last, e.TimeZone)));
        return new ApiRecurrence(ApiQuery.Name(rule.Frequency), Math.Max(1, rule.Interval), [.. rule.Weekdays.Select(Recurrence.Code)], rule.MonthDay,
            rule.Ordinal, rule.Until, rule.Count, [.. rule.Exclusions.Order()], rrule);
    }

    private static ApiOrganisationLink Link(Organisations.Organisation o, ApiQuery q) =>
        new(o.Slug, o.Name, o.Acronym, q.Origin + OrganisationsApi.ProfilePath(q.Culture, o.Slug));

    /// <summary>A wall-clock time as ISO 8601 without an offset: it belongs to the zone beside it.</summary>
    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
}
