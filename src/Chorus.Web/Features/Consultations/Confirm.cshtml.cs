using Chorus.Web.Data;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Consultations;

internal enum ConfirmResult { Confirmed, Duplicate, Expired, NotFound, Closed }

/// <summary>
/// /{culture}/consultations/{slug}/confirm/{token}: the link from the email. Opening it shows what will be confirmed; the
/// button confirms (a mail scanner opening links does not use it up). Confirming gives the organisation its badge, as on sign-ons.
/// </summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class ConsultationConfirmModel(ChorusDb db, TimeProvider clock, PublicSuffixes suffixes, IOptions<CampaignOptions> options,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [FromRoute] public string Token { get; set; } = "";

    public Response? Found { get; private set; }
    public ConfirmResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Prepare();
        Found = await FindAsync(ct);
        if (Found is null)
        {
            Result = ConfirmResult.NotFound;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Prepare();
        Found = await FindAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (Found is not { } r)
        {
            Result = ConfirmResult.NotFound;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        if (r.UpdatedAt + TimeSpan.FromDays(options.Value.ConfirmationDays) < now)
        {
            Result = ConfirmResult.Expired;
            return Page();
        }
        if (!r.Consultation.IsOpen(now))
        {
            Result = ConfirmResult.Closed;
            return Page();
        }
        var id = r.Id;
        Result = await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct2 =>
        {
            // Read again inside the transaction (and again on a retry): a second press of the link finds it confirmed already.
            if (await db.ConsultationResponses.Include(x => x.Organisation)
                .SingleOrDefaultAsync(x => x.Id == id && x.State == ResponseState.Unconfirmed, ct2) is not { } r)
            {
                return ConfirmResult.NotFound;
            }
            (r.ConfirmTokenHash, r.ConfirmedAt) = (null, now);
            r.Badge = r.IsIndividual ? Badge.SelfDeclared : SignatureRules.BadgeFor(r.Organisation, r.Website, r.Email!, suffixes);
            var counts = await CountedOnce.CountAsync(db, r, ct2);
            await db.SaveChangesAsync(ct2);
            return counts ? ConfirmResult.Confirmed : ConfirmResult.Duplicate;
        }, ct);
        if (Result == ConfirmResult.NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    private Task<Response?> FindAsync(CancellationToken ct)
    {
        var hash = PublicForms.HashToken(Token);
        return db.ConsultationResponses.Include(r => r.Consultation).ThenInclude(c => c.Translations).Include(r => r.Organisation)
            .SingleOrDefaultAsync(r => r.ConfirmTokenHash == hash && r.State == ResponseState.Unconfirmed, ct);
    }

    public string ConsultationTitle => Found is { } r ? ConsultationRules.Best(r.Consultation, Chain).Title : "";

    private void Prepare()
    {
        Title = S["Confirm your answers"];
        NoIndex = true;
    }
}
