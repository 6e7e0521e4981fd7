using Chorus.Web.Data;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.SignOns;

/// <summary>/{culture}/campaigns/{slug}/signature/{token}: the signer's own link to withdraw the endorsement or erase their contact details.</summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class ManageModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [FromRoute] public string Token { get; set; } = "";

    public Signature? Signature { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Signature!.State = SignatureState.Withdrawn;
        Signature.ModerationReason = "Withdrawn by the signatory.";
        await SignatureRules.EraseContactAsync(db, Signature, now, ct);
        await db.SaveChangesAsync(ct);
        Done = S["Your endorsement is withdrawn: it is no longer listed or counted, and your contact details are erased."];
        return Page();
    }

    public async Task<IActionResult> OnPostEraseAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        await SignatureRules.EraseContactAsync(db, Signature!, clock.GetUtcNow().UtcDateTime, ct);
        await db.SaveChangesAsync(ct);
        Done = S["Your contact details are erased. The endorsement itself stays listed; you can still withdraw it with this link."];
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Title = S["Your endorsement"];
        NoIndex = true;
        var hash = PublicForms.HashToken(Token);
        Signature = await db.Signatures.Include(s => s.Campaign)
            .SingleOrDefaultAsync(s => s.ManageTokenHash == hash, ct);
        return Signature is not null;
    }
}
