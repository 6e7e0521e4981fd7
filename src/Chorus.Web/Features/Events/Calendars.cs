using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Chorus.Web.Features.Events;

/// <summary>
/// iCalendar files (Ical.Net): one event or series at /{culture}/events/{slug}.ics, every upcoming event at
/// /{culture}/events.ics for calendar apps to subscribe to. Times are written in the organiser's zone with
/// its VTIMEZONE, a series as RRULE with EXDATE for cancelled dates and RECURRENCE-ID for changed sessions.
/// </summary>
internal static class Calendars
{
    public const int FeedSize = 300;

    public static void MapCalendars(this WebApplication app)
    {
        app.MapRead("/{culture:culture}/events/{slug}.ics", async (string culture, string slug, ChorusDb db, HttpContext http, CancellationToken ct) =>
        {
            var e = await Load(db).FirstOrDefaultAsync(x => x.Slug == slug, ct);
            return e is null ? Results.NotFound() : await IcsAsync(http, [e], culture, $"{slug}.ics");
        }).CacheOutput(PublicPages.Policy).WithMetadata(new ShowsAttribute(Shown.Events));

        app.MapRead("/{culture:culture}/events.ics", async (string culture, ChorusDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // What a subscribed calendar needs: the last week and the coming year, at most FeedSize events
            // (calendar apps poll this; an unbounded file would cost seconds and hundreds of MB to write).
            var events = await Load(db).Where(e => e.EndsAt >= now.AddDays(-7) && e.StartsAt <= now.AddYears(1))
                .OrderBy(e => e.StartsAt).Take(FeedSize).ToListAsync(ct);
            return await IcsAsync(http, events, culture, "events.ics");
        }).CacheOutput(PublicPages.Policy).WithMetadata(new ShowsAttribute(Shown.Events)); // a post's write leaves calendars cached
    }

    private static IQueryable<Event> Load(ChorusDb db) => db.Events.AsNoTracking().AsSplitQuery()
        .Where(e => e.DeletedAt == null).Include(e => e.Sessions).Include(e => e.Translations);


    /// <summary>The file with an ETag and Last-Modified (the latest change of its events), so a subscribed calendar app
    /// polling an unchanged calendar gets a 304.</summary>
    private static async Task<FileName> IcsAsync(HttpContext http, List<Event> events, string culture, string name) => new(ConditionalGet.Respond(http,
        System.Text.Encoding.UTF8.GetBytes(await WriteAsync(events, http.Request.Origin(), culture, http.RequestServices)), "text/calendar; charset=utf-8",
        events.Count == 0 ? null : events.Max(e => e.UpdatedAt)), name);

    // SEQUENCE must grow with every change a calendar app should take (RFC 5545 3.8.7.4): the event's last change in
    // seconds since 2020 grows with each, with no counter to keep (a 32-bit integer until 2088).
    private static int Sequence(Event e) => (int)Math.Max(0, (e.UpdatedAt - new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds);

    public static async Task<string> WriteAsync(IReadOnlyList<Event> events, string origin, string culture, IServiceProvider services)
    {
        var site = services.GetRequiredService<IOptions<SiteOptions>>().Value;
        var chain = site.FallbackChain(culture);
        var calendar = new Ical.Net.Calendar { ProductId = "-//Chorus//Events//EN" };
        // The coalition's name in the calendar's language, as the site's header shows it.
        calendar.AddProperty("X-WR-CALNAME", (await services.GetRequiredService<Site.SiteIdentity>().BrandAsync(culture)).Name.Text);
        foreach (var zone in events.SelectMany(e => e.Sessions.Select(s => s.TimeZone).Append(e.TimeZone)).Distinct(StringComparer.Ordinal))
        {
            var earliest = events.Min(e => e.StartsAt).AddYears(-1);
            calendar.AddTimeZone(zone, earliest, includeHistoricalData: false);
        }
        foreach (var e in events)
        {
            var text = EventTexts.Best(e, chain);
            var url = $"{origin}/{culture}/events/{e.Slug}";
            var description = string.Join("\n\n", new[] { text.Summary, e.JoinUrlPublic ? e.JoinUrl : null, url }.Where(s => !string.IsNullOrWhiteSpace(s)));
            CalendarEvent Vevent(string uid, string summary, DateTime localStart, DateTime localEnd, string zone) => new()
            {
                Uid = uid, Summary = summary, Description = description, Url = new Uri(url),
                Start = new CalDateTime(localStart, zone, true), End = new CalDateTime(localEnd, zone, true),
                DtStamp = new CalDateTime(e.UpdatedAt, "UTC", true), Sequence = Sequence(e),
                Location = e.Venue ?? (e.JoinUrlPublic ? e.JoinUrl : null),
                Status = e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED",
            };
            var host = new Uri(origin).Host;
            switch (e.Kind)
            {
                case EventKind.Series when e.Recurrence is { } rule && e.Sessions.Count > 0:
                    var sessions = e.Sessions.Where(s => s.RuleLocalStart is not null).OrderBy(s => s.RuleLocalStart).ToList();
                    var first = sessions[0].RuleLocalStart!.Value;
                    var length = e.LocalEnd - e.LocalStart;
                    var master = Vevent($"event-{e.Id}@{host}", text.Title, first, first + length, e.TimeZone);
                    var lastStart = Instant.FromDateTimeUtc(EventTimes.ToUtc(sessions[^1].RuleLocalStart!.Value, e.TimeZone));
                    master.RecurrenceRule = new RecurrencePattern(rule.ToRRule(LocalDate.FromDateTime(first), lastStart));
                    var time = first.TimeOfDay;
                    foreach (var excluded in rule.Exclusions.Select(d => d.ToDateTime(TimeOnly.FromTimeSpan(time)))
                        .Concat(sessions.Where(s => s.Status == SessionStatus.Cancelled).Select(s => s.RuleLocalStart!.Value)).Distinct().Order())
                    {
                        master.ExceptionDates.Add(new CalDateTime(excluded, e.TimeZone, true));
                    }
                    calendar.Events.Add(master);
                    foreach (var s in sessions.Where(s => s.Status == SessionStatus.Scheduled && (s.IsMoved || s.Title is not null)))
                    {
                        var changed = Vevent($"event-{e.Id}@{host}", s.Title is null ? text.Title : $"{text.Title}: {s.Title}", s.LocalStart, s.LocalEnd, s.TimeZone);
                        changed.RecurrenceIdentifier = new RecurrenceIdentifier(new CalDateTime(s.RuleLocalStart!.Value, e.TimeZone, true));
                        changed.Description = string.Join("\n\n", new[] { s.Description is null ? null : ContentMarkdown.ToPlainText(s.Description), description }.Where(x => !string.IsNullOrWhiteSpace(x)));
                        calendar.Events.Add(changed);
                    }
                    break;
                case EventKind.Programme when e.Sessions.Count > 0:
                    foreach (var s in e.Sessions.OrderBy(s => s.StartsAt))
                    {
                        var session = Vevent($"event-{e.Id}-session-{s.Id}@{host}", $"{text.Title}: {s.Title}", s.LocalStart, s.LocalEnd, s.TimeZone);
                        session.Status = s.Status == SessionStatus.Cancelled || e.Status == EventStatus.Cancelled ? "CANCELLED" : "CONFIRMED";
                        calendar.Events.Add(session);
                    }
                    break;
                default:
                    calendar.Events.Add(Vevent($"event-{e.Id}@{host}", text.Title, e.LocalStart, e.LocalEnd, e.TimeZone));
                    break;
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>An .ics response with a file name, so a click saves or opens it in the calendar app.</summary>
    private sealed class FileName(IResult inner, string name) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.ContentDisposition = $"inline; filename=\"{name}\"";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
