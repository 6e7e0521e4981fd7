using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Newsletter;

/// <summary>
/// /{culture}/newsletter: the subscribe form (the footer's small form sends its address here). Whatever the address —
/// new, already subscribed, erased — the answer is the same page: only its owner learns more, by email (an erased
/// address gets nothing). Never cached: it carries a per-visitor antiforgery token.
/// </summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class SubscribeModel(ChorusDb db, TimeProvider clock, Mailer mailer, ExpiringTokens tokens, IOptions<SiteOptions> site,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    private const string StartedPurpose = "Chorus.Newsletter.Started";
    private const int MinimumFillSeconds = 3;

    [BindProperty] public SubscribeInput Input { get; set; } = new();

    public IReadOnlyList<ListChoice> Lists { get; private set; } = [];
    public IReadOnlyList<string> Languages => site.Value.Cultures;
    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] string? email, CancellationToken ct)
    {
        await LoadAsync(ct);
        Sent = Request.Query.ContainsKey("sent");
        Input.Email = email is { Length: <= 320 } ? email.Trim() : "";
        Input.Language = Culture;
        // Every list ticked to start with: the reader unticks what they do not want.
        Input.Lists = [.. Lists.Select(l => l.Id)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var done = Redirect($"/{Culture}/newsletter?sent=1#done");
        // A robot filled in the field people cannot see: answer as if all went well, keep nothing.
        if (!string.IsNullOrEmpty(Input.Extra))
        {
            return done;
        }
        ModelState.CheckFillTime(tokens, StartedPurpose, Input.Started, TimeSpan.FromSeconds(MinimumFillSeconds), S);
        var language = Input.Language is { } l && Languages.Contains(l) ? l : Culture;
        var chosen = Input.Lists.Where(id => Lists.Any(x => x.Id == id)).Distinct().ToList();
        if (Lists.Count > 0 && chosen.Count == 0)
        {
            ModelState.AddModelError("Input.Lists", S["Choose at least one list."]);
        }
        if (!Input.Consent)
        {
            ModelState.AddModelError("Input.Consent", S["Tick the box to agree to receive the newsletter."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        if (await db.IsSuppressedAsync(email, ct))
        {
            return done; // erased at their request: nothing is sent, and the answer says nothing
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var key = Subscriptions.Key(email);
        var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.EmailKey == key, ct);
        var known = subscriber is not null;
        if (subscriber is null)
        {
            subscriber = new Subscriber
            {
                Email = email, EmailKey = key, Culture = language, State = SubscriberState.Pending, Source = "form", CreatedAt = now,
                LinkStamp = SubscriberLinks.NewStamp(), ConsentVersion = Subscriptions.ConsentVersion, ConsentText = S[Subscriptions.ConsentKey], ConsentAt = now,
                Lists = [.. chosen.Select(id => new SubscriberList { ListId = id, AddedAt = now })],
            };
            db.Subscribers.Add(subscriber);
            await db.SaveChangesAsync(ct);
        }
        // A known address changes nothing now: its owner confirms the change by the link (never silently added or dropped).
        await ConfirmationMail.QueueAsync(db, mailer, tokens, site.Value, Request.Origin(), subscriber, language, chosen,
            known ? ConfirmationMail.Kind.Change : ConfirmationMail.Kind.New, ct);
        await db.SaveChangesAsync(ct);
        mailer.Notify();
        return done;
    }

    public string StartedNow() => tokens.Seal(StartedPurpose);

    private async Task LoadAsync(CancellationToken ct)
    {
        Lists = await db.OfferedAsync(Chain, ct);
        (Title, Description, NoIndex) = (S["Newsletter"], S["Get the coalition's news by email, in your language."], false);
    }
}
