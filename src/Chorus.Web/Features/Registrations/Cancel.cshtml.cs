using Chorus.Web.Data;
using Chorus.Web.Features.Events;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Registrations;

/// <summary>/{culture}/events/registration/{token}: the link in a registrant's email, to see and cancel their registration.</summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class CancelModel(ChorusDb db, TimeProvider clock, Mailer mailer, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Token { get; set; } = "";

    public Registration? Registration { get; private set; }

    public EventText? Text { get; private set; }

    public bool Cancelled { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { Status: not RegistrationStatus.Cancelled } registration)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var promoted = await RegistrationRules.CancelAsync(db, registration, now, ct);
        // What was sent to them (the join link, this cancel link) is forgotten with the registration.
        await db.ForgetMailToAsync(registration.Email, ct);
        if (promoted is not null)
        {
            // The person moving up gets a new cancel link: only its hash was kept.
            var (token, hash) = PublicForms.NewToken();
            promoted.TokenHash = hash;
            var e = registration.Event;
            var origin = Request.Origin();
            // Told in their own language, not the language of the page of whoever cancelled.
            await RegistrationRules.TellAsync(mailer, db, promoted, e, origin, token,
                await Calendars.WriteAsync([e], origin, promoted.Culture, HttpContext.RequestServices), ct);
        }
        await db.SaveChangesAsync(ct);
        mailer.Notify();
        Cancelled = true;
        return Page();
    }

    private async Task<Registration?> LoadAsync(CancellationToken ct)
    {
        Title = S["Your registration"];
        NoIndex = true;
        var hash = PublicForms.HashToken(Token);
        Registration = await db.Registrations.Include(r => r.Event).ThenInclude(e => e.Translations).Include(r => r.Event.Sessions)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.TokenHash == hash, ct);
        Text = Registration is null ? null : EventTexts.Best(Registration.Event, Chain);
        return Registration;
    }
}
