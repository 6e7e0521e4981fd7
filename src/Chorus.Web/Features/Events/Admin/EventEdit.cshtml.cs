using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Content.Admin;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Features.Media;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace Chorus.Web.Features.Events.Admin;

/// <summary>/admin/events/new and /admin/events/{id}: an event, a series (with its rule) or a programme; a preview of its times around the world.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class EventEditModel(ChorusDb db, TimeProvider clock, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel, IFeaturedImageForm
{
    public IReadOnlyList<MediaItem> OfferedImages { private get; set; } = [];

    public int? ChosenImageId => Input.ImageId;

    public MediaChoice ImageChoice => MediaChoice.Featured(S, OfferedImages, Input.ImageId, ModelState);

    public static readonly LocalDateTimePattern LocalPattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    /// <summary>Where the preview shows the start: one city per region.</summary>
    public static readonly string[] PreviewZones = ["America/New_York", "America/Sao_Paulo", "Europe/Paris", "Africa/Nairobi", "Asia/Kolkata", "Asia/Manila", "Australia/Sydney"];

    [FromRoute] public string Id { get; set; } = "";

    [BindProperty] public EventInput Input { get; set; } = new();

    public Event? Existing { get; private set; }

    public IReadOnlyList<string> Cultures => site.Value.Cultures;

    public (DateTime Start, DateTime End)? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }
        if (Existing is { } e)
        {
            var hosts = await db.EventHosts.Where(h => h.EventId == e.Id).OrderBy(h => h.Position).Select(h => h.Organisation.Slug).ToListAsync(ct);
            var post = e.PostId is { } pid ? await db.Posts.Where(p => p.Id == pid).Select(p => p.Slug).FirstOrDefaultAsync(ct) : null;
            var r = e.Recurrence;
            Input = new EventInput
            {
                Title = e.Title, Slug = e.Slug, Summary = e.Summary, Body = e.BodyMarkdown, Culture = e.Culture, Kind = e.Kind, Format = e.Format,
                Status = e.Status, TimeZone = e.TimeZone, Start = Format(e.LocalStart), End = Format(e.LocalEnd), Venue = e.Venue, ImageId = e.ImageId, JoinUrl = e.JoinUrl,
                JoinUrlPublic = e.JoinUrlPublic, Interpretation = string.Join(", ", e.InterpretationLanguages), Hosts = string.Join('\n', hosts),
                Partners = e.Partners, Categories = string.Join(", ", e.Categories.Select(c => c.Name)), RecordingUrl = e.RecordingUrl,
                ReportUrl = e.ReportUrl, IsExternal = e.IsExternal, ExternalUrl = e.ExternalUrl, Registration = e.Registration, Capacity = e.Capacity,
                ClosesAt = e.RegistrationClosesAt is { } closes ? LocalPattern.Format(Instant.FromDateTimeUtc(closes).InZone(EventTimes.Zone(e.TimeZone)).LocalDateTime) : null,
                Post = post, Frequency = r?.Frequency ?? RecurrenceFrequency.Weekly, Interval = r?.Interval ?? 1,
                Weekdays = [.. r?.Weekdays.Select(Recurrence.Code) ?? []], MonthDay = r?.MonthDay, Ordinal = r?.Ordinal, Until = r?.Until, Count = r?.Count,
                Exclusions = string.Join('\n', (r?.Exclusions ?? []).Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
                Translations = e.Translations.ToDictionary(t => t.Culture, t => new EventTranslationInput { Title = t.Title, Summary = t.Summary, Body = t.BodyMarkdown }),
            };
            Preview = (e.StartsAt, e.EndsAt);
        }
        return Page();
    }

    private static string Format(DateTime local) => LocalPattern.Format(LocalDateTime.FromDateTime(local));

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }
        if (Times() is { } times)
        {
            Preview = (EventTimes.ToUtc(times.Start, Input.TimeZone), EventTimes.ToUtc(times.End, Input.TimeZone));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }
        var times = Times();
        var self = Existing?.Id ?? 0;
        Task<bool> Taken(string candidate) => db.Events.AnyAsync(e => e.Slug == candidate && e.Id != self, ct);
        var (slug, slugTaken) = await Slugs.ForFormAsync(Input.Slug, Input.Title, Taken);
        if (slugTaken)
        {
            ModelState.AddModelError("Input.Slug", S["Another event already uses the address “{0}”. Choose another.", slug]);
        }
        if (!Cultures.Contains(Input.Culture))
        {
            ModelState.AddModelError("Input.Culture", S["Choose one of the site's languages."]);
        }
        var interpretation = (Input.Interpretation ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (interpretation.FirstOrDefault(l => !Cultures.Contains(l)) is { } unknown)
        {
            ModelState.AddModelError("Input.Interpretation", S["“{0}” is not one of the site's languages ({1}).", unknown, string.Join(", ", Cultures)]);
        }
        var (hostIds, hostProblems) = await OrganisationLookup.FindLinesAsync(db, Input.Hosts, S, ct);
        hostProblems.ForEach(p => ModelState.AddModelError("Input.Hosts", p));
        int? postId = null;
        if (Input.Post is { Length: > 0 } postSlug)
        {
            postId = await db.Posts.Where(p => p.Slug == postSlug.Trim()).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
            if (postId is null)
            {
                ModelState.AddModelError("Input.Post", S["No post has the address “{0}”.", postSlug]);
            }
        }
        DateTime? closesAt = null;
        if (Input.ClosesAt is { Length: > 0 } closes)
        {
            var parsed = LocalPattern.Parse(closes.Trim());
            if (parsed.Success)
            {
                closesAt = EventTimes.ToUtc(parsed.Value.ToDateTimeUnspecified(), Input.TimeZone);
            }
            else
            {
                ModelState.AddModelError("Input.ClosesAt", S["Enter the date and time as year-month-day and hours:minutes."]);
            }
        }
        if (Input.Registration == RegistrationMode.External && string.IsNullOrWhiteSpace(Input.ExternalUrl))
        {
            ModelState.AddModelError("Input.ExternalUrl", S["Give the address where people register."]);
        }
        var exclusions = ParseExclusions();
        if (Input.Kind == EventKind.Series && Input.Until is null && Input.Count is null)
        {
            ModelState.AddModelError("Input.Count", S["Say when the series ends: a last date or a number of sessions."]);
        }
        foreach (var (culture, t) in Input.Translations.Where(t => t.Key != Input.Culture))
        {
            if (string.IsNullOrWhiteSpace(t.Title) && (!string.IsNullOrWhiteSpace(t.Summary) || !string.IsNullOrWhiteSpace(t.Body)))
            {
                ModelState.AddModelError("Input.Translations", $"{S[Chorus.Web.Infrastructure.Cultures.NameKey(culture)]}: {S["A translation needs its title."]}");
            }
        }
        await MediaChoice.CheckFeaturedAsync(db, Input.ImageId, ModelState, S, ct);
        if (!ModelState.IsValid || times is null)
        {
            return Page();
        }

        var e = Existing is { } existing
            ? await db.Events.Include(x => x.Sessions).Include(x => x.Categories).Include(x => x.Hosts).Include(x => x.Translations).AsSplitQuery().SingleAsync(x => x.Id == existing.Id, ct)
            : db.Events.Add(new Event { Title = "", Slug = "" }).Entity;
        e.Title = Input.Title.Trim();
        e.Slug = slug;
        e.Summary = Blank(Input.Summary);
        e.BodyMarkdown = Input.Body ?? "";
        e.Culture = Input.Culture;
        var kindChanged = e.Kind != Input.Kind && Existing is not null;
        e.Kind = Input.Kind;
        e.Format = Input.Format;
        e.Status = Input.Status;
        e.TimeZone = Input.TimeZone;
        (e.LocalStart, e.LocalEnd) = times.Value;
        e.Venue = Blank(Input.Venue);
        e.ImageId = Input.ImageId;
        e.JoinUrl = Blank(Input.JoinUrl);
        e.JoinUrlPublic = Input.JoinUrlPublic;
        e.InterpretationLanguages = interpretation;
        e.Partners = Blank(Input.Partners);
        e.RecordingUrl = Blank(Input.RecordingUrl);
        e.ReportUrl = Blank(Input.ReportUrl);
        e.IsExternal = Input.IsExternal;
        e.ExternalUrl = Blank(Input.ExternalUrl);
        e.Registration = Input.Registration;
        e.Capacity = Input.Capacity;
        e.RegistrationClosesAt = closesAt;
        e.PostId = postId;
        e.Translations.RemoveAll(t => !Cultures.Contains(t.Culture) || t.Culture == Input.Culture
            || string.IsNullOrWhiteSpace(Input.Translations.GetValueOrDefault(t.Culture)?.Title));
        foreach (var culture in Cultures.Where(c => c != Input.Culture))
        {
            if (Input.Translations.GetValueOrDefault(culture) is not { Title: { Length: > 0 } title } t)
            {
                continue;
            }
            var translation = e.Translations.FirstOrDefault(x => x.Culture == culture);
            if (translation is null)
            {
                e.Translations.Add(translation = new EventTranslation { Culture = culture, Title = "" });
            }
            (translation.Title, translation.Summary, translation.BodyMarkdown) = (title.Trim(), Blank(t.Summary), t.Body ?? "");
        }
        e.Hosts.Clear();
        e.Hosts.AddRange(hostIds.Select((id, n) => new EventHost { OrganisationId = id, Position = n }));
        e.Categories.Clear();
        e.Categories.AddRange(await CategoryLookup.FindOrAddAsync(db, PostInput.SplitList(Input.Categories), ct));
        if (kindChanged)
        {
            e.Sessions.Clear();
        }
        if (Input.Kind == EventKind.Series)
        {
            e.Recurrence = new Recurrence
            {
                Frequency = Input.Frequency, Interval = Input.Interval, ByDay = string.Join(",", Input.Weekdays),
                MonthDay = Input.Frequency == RecurrenceFrequency.Monthly && Input.Ordinal is null ? Input.MonthDay : null,
                Ordinal = Input.Frequency == RecurrenceFrequency.Monthly ? Input.Ordinal : null, Until = Input.Until, Count = Input.Count, Exclusions = exclusions,
            };
        }
        else
        {
            e.Recurrence = null;
            // A programme's sessions keep their own zones; a single event has none.
            if (Input.Kind == EventKind.Single)
            {
                e.Sessions.Clear();
            }
        }
        EventSchedule.Schedule(e);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return Redirect($"/admin/events/{e.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!int.TryParse(Id, CultureInfo.InvariantCulture, out var id) || await db.Events.FindAsync([id], ct) is not { } e)
        {
            return NotFound();
        }
        e.DeletedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Moved to the bin."].Value;
        return Redirect("/admin/events");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>The start and end as wall-clock times, or null with the fields' errors.</summary>
    private (DateTime Start, DateTime End)? Times()
    {
        if (!EventTimes.IsZone(Input.TimeZone))
        {
            ModelState.AddModelError("Input.TimeZone", S["“{0}” is not a time zone; choose one from the list, such as Europe/Paris.", Input.TimeZone ?? ""]);
            return null;
        }
        var start = LocalPattern.Parse((Input.Start ?? "").Trim());
        var end = LocalPattern.Parse((Input.End ?? "").Trim());
        if (!start.Success)
        {
            ModelState.AddModelError("Input.Start", S["Enter the date and time as year-month-day and hours:minutes."]);
        }
        if (!end.Success)
        {
            ModelState.AddModelError("Input.End", S["Enter the date and time as year-month-day and hours:minutes."]);
        }
        if (!start.Success || !end.Success)
        {
            return null;
        }
        if (end.Value <= start.Value)
        {
            ModelState.AddModelError("Input.End", S["The end must come after the start."]);
            return null;
        }
        return (start.Value.ToDateTimeUnspecified(), end.Value.ToDateTimeUnspecified());
    }

    private List<DateOnly> ParseExclusions()
    {
        var dates = new List<DateOnly>();
        var lines = (Input.Exclusions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            if (DateOnly.TryParseExact(lines[i], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                dates.Add(d);
            }
            else
            {
                ModelState.AddModelError("Input.Exclusions", S["Line {0}: write a date as year-month-day, such as 2021-12-07.", i + 1]);
            }
        }
        return dates;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Id == "new")
        {
            Title = S["New event"];
            return null;
        }
        if (!int.TryParse(Id, CultureInfo.InvariantCulture, out var id))
        {
            return NotFound();
        }
        Existing = await db.Events.AsNoTracking().AsSplitQuery().Include(e => e.Categories).Include(e => e.Translations).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (Existing is null)
        {
            return NotFound();
        }
        Title = S["Edit “{0}”", Existing.Title];
        return null;
    }
}
