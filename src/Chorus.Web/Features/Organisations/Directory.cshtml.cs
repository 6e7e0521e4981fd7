using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

// string.Compare in queries becomes SQL's < and > on the folded names; no .NET culture is involved.
#pragma warning disable CA1309

namespace Chorus.Web.Features.Organisations;

internal sealed record DirectoryRow(int Id, string Name, string? Acronym, string Slug, string? Country, OrganisationType Type, Membership Membership);

/// <summary>One cell of the table of counts: organisations of one status in one country (null: international).</summary>
internal sealed record CountCell(string? Country, Membership Membership, int Count);

/// <summary>
/// /{culture}/organizations: the directory, alphabetical with a letter index, filtered by region (any M49
/// area), country, type, membership status and a search; counts by region and status and by type are links,
/// so "members in Africa" then "NGOs" is two clicks. Keyset paging on the folded name.
/// </summary>
internal sealed class DirectoryModel(ChorusDb db, ShownData data, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 50;

    public static readonly string[] Letters = [.. Enumerable.Range('A', 26).Select(c => ((char)c).ToString()), "#"];

    [FromQuery] public string? Q { get; set; }

    [FromQuery] public string? Region { get; set; }

    [FromQuery] public string? Country { get; set; }

    [FromQuery] public string? Type { get; set; }

    [FromQuery] public string? Status { get; set; }

    [FromQuery] public string? Letter { get; set; }

    public OrganisationType? TypeFilter { get; private set; }

    public Membership? StatusFilter { get; private set; }

    public IReadOnlyList<DirectoryRow> Rows { get; private set; } = [];

    public int Total { get; private set; }

    public int? NextAfter { get; private set; }

    public int? PreviousBefore { get; private set; }

    public IReadOnlyList<CountCell> Grid { get; private set; } = [];

    /// <summary>The grid summed by region (or "int" for international) and status, once, for the table of counts.</summary>
    private Dictionary<(string Region, Membership Status), int> _byRegion = [];

    public int RegionCount(string region, Membership? status) => status is { } s
        ? _byRegion.GetValueOrDefault((region, s))
        : _byRegion.Where(kv => kv.Key.Region == region).Sum(kv => kv.Value);

    public IReadOnlyDictionary<OrganisationType, int> TypeCounts { get; private set; } = new Dictionary<OrganisationType, int>();

    public IReadOnlyDictionary<string, int> LetterCounts { get; private set; } = new Dictionary<string, int>();

    public IReadOnlyList<Country> CountryChoices { get; private set; } = [];

    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Region is not null || Country is not null || TypeFilter is not null
        || StatusFilter is not null || Letter is not null;

    public async Task<IActionResult> OnGetAsync(int? after, int? before, CancellationToken ct)
    {
        if (!ParseFilters() || Q?.Length > 200)
        {
            return BadRequest();
        }
        Title = S["Organisations"];
        Description = S["The coalition's members, observers, co-conveners and partners around the world."];

        var counts = await CountsAsync(ct);
        Grid = counts.Grid(TypeFilter, Letter);
        _byRegion = Grid.GroupBy(c => (Region: c.Country is null ? OrganisationLabels.InternationalCode : Countries.Get(c.Country)?.Region ?? "", c.Membership))
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        Total = Grid.Where(c => InRegion(c.Country) && (StatusFilter is null || c.Membership == StatusFilter)).Sum(c => c.Count);
        // The same counts give the type links (within the chosen letter) and the letter index (within the chosen type).
        var typeLetter = counts.TypesAndLetters(Region, Country, StatusFilter);
        TypeCounts = typeLetter.Where(c => Letter is null || c.Initial == Letter).GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        LetterCounts = typeLetter.Where(c => TypeFilter is null || c.Type == TypeFilter).GroupBy(c => c.Initial).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        CountryChoices = [.. Countries.Sorted(Grid.Select(c => c.Country).Union(Country is null ? [] : [Country]).Distinct()
            .Select(Countries.Get).OfType<Country>(), Culture)];
        return await PageAsync(after, before, ct) ? Page() : BadRequest();
    }

    /// <summary>
    /// Listed organisations counted by country, status, type and initial: every count on the page is a sum of these. Without
    /// a search they are the same for every request, so they are read once and kept until an organisation is written
    /// (two GROUP BYs over every organisation on every request were most of this page's cost at 20,000 organisations).
    /// </summary>
    private async Task<DirectoryCounts> CountsAsync(CancellationToken ct)
    {
        var counts = Filter(region: false, status: false, type: false, letter: false)
            .GroupBy(o => new { o.Country, o.Membership, o.Type, o.Initial })
            .Select(g => new DirectoryCount(g.Key.Country, g.Key.Membership, g.Key.Type, g.Key.Initial, g.Count()));
        return Q is null
            ? await data.GetAsync("directory:counts", [Shown.Organisations], async token => new DirectoryCounts(await counts.ToListAsync(token)), ct)
            : new DirectoryCounts(await counts.ToListAsync(ct));
    }

    private bool ParseFilters()
    {
        Q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        Region = string.IsNullOrEmpty(Region) ? null : Region;
        Country = string.IsNullOrEmpty(Country) ? null : Country.ToUpperInvariant();
        Letter = string.IsNullOrEmpty(Letter) ? null : Letter.ToUpperInvariant();
        TypeFilter = ParseEnum<OrganisationType>(Type, out var typeOk);
        StatusFilter = ParseEnum<Membership>(Status, out var statusOk);
        return typeOk && statusOk
            && (Region is null || Region == OrganisationLabels.InternationalCode || Countries.Area(Region) is not null)
            && (Country is null || Countries.Get(Country) is not null)
            && (Letter is null || Letters.Contains(Letter));
    }

    private static T? ParseEnum<T>(string? text, out bool ok) where T : struct, Enum
    {
        ok = string.IsNullOrEmpty(text) || (!char.IsAsciiDigit(text[0]) && Enum.TryParse<T>(text, ignoreCase: true, out _));
        return ok && !string.IsNullOrEmpty(text) ? Enum.Parse<T>(text, ignoreCase: true) : null;
    }

    /// <summary>Whether a country (null: international) passes the region and country filters.</summary>
    public bool InRegion(string? country) => DirectoryCounts.InRegion(country, Region, Country);

    private IQueryable<Organisation> Filter(bool region = true, bool status = true, bool type = true, bool letter = true)
    {
        var query = db.Organisations.AsNoTracking().Where(o => o.ArchivedAt == null);
        if (Q is not null)
        {
            var term = Organisation.Fold(Q);
            query = query.Where(o => o.SearchText.Contains(term));
        }
        if (type && TypeFilter is { } t)
        {
            query = query.Where(o => o.Type == t);
        }
        if (status && StatusFilter is { } s)
        {
            query = query.Where(o => o.Membership == s);
        }
        if (region && Country is not null)
        {
            query = query.Where(o => o.Country == Country);
        }
        if (region && Region == OrganisationLabels.InternationalCode)
        {
            query = query.Where(o => o.Country == null);
        }
        else if (region && Region is not null)
        {
            var codes = Countries.In(Region);
            query = query.Where(o => codes.Contains(o.Country!));
        }
        if (letter && Letter is not null)
        {
            query = query.Where(o => o.Initial == Letter);
        }
        return query;
    }

    /// <summary>The page after organisation <paramref name="after"/> or before <paramref name="before"/>; false for an unknown cursor.</summary>
    private async Task<bool> PageAsync(int? after, int? before, CancellationToken ct)
    {
        var query = Filter();
        var cursorId = after ?? before;
        var cursor = cursorId is { } id
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.SortKey).FirstOrDefaultAsync(ct)
            : null;
        if (cursorId is not null && cursor is null)
        {
            return false;
        }
        List<DirectoryRow> rows;
        if (before is { } b)
        {
            rows = await Project(query.Where(o => string.Compare(o.SortKey, cursor) < 0 || (o.SortKey == cursor && o.Id < b))
                .OrderByDescending(o => o.SortKey).ThenByDescending(o => o.Id)).ToListAsync(ct);
            rows.Reverse();
            var more = rows.Count > PageSize;
            if (more)
            {
                rows.RemoveAt(0);
                PreviousBefore = rows[0].Id;
            }
            NextAfter = rows.Count > 0 ? rows[^1].Id : null;
        }
        else
        {
            if (after is { } a)
            {
                query = query.Where(o => string.Compare(o.SortKey, cursor) > 0 || (o.SortKey == cursor && o.Id > a));
            }
            rows = await Project(query.OrderBy(o => o.SortKey).ThenBy(o => o.Id)).ToListAsync(ct);
            if (rows.Count > PageSize)
            {
                rows.RemoveAt(PageSize);
                NextAfter = rows[^1].Id;
            }
            PreviousBefore = after is not null && rows.Count > 0 ? rows[0].Id : null;
        }
        Rows = rows;
        return true;
    }

    private static IQueryable<DirectoryRow> Project(IQueryable<Organisation> query) => query.Take(PageSize + 1)
        .Select(o => new DirectoryRow(o.Id, o.Name, o.Acronym, o.Slug, o.Country, o.Type, o.Membership));

    /// <summary>This page's address with some filters changed (null removes one); paging always starts again.</summary>
    public string Link(string? region = "", string? country = "", string? type = "", string? status = "", string? letter = "", string? q = "",
        int? after = null, int? before = null)
    {
        var values = new List<KeyValuePair<string, string?>>
        {
            new("q", q == "" ? Q : q),
            new("region", region == "" ? Region : region),
            new("country", country == "" ? Country : country),
            new("type", type == "" ? TypeFilter?.ToString() : type),
            new("status", status == "" ? StatusFilter?.ToString() : status),
            new("letter", letter == "" ? Letter : letter),
            new("after", after?.ToString(CultureInfo.InvariantCulture)),
            new("before", before?.ToString(CultureInfo.InvariantCulture)),
        };
        return $"/{Culture}/organizations{QueryString.Create(values.Where(v => !string.IsNullOrEmpty(v.Value)))}";
    }

    /// <summary>The name of a region filter value, for headings.</summary>
    public string AreaName(string code) => code == OrganisationLabels.InternationalCode
        ? S[OrganisationLabels.International] : S[Countries.Area(code)?.Name ?? code];
}
