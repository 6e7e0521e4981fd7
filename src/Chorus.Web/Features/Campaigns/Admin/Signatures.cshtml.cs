using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Audit;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Campaigns.Admin;

/// <summary>
/// /admin/campaigns/{id}/signatures: the moderation queue (Moderators and Admins). Filters by state, badge, country
/// and name; approve or reject several at once with a reason; the export with private fields. Every write is audited.
/// </summary>
[Authorize(Roles = CampaignsExtensions.Moderators)]
internal sealed class SignaturesModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 200;

    [FromRoute] public int Id { get; set; }
    [FromQuery(Name = "state")] public SignatureState? State { get; set; }
    [FromQuery(Name = "badge")] public Badge? BadgeFilter { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "before")] public int? Before { get; set; }

    [BindProperty] public List<int> Ids { get; set; } = [];

    /// <summary>Every signature the page showed, for "approve/reject all on this page": those, not what matches the filter now.</summary>
    [BindProperty] public List<int> Shown { get; set; } = [];
    [BindProperty] public string? Action { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Campaign Campaign { get; private set; } = null!;
    public IReadOnlyList<Signature> Rows { get; private set; } = [];

    /// <summary>The entries that submissions on this page ask to replace, by id, shown beside them.</summary>
    public IReadOnlyDictionary<int, Signature> Claimed { get; private set; } = new Dictionary<int, Signature>();
    public IReadOnlyDictionary<SignatureState, int> Counts { get; private set; } = new Dictionary<SignatureState, int>();
    public int? Older { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Id, ct) is not { } campaign)
        {
            return NotFound();
        }
        db.RecordExport(HttpContext, clock, nameof(Signature), Id.ToString(CultureInfo.InvariantCulture), $"Signatures of campaign {Id} with contact data");
        await db.SaveChangesAsync(ct);
        var rows = db.Signatures.AsNoTracking().Where(s => s.CampaignId == Id && s.State != SignatureState.Unconfirmed).OrderBy(s => s.Id).AsAsyncEnumerable();
        return CsvDownload.File($"signatures-{campaign.Slug}-private.csv",
            ["id", "state", "name", "kind", "country", "type", "website", "badge", "badge_reason", "signatory", "role", "email",
                "contact_consent", "consent_utc", "confirmed_utc", "version", "text_sha256", "language", "comment", "moderation_reason"],
            rows, s => [s.Id.ToString(CultureInfo.InvariantCulture), s.State.ToString(), s.Name, s.IsIndividual ? "individual" : "organisation",
                s.Country ?? "", s.Type?.ToString() ?? "", s.Website ?? "", s.Badge.ToString(), s.BadgeReason ?? "", s.SignatoryName ?? "",
                s.SignatoryRole ?? "", s.Email ?? "", s.ContactConsent ? "yes" : "no", Utc(s.ConsentAt), s.ConfirmedAt is { } at ? Utc(at) : "",
                s.Version.ToString(CultureInfo.InvariantCulture), s.TextHash ?? "", s.Culture, s.Comment ?? "", s.ModerationReason ?? ""]);
    }

    private static string Utc(DateTime at) => at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Approve or reject the ticked signatures, or all those the page showed; a rejection needs a reason (it is kept and audited).
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var reject = Action is "reject" or "reject-all";
        if (Action is not ("approve" or "reject" or "approve-all" or "reject-all"))
        {
            ModelState.AddModelError("", S["Choose approve or reject."]);
        }
        var ids = Action is "approve-all" or "reject-all" ? Shown : Ids;
        if (ids.Count == 0)
        {
            ModelState.AddModelError("", S["Tick at least one signature."]);
        }
        if (reject && string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), S["Give a reason for rejecting."]);
        }
        if ((Reason?.Length ?? 0) > 500)
        {
            ModelState.AddModelError(nameof(Reason), S["Keep the reason under 500 characters."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var chosen = await db.Signatures.Where(s => s.CampaignId == Id && ids.Contains(s.Id)
            && (s.State == SignatureState.Pending || s.State == SignatureState.Published || s.State == SignatureState.Rejected)).ToListAsync(ct);
        var done = 0;
        var refused = new List<string>();
        foreach (var s in chosen)
        {
            if (!reject && s.ClaimsSignatureId is { } claimed)
            {
                var entry = await db.Signatures.SingleOrDefaultAsync(e => e.Id == claimed
                    && (e.State == SignatureState.Published || e.State == SignatureState.Pending), ct);
                // A verified entry is replaced only by an equally or better verified submission.
                if (entry is not null && s.Badge < entry.Badge)
                {
                    refused.Add(S["{0} ({1}) cannot replace an entry that is {2}.", s.Name, S[CampaignLabels.Of(s.Badge)], S[CampaignLabels.Of(entry.Badge)]]);
                    continue;
                }
                if (entry is not null)
                {
                    await SignatureRules.ReplaceAsync(db, entry, s, ct);
                    done++;
                    continue;
                }
                // The entry it claimed is no longer listed: this becomes the organisation's signature.
                s.ClaimsSignatureId = null;
            }
            s.State = reject ? SignatureState.Rejected : SignatureState.Published;
            s.ModerationReason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();
            done++;
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = string.Join(' ', [(reject ? S["Rejected: {0}.", done] : S["Approved: {0}.", done]).Value, .. refused]);
        return Redirect($"/admin/campaigns/{Id}/signatures{Request.QueryString}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == Id, ct) is not { } campaign)
        {
            return false;
        }
        Campaign = campaign;
        Title = S["Signatures: {0}", campaign.Title];
        Counts = await db.Signatures.AsNoTracking().Where(s => s.CampaignId == Id).GroupBy(s => s.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var query = db.Signatures.AsNoTracking().Where(s => s.CampaignId == Id);
        query = State is { } state ? query.Where(s => s.State == state) : query.Where(s => s.State != SignatureState.Unconfirmed);
        if (BadgeFilter is { } badge)
        {
            query = query.Where(s => s.Badge == badge);
        }
        if (Countries.Get(Country)?.Code is { } country)
        {
            query = query.Where(s => s.Country == country);
        }
        if (Organisation.Fold(Q ?? "") is { Length: > 0 } folded)
        {
            query = query.Where(s => s.SortKey.Contains(folded));
        }
        if (Before is { } before)
        {
            query = query.Where(s => s.Id < before);
        }
        var rows = await query.OrderByDescending(s => s.Id).Take(PageSize + 1).ToListAsync(ct);
        Older = rows.Count > PageSize ? rows[PageSize - 1].Id : null;
        Rows = rows.Take(PageSize).ToList();
        var claimed = Rows.Where(s => s.ClaimsSignatureId is not null).Select(s => s.ClaimsSignatureId!.Value).ToList();
        Claimed = claimed.Count == 0 ? new Dictionary<int, Signature>()
            : await db.Signatures.AsNoTracking().Where(s => claimed.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        return true;
    }

    public string Link(int before) => QueryString.Create(new Dictionary<string, string?>
    {
        ["state"] = State?.ToString(), ["badge"] = BadgeFilter?.ToString(), ["country"] = Country, ["q"] = Q,
        ["before"] = before.ToString(CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
