using Chorus.Web.Data;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Registrations;

/// <summary>
/// /{culture}/events/{slug}/register: our own registration form (never cached: it carries a per-visitor
/// antiforgery token). A place if one is left, else the waiting list; an email either way.
/// </summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class RegisterModel(ChorusDb db, TimeProvider clock, Mailer mailer, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Slug { get; set; } = "";

    [BindProperty] public RegistrationInput Input { get; set; } = new();

    public Event Event { get; private set; } = null!;

    public EventText Text { get; private set; } = null!;

    public RegistrationState State { get; private set; }

    public RegistrationStatus? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (State is not (RegistrationState.Open or RegistrationState.WaitingList))
        {
            ModelState.AddModelError("", S["Registration for this event is closed."]);
            return Page();
        }
        if (!Input.Consent)
        {
            ModelState.AddModelError("Input.Consent", S["Tick the box to agree, or we cannot register you."]);
        }
        var country = string.IsNullOrEmpty(Input.Country) ? null : Countries.Get(Input.Country)?.Code;
        if (!string.IsNullOrEmpty(Input.Country) && country is null)
        {
            ModelState.AddModelError("Input.Country", S["Choose a country from the list."]);
        }
        var interpretation = string.IsNullOrEmpty(Input.Interpretation) ? null : Input.Interpretation;
        if (interpretation is not null && !Event.InterpretationLanguages.Contains(interpretation))
        {
            ModelState.AddModelError("Input.Interpretation", S["Choose one of the languages offered."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var normalised = email.ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL upper(…) on both databases
        var registered = await db.Registrations.AsNoTracking()
            .Where(r => r.EventId == Event.Id && r.Status != RegistrationStatus.Cancelled && r.Email.ToUpper() == normalised)
            .Select(r => new { r.Name, r.Culture }).FirstOrDefaultAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        if (registered is not null)
        {
            // The page answers as it would for a new registration, so it reveals nobody's registration; the person is told
            // by email, by the name and in the language they registered with (not what this visitor typed).
            var title = EventTexts.Best(Event, [registered.Culture, Event.Culture]).Title;
            await mailer.QueueAsync(db, email, registered.Culture, S => new MailContent(S["Already registered: {0}", title],
            [
                new MailText(S["Hello {0},", registered.Name]),
                new MailText(S["Someone (we hope you) tried to register this address again for “{0}”. You are already registered or on the waiting list, and nothing has changed: your first email has the details and the link to cancel.", title]),
                new MailText(S["Details: {0}", $"{Origin}/{registered.Culture}/events/{Event.Slug}"]),
            ]), ct: ct);
            await db.SaveChangesAsync(ct);
            mailer.Notify();
            return RedirectToPage(null, new { culture = Culture, slug = Slug, done = (State == RegistrationState.WaitingList ? RegistrationStatus.Waiting : RegistrationStatus.Confirmed).ToString() });
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var organisation = Input.Organisation is { Length: > 0 } typed
            ? (await OrganisationLookup.FindAsync(db, typed, S, ct)).Found : null;
        var (token, hash) = PublicForms.NewToken();
        var registration = new Registration
        {
            EventId = Event.Id, Name = Input.Name.Trim(), Email = email, OrganisationId = organisation?.Id,
            OrganisationName = organisation?.Name ?? Input.Organisation?.Trim(), Country = country, Interpretation = interpretation,
            TimeZone = ReaderZone.Of(HttpContext), Culture = Culture, CreatedAt = now, ConsentAt = now, TokenHash = hash,
        };
        var ics = await Calendars.WriteAsync([Event], Origin, Culture, HttpContext.RequestServices);
        // The email is queued in the same save as the registration: both land or neither does.
        Result = await RegistrationRules.PlaceAsync(db, registration, Event, (r, ct) => RegistrationRules.TellAsync(mailer, db, r, Event, Origin, token, ics, ct), ct);
        mailer.Notify();
        return RedirectToPage(null, new { culture = Culture, slug = Slug, done = Result.ToString() });
    }

    private string Origin => Request.Origin();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var e = await db.Events.AsSplitQuery().Include(x => x.Translations).Include(x => x.Sessions)
            .FirstOrDefaultAsync(x => x.Slug == Slug && x.DeletedAt == null, ct);
        if (e is null)
        {
            return false;
        }
        (Event, Text) = (e, EventTexts.Best(e, Chain));
        Title = S["Register: {0}", Text.Title];
        NoIndex = true;
        State = await RegistrationRules.StateAsync(db, e, clock.GetUtcNow().UtcDateTime, ct);
        if (Request.Query["done"] is [{ } done] && Enum.TryParse<RegistrationStatus>(done, out var status))
        {
            Result = status;
        }
        return true;
    }
}
