using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Newsletter;

/// <summary>
/// /{culture}/newsletter/confirm?token=…: the link from the email. Opening it shows what will change; the button
/// confirms (a mail scanner that opens links confirms nothing).
/// </summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class ConfirmModel(ChorusDb db, TimeProvider clock, ExpiringTokens tokens, SubscriberLinks links,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromQuery] public string? Token { get; set; }

    public IReadOnlyList<ListChoice> Lists { get; private set; } = [];
    public string? Language { get; private set; }
    public bool Valid { get; private set; }
    public bool Done { get; private set; }
    public string? PreferencesUrl { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not ({ } request, { } subscriber))
        {
            return Page();
        }
        await request.ApplyAsync(db, subscriber, clock.GetUtcNow().UtcDateTime, S[Subscriptions.ConsentKey], ct);
        await db.SaveChangesAsync(ct);
        (Done, PreferencesUrl) = (true, links.PreferencesUrl(subscriber));
        return Page();
    }

    private async Task<(SubscriptionRequest?, Subscriber?)> LoadAsync(CancellationToken ct)
    {
        (Title, NoIndex) = (S["Confirm your newsletter subscription"], true);
        var request = SubscriptionRequest.Read(tokens, Token);
        var subscriber = request is null ? null : await request.FindAsync(db, ct);
        if (request is null || subscriber is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return (null, null);
        }
        Valid = true;
        Language = request.Culture;
        Lists = [.. (await db.OfferedAsync(Chain, ct)).Where(l => request.Lists.Contains(l.Id))];
        return (request, subscriber);
    }
}
