using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Events;

/// <summary>A session as the page shows it: its times in its own zone and, when known and different, the reader's.</summary>
internal sealed record SessionView(EventSession Session, ZonedSpan Local, ZonedSpan? Reader, bool LiveNow, bool Next);

/// <summary>
/// /{culture}/events/{slug}: an event, a series or a programme with every time in the organiser's zone and the
/// reader's, the sessions (numbered topics, moved and cancelled ones marked), an around-the-clock view of a
/// programme, how to register, calendar files and links, and schema.org Event data.
/// </summary>
internal sealed class EventPageModel(ChorusDb db, ShownData shown, TimeProvider clock) : SitePageModel
{
    public Event Event { get; private set; } = null!;

    public EventText Text { get; private set; } = null!;

    public string? ReaderZoneId { get; private set; }

    public ZonedSpan Local { get; private set; } = null!;

    public ZonedSpan? Reader { get; private set; }

    public IReadOnlyList<SessionView> Sessions { get; private set; } = [];

    public RegistrationState Registration { get; private set; }

    public DateTime Now { get; private set; }

    /// <summary>The consultations presented at this event.</summary>
    public IReadOnlyList<Features.Consultations.ConsultationLink> Consultations { get; private set; } = [];

    public string JsonLd { get; private set; } = "";

    public bool IsPast => Event.EndsAt < Now;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().AsSplitQuery().Where(x => x.Slug == slug && x.DeletedAt == null)
            .Include(x => x.Sessions).ThenInclude(s => s.Host).Include(x => x.Translations).Include(x => x.Hosts).ThenInclude(h => h.Organisation)
            .Include(x => x.Categories).Include(x => x.Image).FirstOrDefaultAsync(ct);
        if (e is null)
        {
            return NotFound();
        }
        Event = e;
        Now = clock.GetUtcNow().UtcDateTime;
        Text = EventTexts.Best(e, Chain);
        (Title, Description, Image) = (Text.Title, Text.Summary, Site.SiteIdentity.Image(e.Image));
        // Search engines are told of the languages the event is really written in, as the sitemap does.
        TranslatedCultures = [Event.Culture, .. Event.Translations.Select(t => t.Culture)];
        ReaderZoneId = ReaderZone.Of(HttpContext);
        (Local, Reader) = Spans(e.StartsAt, e.EndsAt, e.TimeZone);
        var next = e.Sessions.Where(s => s.Status == SessionStatus.Scheduled && s.StartsAt > Now).OrderBy(s => s.StartsAt).FirstOrDefault();
        Sessions = [.. e.Sessions.OrderBy(s => s.StartsAt).Select(s =>
        {
            var (local, reader) = Spans(s.StartsAt, s.EndsAt, s.TimeZone);
            return new SessionView(s, local, reader, s.Status == SessionStatus.Scheduled && s.StartsAt <= Now && Now < s.EndsAt, s == next);
        })];
        Registration = await RegistrationRules.StateAsync(db, e, Now, ct);
        Consultations = await Features.Consultations.ConsultationLinks.OfAsync(db, shown, HttpContext, Chain, Now, e.Id, null, ct);
        JsonLd = SchemaOrg(e);
        return Page();
    }

    private (ZonedSpan Local, ZonedSpan? Reader) Spans(DateTime start, DateTime end, string zone) =>
        EventTimes.ForReader(start, end, zone, ReaderZoneId);

    public string Path => $"/{Culture}/events/{Event.Slug}";

    /// <summary>
    /// What the web-calendar links add: a series' next session (its last, once all are over), saying so on the page, since
    /// those forms take one occurrence and a rule of their own cannot carry moved or cancelled sessions (the .ics does);
    /// any other event whole.
    /// </summary>
    public (DateTime Start, DateTime End) WebCalendarSpan
    {
        get
        {
            if (!IsSeries)
            {
                return (Event.StartsAt, Event.EndsAt);
            }
            var scheduled = Event.Sessions.Where(s => s.Status == SessionStatus.Scheduled).OrderBy(s => s.StartsAt).ToList();
            return (scheduled.FirstOrDefault(s => s.EndsAt > Now) ?? scheduled.LastOrDefault()) is { } session
                ? (session.StartsAt, session.EndsAt) : (Event.StartsAt, Event.EndsAt);
        }
    }

    public bool IsSeries => Event.Kind == EventKind.Series;

    /// <summary>The event's calendar file as a subscription a calendar app keeps up to date.</summary>
    public string SubscribeLink => "webcal://" + new Uri(Request.Origin()).Authority + $"{Path}.ics";

    /// <summary>A link that opens Google Calendar's "new event" form filled in; the page itself loads nothing from Google.</summary>
    public string GoogleLink()
    {
        var (start, end) = WebCalendarSpan;
        return "https://calendar.google.com/calendar/render" + QueryString.Create(new Dictionary<string, string?>
        {
            ["action"] = "TEMPLATE", ["text"] = Text.Title, ["dates"] = $"{Utc(start)}/{Utc(end)}", ["ctz"] = Event.TimeZone,
            ["details"] = $"{Text.Summary}\n\n{Request.Origin()}{Path}",
            ["location"] = Event.Venue ?? (Event.JoinUrlPublic ? Event.JoinUrl : null),
        });
        static string Utc(DateTime t) => t.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    public string OutlookLink()
    {
        var (start, end) = WebCalendarSpan;
        return "https://outlook.live.com/calendar/0/deeplink/compose" + QueryString.Create(new Dictionary<string, string?>
        {
            ["path"] = "/calendar/action/compose", ["rru"] = "addevent", ["subject"] = Text.Title,
            ["startdt"] = Utc(start), ["enddt"] = Utc(end),
            ["body"] = $"{Text.Summary}\n\n{Request.Origin()}{Path}",
            ["location"] = Event.Venue ?? (Event.JoinUrlPublic ? Event.JoinUrl : null),
        });
        static string Utc(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// schema.org data: an Event, or for a series an EventSeries whose sessions are its subEvents; the place with its address
    /// for people who come, the online room for those who join (both for a hybrid event); organisers with their profiles.
    /// </summary>
    private string SchemaOrg(Event e)
    {
        var origin = Request.Origin();
        var url = $"{origin}{Path}";
        var place = new Dictionary<string, object?> { ["@type"] = "Place", ["name"] = e.Venue, ["address"] = e.Venue };
        var online = new Dictionary<string, object?> { ["@type"] = "VirtualLocation", ["url"] = e.JoinUrlPublic && e.JoinUrl is not null ? e.JoinUrl : url };
        object location = e.Format switch { EventFormat.Online => online, EventFormat.InPerson => place, _ => new[] { place, online } };
        string Status(bool cancelled) => "https://schema.org/Event" + (cancelled ? "Cancelled" : e.Status == EventStatus.Postponed ? "Postponed" : "Scheduled");
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org", ["@type"] = IsSeries ? "EventSeries" : "Event", ["name"] = Text.Title, ["description"] = Text.Summary,
            ["url"] = url, ["startDate"] = Offset(e.StartsAt, e.TimeZone), ["endDate"] = Offset(e.EndsAt, e.TimeZone),
            ["eventStatus"] = Status(e.Status == EventStatus.Cancelled),
            ["eventAttendanceMode"] = "https://schema.org/" + (e.Format switch { EventFormat.Online => "Online", EventFormat.InPerson => "Offline", _ => "Mixed" }) + "EventAttendanceMode",
            ["location"] = location,
            ["organizer"] = e.Hosts.OrderBy(h => h.Position).Select(h => new Dictionary<string, object?>
            {
                ["@type"] = "Organization", ["name"] = h.Organisation.Name,
                ["url"] = $"{origin}/{Culture}/organizations/{Uri.EscapeDataString(h.Organisation.Slug)}",
            }).ToList(),
            ["inLanguage"] = Text.Culture,
            ["image"] = Origins.Absolute(origin, e.Image?.Url()),
        };
        if (IsSeries)
        {
            data["subEvent"] = e.Sessions.OrderBy(s => s.StartsAt).Select(s => new Dictionary<string, object?>
            {
                ["@type"] = "Event", ["name"] = s.Title is null ? Text.Title : $"{Text.Title}: {s.Title}", ["url"] = url,
                ["startDate"] = Offset(s.StartsAt, s.TimeZone), ["endDate"] = Offset(s.EndsAt, s.TimeZone),
                ["eventStatus"] = Status(s.Status == SessionStatus.Cancelled || e.Status == EventStatus.Cancelled),
                ["eventAttendanceMode"] = data["eventAttendanceMode"], ["location"] = location,
            }).ToList();
        }
        return Infrastructure.SchemaOrg.Json(data);
    }

    private static string Offset(DateTime utc, string zone) =>
        NodaTime.Instant.FromDateTimeUtc(utc).InZone(EventTimes.Zone(zone)).ToDateTimeOffset().ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
