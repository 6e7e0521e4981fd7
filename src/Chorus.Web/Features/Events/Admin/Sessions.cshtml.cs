using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Chorus.Web.Features.Events.Admin;

internal enum EditScope { This, Following, All }

internal sealed class SessionInput
{
    [MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")] public string? Title { get; set; }

    [MaxLength(5000, ErrorMessage = "The text is too long.")] public string? Description { get; set; }

    [MaxLength(64)] public string? TimeZone { get; set; }

    [Required(ErrorMessage = "Give the start date and time."), MaxLength(20)] public string Start { get; set; } = "";

    [Required(ErrorMessage = "Give the end date and time."), MaxLength(20)] public string End { get; set; } = "";

    [MaxLength(300)] public string? Host { get; set; }

    [MaxLength(16)] public string? Language { get; set; }

    [MaxLength(500), Url(ErrorMessage = "Enter the link as a full address starting with https://.")] public string? JoinUrl { get; set; }

    public bool Cancelled { get; set; }

    public EditScope Scope { get; set; }
}

/// <summary>
/// /admin/events/{id}/sessions: a series' occurrences (topic, description, a moved time, a cancellation; for this
/// session, this and the following ones, or all) or a programme's sessions (each with its own zone, host, language, link).
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class SessionsModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int Id { get; set; }

    [FromQuery(Name = "session")] public int? SessionId { get; set; }

    [BindProperty] public SessionInput Input { get; set; } = new();

    public Event Event { get; private set; } = null!;

    public EventSession? Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Editing is { } s)
        {
            Input = new SessionInput
            {
                Title = s.Title, Description = s.Description, TimeZone = s.TimeZone, Start = Format(s.LocalStart), End = Format(s.LocalEnd),
                Host = s.Host?.Slug ?? s.HostName, Language = s.Language, JoinUrl = s.JoinUrl, Cancelled = s.Status == SessionStatus.Cancelled,
            };
        }
        else
        {
            Input.TimeZone = Event.TimeZone;
        }
        return Page();
    }

    private static string Format(DateTime local) => EventEditModel.LocalPattern.Format(LocalDateTime.FromDateTime(local));

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Event.Kind == EventKind.Series && Editing is null)
        {
            return BadRequest();
        }
        var zone = Event.Kind == EventKind.Series ? Event.TimeZone : Input.TimeZone ?? Event.TimeZone;
        if (!EventTimes.IsZone(zone))
        {
            ModelState.AddModelError("Input.TimeZone", S["“{0}” is not a time zone; choose one from the list, such as Europe/Paris.", zone]);
        }
        var start = EventEditModel.LocalPattern.Parse((Input.Start ?? "").Trim());
        var end = EventEditModel.LocalPattern.Parse((Input.End ?? "").Trim());
        if (!start.Success)
        {
            ModelState.AddModelError("Input.Start", S["Enter the date and time as year-month-day and hours:minutes."]);
        }
        if (!end.Success || (start.Success && end.Value <= start.Value))
        {
            ModelState.AddModelError("Input.End", S["The end must come after the start."]);
        }
        int? hostId = null;
        string? hostName = null;
        if (Input.Host is { Length: > 0 } host)
        {
            var match = await OrganisationLookup.FindAsync(db, host, S, ct);
            (hostId, hostName) = match.Found is { } org ? (org.Id, null) : ((int?)null, host.Trim());
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var newStart = start.Value.ToDateTimeUnspecified();
        var newEnd = end.Value.ToDateTimeUnspecified();
        if (Editing is { } edited)
        {
            // The same change for this session, the following ones or all: times shift by the same amount.
            var shift = newStart - edited.LocalStart;
            var length = newEnd - newStart;
            var targets = Input.Scope switch
            {
                EditScope.All => Event.Sessions,
                EditScope.Following => [.. Event.Sessions.Where(s => s.LocalStart >= edited.LocalStart)],
                _ => [edited],
            };
            foreach (var s in targets)
            {
                s.LocalStart += shift;
                s.LocalEnd = s.LocalStart + length;
                s.Description = Blank(Input.Description);
                s.Status = Input.Cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled;
                if (Event.Kind == EventKind.Programme)
                {
                    (s.TimeZone, s.HostId, s.HostName, s.Language, s.JoinUrl) = (zone, hostId, hostName, Blank(Input.Language), Blank(Input.JoinUrl));
                }
            }
            edited.Title = Blank(Input.Title);
        }
        else
        {
            Event.Sessions.Add(new EventSession
            {
                Title = Blank(Input.Title), Description = Blank(Input.Description), TimeZone = zone, LocalStart = newStart, LocalEnd = newEnd,
                HostId = hostId, HostName = hostName, Language = Blank(Input.Language), JoinUrl = Blank(Input.JoinUrl),
                Status = Input.Cancelled ? SessionStatus.Cancelled : SessionStatus.Scheduled,
            });
        }
        EventSchedule.Derive(Event);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return Redirect($"/admin/events/{Id}/sessions");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int session, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Event.Kind != EventKind.Programme || Event.Sessions.FirstOrDefault(s => s.Id == session) is not { } s)
        {
            return NotFound();
        }
        Event.Sessions.Remove(s);
        EventSchedule.Derive(Event);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Deleted."].Value;
        return Redirect($"/admin/events/{Id}/sessions");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var e = await db.Events.Include(x => x.Sessions).ThenInclude(s => s.Host).SingleOrDefaultAsync(x => x.Id == Id && x.DeletedAt == null, ct);
        if (e is null || e.Kind == EventKind.Single)
        {
            return false;
        }
        Event = e;
        Editing = SessionId is { } sid ? e.Sessions.FirstOrDefault(s => s.Id == sid) : null;
        Title = S["Sessions of “{0}”", e.Title];
        return SessionId is null || Editing is not null;
    }
}
