using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Organisations.Admin;

internal sealed record ReferenceCount(string Label, int Count);

/// <summary>
/// /admin/organisations/{id}/merge: folds a duplicate record into the one to keep. Every reference
/// (each feature's <see cref="IOrganisationReferences"/>) moves, empty fields of the kept record are
/// filled from the duplicate, and the duplicate is archived with its address leading to the kept one.
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class MergeModel(ChorusDb db, TimeProvider clock, IEnumerable<IOrganisationReferences> references,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int Id { get; set; }

    [BindProperty, Required(ErrorMessage = "Name the record to keep."), MaxLength(300)]
    public string Keep { get; set; } = "";

    [BindProperty] public int? KeepId { get; set; }

    public Organisation Duplicate { get; private set; } = null!;

    public Organisation? Kept { get; private set; }

    public IReadOnlyList<ReferenceCount> Moving { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var match = await OrganisationLookup.FindAsync(db, Keep, S, ct);
        if (match.Found is null || match.Found.Id == Id)
        {
            ModelState.AddModelError(nameof(Keep), match.Problem ?? S["Choose another record than this one."]);
            return Page();
        }
        Kept = match.Found;
        var moving = new List<ReferenceCount>();
        foreach (var reference in references)
        {
            moving.Add(new(reference.Label, await reference.CountAsync(db, Id, ct)));
        }
        Moving = moving;
        return Page();
    }

    public async Task<IActionResult> OnPostMergeAsync(CancellationToken ct)
    {
        ModelState.Remove(nameof(Keep));
        if (!await LoadAsync(ct) || KeepId is not { } keepId || keepId == Id)
        {
            return NotFound();
        }
        var kept = await db.Organisations.SingleOrDefaultAsync(o => o.Id == keepId && o.MergedIntoId == null, ct);
        var duplicate = await db.Organisations.SingleAsync(o => o.Id == Id, ct);
        if (kept is null)
        {
            return NotFound();
        }
        // The moves are only tracked until the one SaveChanges below: it all lands or none of it does.
        foreach (var reference in references)
        {
            await reference.MoveAsync(db, duplicate.Id, kept.Id, ct);
        }
        kept.Acronym ??= duplicate.Acronym;
        kept.Country ??= duplicate.Country;
        kept.Website ??= duplicate.Website;
        kept.LogoId ??= duplicate.LogoId;
        kept.JoinedOn = new[] { kept.JoinedOn, duplicate.JoinedOn }.Where(d => d is not null).Min();
        kept.EmailDomains = [.. kept.EmailDomains.Union(duplicate.EmailDomains)];
        if (kept.DescriptionMarkdown.Length == 0 && duplicate.DescriptionMarkdown.Length > 0)
        {
            (kept.DescriptionMarkdown, kept.Culture) = (duplicate.DescriptionMarkdown, duplicate.Culture);
        }
        duplicate.MergedIntoId = kept.Id;
        duplicate.ArchivedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["“{0}” was merged into this record; everything that named it now names this one.", duplicate.Name].Value;
        return Redirect($"/admin/organisations/{kept.Id}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == Id && o.MergedIntoId == null, ct) is not { } org)
        {
            return false;
        }
        Duplicate = org;
        Title = S["Merge “{0}” into another record", org.Name];
        return true;
    }
}
