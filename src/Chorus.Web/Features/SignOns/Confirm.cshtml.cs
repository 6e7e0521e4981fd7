using Chorus.Web.Data;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.SignOns;

/// <summary>
/// /{culture}/campaigns/{slug}/confirm/{token}: the link from the email. Opening it shows what will be confirmed;
/// the button confirms (so a mail scanner that opens links does not use the single-use link up). The token alone
/// finds the signature: a campaign's address may change after the email was sent.
/// </summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class ConfirmModel(ChorusDb db, TimeProvider clock, PublicSuffixes suffixes, IOptions<CampaignOptions> options,
    Mailer mailer, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [FromRoute] public string Token { get; set; } = "";

    public Signature? Signature { get; private set; }
    public SignatureRules.ConfirmResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Prepare();
        var hash = PublicForms.HashToken(Token);
        Signature = await db.Signatures.AsNoTracking().Include(s => s.Campaign)
            .SingleOrDefaultAsync(s => s.ConfirmTokenHash == hash && s.State == SignatureState.Unconfirmed, ct);
        if (Signature is null)
        {
            Result = SignatureRules.ConfirmResult.NotFound;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Prepare();
        (Result, Signature) = await SignatureRules.ConfirmAsync(db, Token, clock.GetUtcNow().UtcDateTime,
            TimeSpan.FromDays(options.Value.ConfirmationDays), suffixes, TellFirstSignatoryAsync, ct);
        if (Result == SignatureRules.ConfirmResult.NotFound)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        if (Result == SignatureRules.ConfirmResult.Claimed)
        {
            mailer.Notify();
        }
        return Page();
    }

    /// <summary>Whoever signed first for the organisation hears, in their language, that someone else asked to speak for it.</summary>
    private async Task TellFirstSignatoryAsync(Signature claim, Signature entry, CancellationToken ct)
    {
        if (entry.Email is null)
        {
            return;
        }
        var title = SignatureRules.Best(claim.Campaign, [entry.Culture]).Title;
        await mailer.QueueAsync(db, entry.Email, entry.Culture, S => new MailContent(S["Someone else signed for {0}", entry.Name],
        [
            new MailText(S["Hello {0},", entry.SignatoryName ?? entry.Name]),
            new MailText(S["Someone using another email address has just confirmed an endorsement of “{0}” on behalf of {1}, which you signed.", title, entry.Name]),
            new MailText(S["Nothing has changed: your organisation's entry and your details stay as they are unless the secretariat, after review, decides otherwise."]),
            new MailText(S["If you do not know who this is, tell the secretariat."]),
        ]), ct: ct);
    }

    private void Prepare()
    {
        Title = S["Confirm your endorsement"];
        NoIndex = true;
    }
}
