using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.WordPress.Admin;

/// <summary>/admin/import/{id}: how far an uploaded import got, and its report when it ends. Reloading shows the latest; with script it updates itself.</summary>
[Authorize(Roles = Roles.Admin)]
internal sealed class ImportStatusModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public ImportRun Run { get; private set; } = null!;

    public bool Finished => Run.State is ImportState.Done or ImportState.Failed;

    /// <summary>The report's lines in the reader's language; none before the import ends.</summary>
    public IReadOnlyList<string> Report { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await db.ImportRuns.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } run)
        {
            return NotFound();
        }
        (Run, Title) = (run, S["Import of {0}", run.FileName]);
        Report = run.Report.Length == 0 ? []
            : [.. (System.Text.Json.JsonSerializer.Deserialize<WordPressImportResult>(run.Report) ?? new()).Lines((text, values) => S[text, values])];
        return Page();
    }

    /// <summary>The progress as JSON, for the page's script: state, items done, items in all.</summary>
    public async Task<IActionResult> OnGetProgressAsync(int id, CancellationToken ct) =>
        await db.ImportRuns.AsNoTracking().Where(r => r.Id == id).Select(r => new { r.State, r.Done, r.Total }).SingleOrDefaultAsync(ct) is { } progress
            ? new JsonResult(new ImportProgress(progress.State.ToString(), progress.Done, progress.Total, progress.State is ImportState.Done or ImportState.Failed))
            : NotFound();
}

internal sealed record ImportProgress(string State, int Done, int Total, bool Finished);

internal static class ImportLabels
{
    public static string State(ImportState state) => state switch
    {
        ImportState.Queued => "Waiting to start",
        ImportState.Running => "Importing",
        ImportState.Done => "Done",
        _ => "Failed",
    };
}
