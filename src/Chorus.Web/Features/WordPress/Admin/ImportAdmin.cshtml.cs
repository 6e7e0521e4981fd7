using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.WordPress.Admin;

/// <summary>
/// /admin/import: an Admin uploads a WordPress export (streamed to disk, checked whole before anything is queued) and the
/// import runs in the background (<see cref="ImportRunner"/>); the list shows every run and how far it got.
/// </summary>
[Authorize(Roles = Roles.Admin)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
internal sealed class ImportAdminModel(ChorusDb db, ImportRunner runner, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    /// <summary>Large enough for a coalition's years of posts (a 10,000-post export is about 60 MB).</summary>
    public const long MaxBytes = 300L * 1024 * 1024;

    [BindProperty] public IFormFile? Export { get; set; }

    [BindProperty] public string? Uploads { get; set; }

    [BindProperty] public string? StatementsCategory { get; set; } = "statements";

    [BindProperty] public bool TagsAsCategories { get; set; }

    public IReadOnlyList<ImportRun> Runs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Export is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(Export), S["Choose the export file: in WordPress, Tools › Export › All content."]);
        }
        var uploads = string.IsNullOrWhiteSpace(Uploads) ? null : Uploads.Trim();
        if (uploads is not null && (!Path.IsPathRooted(uploads) || !Directory.Exists(uploads)))
        {
            ModelState.AddModelError(nameof(Uploads), S["There is no folder {0} on this server. Write the full path of the copy of wp-content/uploads.", uploads]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        Directory.CreateDirectory(runner.Folder);
        var stored = $"{Guid.NewGuid():N}.xml";
        var path = Path.Combine(runner.Folder, stored);
        await using (var file = System.IO.File.Create(path))
        {
            await Export!.CopyToAsync(file, ct);
        }
        WordPressReport report;
        try
        {
            // Read whole before anything is queued: a file cut short or of another kind is refused here, with nothing written.
            await using var check = System.IO.File.OpenRead(path);
            report = WordPressReport.Read(check, uploads);
        }
        catch (WxrException e)
        {
            System.IO.File.Delete(path);
            ModelState.AddModelError(nameof(Export), S[e.Key, e.Args]);
            await LoadAsync(ct);
            return Page();
        }
        var run = new ImportRun
        {
            FileName = Path.GetFileName(Export!.FileName) is { Length: > 0 and <= 255 } name ? name : "export.xml", StoredName = stored, Uploads = uploads,
            StatementsCategory = string.IsNullOrWhiteSpace(StatementsCategory) ? null : StatementsCategory.Trim()[..Math.Min(StatementsCategory.Trim().Length, 200)],
            TagsAsCategories = TagsAsCategories, StartedBy = User.Identity?.Name ?? "", CreatedAt = clock.GetUtcNow().UtcDateTime,
            Total = report.Posts.Values.Sum() + report.Pages.Values.Sum(),
        };
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        runner.Notify();
        return Redirect($"/admin/import/{run.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Title = S["Import from WordPress"];
        Runs = await db.ImportRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(20).ToListAsync(ct);
    }
}
