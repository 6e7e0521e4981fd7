using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Campaigns.Admin;

/// <summary>
/// /admin/campaigns/{id}/signatures/{signatureId}: one signature with its private details; a moderator sets the badge
/// (with a reason) or merges a duplicate into the signature of the same signer that stays.
/// </summary>
[Authorize(Roles = CampaignsExtensions.Moderators)]
internal sealed class SignatureEditModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public int SignatureId { get; set; }

    [BindProperty] public Badge Badge { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? KeepId { get; set; }

    public Signature Signature { get; private set; } = null!;
    public IReadOnlyList<Signature> Similar { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Badge = Signature.Badge;
        return Page();
    }

    public async Task<IActionResult> OnPostBadgeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!Enum.IsDefined(Badge))
        {
            ModelState.AddModelError(nameof(Badge), S["Choose a badge from the list."]);
        }
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Length > 500)
        {
            ModelState.AddModelError(nameof(Reason), S["Say why (under 500 characters): the reason is kept with the badge."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        (Signature.Badge, Signature.BadgeReason) = (Badge, Reason!.Trim());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Badge changed."].Value;
        return Redirect($"/admin/campaigns/{Id}/signatures/{SignatureId}");
    }

    /// <summary>This signature is a duplicate of <see cref="KeepId"/>: it leaves the list and the count; the kept one stays as it is.</summary>
    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        // Only a listed (or pending) signature can be kept: one that was withdrawn stays withdrawn.
        var keep = KeepId is { } keepId && keepId != SignatureId
            ? await db.Signatures.SingleOrDefaultAsync(s => s.Id == keepId && s.CampaignId == Id
                && (s.State == SignatureState.Published || s.State == SignatureState.Pending), ct) : null;
        if (keep is null)
        {
            ModelState.AddModelError(nameof(KeepId), S["Give the number of another listed or pending signature of this campaign."]);
            return Page();
        }
        Signature.State = SignatureState.Merged;
        Signature.ModerationReason = S["Merged into signature {0}.", keep.Id];
        keep.OrganisationId ??= Signature.OrganisationId;
        if (Signature.Badge > keep.Badge)
        {
            (keep.Badge, keep.BadgeReason) = (Signature.Badge, Signature.BadgeReason);
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Merged into signature {0}.", keep.Id].Value;
        return Redirect($"/admin/campaigns/{Id}/signatures/{keep.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var s = await db.Signatures.Include(x => x.Campaign).Include(x => x.Organisation)
            .SingleOrDefaultAsync(x => x.Id == SignatureId && x.CampaignId == Id, ct);
        if (s is null)
        {
            return false;
        }
        Signature = s;
        Title = S["Signature {0}: {1}", s.Id, s.Name];
        var prefix = s.SortKey.Length > 6 ? s.SortKey[..6] : s.SortKey;
        Similar = await db.Signatures.AsNoTracking().Where(x => x.CampaignId == Id && x.Id != s.Id && x.State != SignatureState.Unconfirmed
                && (x.SignerKey == s.SignerKey || x.SortKey.StartsWith(prefix))).OrderBy(x => x.Id).Take(20).ToListAsync(ct);
        return true;
    }
}
