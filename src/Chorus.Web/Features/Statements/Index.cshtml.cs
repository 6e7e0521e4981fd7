using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Statements;

internal sealed record StatementRow(int Id, string Title, string Slug, string Culture, StatementType Type, DateOnly DeliveredOn, string? Venue);

/// <summary>The register: every published statement, newest delivery first, grouped by year.</summary>
internal sealed class StatementsModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<StatementRow> Items { get; private set; } = [];

    /// <summary>"yyyy-MM-dd.id" of the last row when older statements exist.</summary>
    public string? OlderCursor { get; private set; }

    /// <summary>Statements with a sign-on campaign whose list of endorsers is public: the campaign's address by statement.</summary>
    public IReadOnlyDictionary<int, string> Endorsers { get; private set; } = new Dictionary<int, string>();

    public async Task<IActionResult> OnGetAsync(string? before, CancellationToken ct)
    {
        var query = db.Posts.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime)
            .Where(p => p.Kind == PostKind.Statement && p.Statement != null);
        if (!string.IsNullOrEmpty(before))
        {
            var parts = before.Split('.');
            if (parts.Length != 2
                || !DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return BadRequest();
            }
            query = query.Where(p => p.Statement!.DeliveredOn < date || (p.Statement.DeliveredOn == date && p.Id < id));
        }
        var rows = await query.OrderByDescending(p => p.Statement!.DeliveredOn).ThenByDescending(p => p.Id)
            .Take(PageSize + 1)
            .Select(p => new StatementRow(p.Id, p.Title, p.Slug, p.Culture, p.Statement!.Type, p.Statement.DeliveredOn, p.Statement.Venue))
            .ToListAsync(ct);
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            OlderCursor = string.Create(CultureInfo.InvariantCulture, $"{rows[^1].DeliveredOn:yyyy-MM-dd}.{rows[^1].Id}");
        }
        var texts = await PostVersions.BestTextsAsync(db, [.. rows.Select(r => (r.Id, r.Culture))], Chain, ct);
        Items = [.. rows.Select(r => texts.TryGetValue(r.Id, out var t) ? r with { Title = t.Title, Culture = t.Culture } : r)];
        var ids = rows.Select(r => (int?)r.Id).ToList();
        Endorsers = await db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.PostId) && c.DeletedAt == null && c.PublicList)
            .GroupBy(c => c.PostId!.Value).Select(g => new { g.Key, Slug = g.Min(c => c.Slug)! }).ToDictionaryAsync(g => g.Key, g => g.Slug, ct);
        Title = S["Statements"];
        Feed = $"/{Culture}/statements/feed";
        Description = S["The coalition's statements, interventions and open letters, by year."];
        return Page();
    }
}
