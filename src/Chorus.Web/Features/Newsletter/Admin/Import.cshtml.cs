using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Newsletter.Admin;

/// <summary>
/// /admin/newsletter/subscribers/import: upload a Mailchimp audience export, see what each row becomes (and what is
/// skipped), then import. The checked text travels back in the confirmation form and is checked again before writing.
/// </summary>
[Authorize(Roles = Roles.Editors)]
[RequestFormLimits(ValueLengthLimit = MaxBytes * 2, MultipartBodyLengthLimit = MaxBytes * 2)]
internal sealed class SubscriberImportModel(ChorusDb db, TimeProvider clock, Mailer mailer, ExpiringTokens tokens, IOptions<SiteOptions> site,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int MaxBytes = 8 * 1024 * 1024;
    public const int PreviewRows = 200;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public string? Csv { get; set; }

    /// <summary>The list for rows whose tags name none.</summary>
    [BindProperty] public int? ListId { get; set; }

    public IReadOnlyList<ListChoice> Lists { get; private set; } = [];
    public SubscriberImportPlan? Plan { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Upload is null || Upload.Length == 0 || Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), S["Choose a CSV file to upload."]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        Csv = Organisations.OrganisationCsv.Decode(buffer.ToArray());
        Plan = await MailchimpImport.CheckAsync(db, Csv, ListId, site.Value.Cultures, S, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (string.IsNullOrEmpty(Csv) || Csv.Length > MaxBytes)
        {
            return BadRequest();
        }
        Plan = await MailchimpImport.CheckAsync(db, Csv, ListId, site.Value.Cultures, S, ct);
        if (Plan.FileProblems.Count > 0)
        {
            return Page();
        }
        var origin = Request.Origin();
        var (confirmed, invited) = await MailchimpImport.ApplyAsync(db, Plan, clock.GetUtcNow().UtcDateTime,
            (s, lists) => ConfirmationMail.QueueAsync(db, mailer, tokens, site.Value, origin, s, s.Culture, lists, ConfirmationMail.Kind.Invitation, ct), ct);
        mailer.Notify();
        TempData["Status"] = S["Imported: {0} subscribed, {1} invited to confirm, {2} skipped.", confirmed, invited, Plan.Rows.Count - confirmed - invited].Value;
        return Redirect("/admin/newsletter/subscribers");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Title = S["Import a Mailchimp audience"];
        Lists = await db.OfferedAsync(Chain, ct);
    }
}
