using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Organisations.Admin;

/// <summary>
/// /admin/organisations/import: upload a CSV, see every row checked, then import all of it or nothing.
/// The checked text travels back in the confirmation form and is checked again before anything is written.
/// </summary>
[Authorize(Roles = Roles.Editors)]
[RequestFormLimits(ValueLengthLimit = MaxBytes * 2, MultipartBodyLengthLimit = MaxBytes * 2)]
internal sealed class ImportModel(ChorusDb db, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int MaxBytes = 2 * 1024 * 1024;

    /// <summary>Rows shown in a preview without problems; the rest are counted.</summary>
    public const int PreviewRows = 200;

    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The checked file's text, carried from the preview to the import.</summary>
    [BindProperty] public string? Csv { get; set; }

    public ImportPlan? Plan { get; private set; }

    public void OnGet() => Title = S["Import organisations"];

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        Title = S["Import organisations"];
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), S["Choose a CSV file to upload."]);
            return Page();
        }
        if (Upload.Length > MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), S["The file is larger than 2 MB; split it in parts."]);
            return Page();
        }
        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, ct);
        Csv = OrganisationCsv.Decode(buffer.ToArray());
        Plan = await OrganisationCsv.CheckAsync(db, Csv, site.Value.Cultures, S, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        Title = S["Import organisations"];
        if (string.IsNullOrEmpty(Csv) || Csv.Length > MaxBytes)
        {
            return BadRequest();
        }
        Plan = await OrganisationCsv.CheckAsync(db, Csv, site.Value.Cultures, S, ct);
        if (!Plan.CanImport)
        {
            // The directory changed since the preview, or the form was altered: show what is wrong now.
            return Page();
        }
        var (added, updated) = await OrganisationCsv.ApplyAsync(db, Plan, ct);
        TempData["Status"] = S["Imported: {0} ({1} new, {2} updated).", added + updated, added, updated].Value;
        return Redirect("/admin/organisations");
    }
}
