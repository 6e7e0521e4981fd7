using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Redirects;

/// <summary>
/// /admin/redirects: the old site's addresses and where each now leads (an import writes them; staff add, remove and try
/// one).
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class RedirectsAdminModel(ChorusDb db, OldAddresses addresses, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 100;

    [FromQuery] public string? Q { get; set; }

    [FromQuery] public string? Try { get; set; }

    [BindProperty] public string? From { get; set; }

    [BindProperty] public string? To { get; set; }

    public IReadOnlyList<OldAddress> Rows { get; private set; } = [];

    public int Count { get; private set; }

    /// <summary>What trying <see cref="Try"/> found: its target, or null with <see cref="Tried"/> set when none.</summary>
    public string? TriedTarget { get; private set; }

    public bool Tried { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Try))
        {
            Tried = true;
            TriedTarget = OldAddresses.KeyOf(Try) is { } key ? await addresses.TargetAsync(db, key, ct) : null;
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var key = string.IsNullOrWhiteSpace(From) ? null : OldAddresses.KeyOf(From);
        if (key is null)
        {
            ModelState.AddModelError(nameof(From), S["Write the old address as a path, such as /2021/12/16/a-post/ or /?p=123, or as the full old address."]);
        }
        var to = To?.Trim() ?? "";
        if (to.Length is 0 or > 1000 || !LocalUrls.IsLocalOrWeb(to))
        {
            ModelState.AddModelError(nameof(To), S["Write a path on this site, such as /en/news/a-post, or a full address starting with https://."]);
        }
        if (key is not null && await db.OldAddresses.AnyAsync(a => a.From == key, ct))
        {
            ModelState.AddModelError(nameof(From), S["This old address already leads somewhere; remove it first."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.OldAddresses.Add(new OldAddress { From = key!, To = to, Source = "staff", CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        if (await db.OldAddresses.SingleOrDefaultAsync(a => a.Id == id, ct) is not { } address)
        {
            return NotFound();
        }
        db.OldAddresses.Remove(address);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Removed."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Title = S["Old addresses"];
        var rows = db.OldAddresses.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLowerInvariant();
            // Translated to SQL lower(…) LIKE on both databases; no .NET culture is involved.
#pragma warning disable CA1304, CA1311, CA1862
            rows = rows.Where(a => a.From.Contains(term) || a.To.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        Count = await rows.CountAsync(ct);
        Rows = await rows.OrderBy(a => a.From).Take(PageSize).ToListAsync(ct);
    }
}
