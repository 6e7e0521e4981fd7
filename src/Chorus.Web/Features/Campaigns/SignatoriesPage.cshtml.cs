using System.Globalization;
using System.Linq.Expressions;
using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Campaigns;

internal enum GroupBy { Country, Type, Name }

/// <summary>
/// /{culture}/campaigns/{slug}/signatories: who endorsed, with how sure we are of each, grouped by country, type or
/// letter in the reader's language, paged by offset (a campaign has thousands of signatures, not millions).
/// </summary>
internal sealed class SignatoriesModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 100;

    [FromRoute] public string Slug { get; set; } = "";
    [FromQuery(Name = "by")] public GroupBy By { get; set; } = GroupBy.Country;
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "type")] public OrganisationType? TypeFilter { get; set; }
    [FromQuery(Name = "badge")] public Badge? BadgeFilter { get; set; }
    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public Campaign Campaign { get; private set; } = null!;
    public CampaignText Text { get; private set; } = null!;
    public int Total { get; private set; }
    public int Matching { get; private set; }
    public bool Open { get; private set; }
    public IReadOnlyList<(string Heading, IReadOnlyList<Signatory> Rows)> Groups { get; private set; } = [];
    public IReadOnlyList<Country> CountryChoices { get; private set; } = [];
    public int Pages => Math.Max(1, (Matching + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid || PageNumber < 1 || (Q?.Length ?? 0) > 200)
        {
            return BadRequest();
        }
        var c = await db.Campaigns.AsNoTracking().Include(x => x.Translations).FirstOrDefaultAsync(x => x.Slug == Slug && x.DeletedAt == null, ct);
        if (c is null)
        {
            return NotFound();
        }
        (Campaign, Text) = (c, SignatureRules.Best(c, Chain));
        Title = S["Endorsers: {0}", Text.Title];
        Open = c.IsOpen(clock.GetUtcNow().UtcDateTime);
        HttpContext.Show(Shown.Campaign(c.Id));
        // One count per country answers the total, the country choices and, unfiltered, the country groups.
        var byCountry = await db.Signatures.Counted(c.Id).GroupBy(s => s.Country).Select(g => new GroupCount(g.Key, g.Count())).ToListAsync(ct);
        Total = byCountry.Sum(g => g.Count);
        Description = S["{0} organisations and people have endorsed “{1}”.", Total, Text.Title];
        if (!c.PublicList)
        {
            return Page();
        }
        CountryChoices = [.. Countries.Sorted(byCountry.Select(g => g.Key).OfType<string>().Select(Countries.Get).OfType<Country>(), Culture)];
        var query = Signatories.Matching(db, c.Id, new SignatoryFilter(Country, TypeFilter, BadgeFilter, Q));
        var offset = (PageNumber - 1) * PageSize;
        if (By == GroupBy.Name)
        {
            Matching = await query.CountAsync(ct);
            var page = await Signatories.Alphabetical(query).Skip(offset).Take(PageSize).ToListAsync(ct);
            Groups = [.. page.GroupBy(s => Letter(s.SortKey)).Select(g => (g.Key, (IReadOnlyList<Signatory>)[.. g]))];
            return Page();
        }
        // Country and type names exist only in the reader's language: the database counts each group, the groups are
        // ordered here, and only the slices of the groups this page covers are read, in one statement.
        var filtered = Country is not null || TypeFilter is not null || BadgeFilter is not null || Q is { Length: > 0 };
        var groups = By == GroupBy.Country
            ? (filtered ? await query.GroupBy(s => s.Country).Select(g => new GroupCount(g.Key, g.Count())).ToListAsync(ct) : byCountry)
                .Select(g => (Heading: g.Key is null ? "" : Countries.Name(g.Key, Culture), g.Count, Key: (object?)g.Key,
                    Members: g.Key is null ? (Expression<Func<Signature, bool>>)(s => s.Country == null) : s => s.Country == g.Key))
            : (await query.GroupBy(s => new { s.IsIndividual, s.Type }).Select(g => new { g.Key.IsIndividual, g.Key.Type, Count = g.Count() }).ToListAsync(ct))
                .Select(g => (Heading: (string)(g.IsIndividual ? S["Individuals"] : g.Type is { } t ? S[OrganisationLabels.Of(t)] : S["Other"]), g.Count,
                    Key: (object?)(g.IsIndividual, g.Type), Members: (Expression<Func<Signature, bool>>)(s => s.IsIndividual == g.IsIndividual && s.Type == g.Type)));
        Func<Signatory, object?> keyOf = By == GroupBy.Country ? r => r.Country : r => (r.IsIndividual, r.Type);
        var compare = CultureInfo.GetCultureInfo(Culture).CompareInfo;
        var ordered = groups.Order(Comparer<(string Heading, int Count, object? Key, Expression<Func<Signature, bool>> Members)>.Create((a, b) =>
            a.Heading == "" ? (b.Heading == "" ? 0 : 1) : b.Heading == "" ? -1 : compare.Compare(a.Heading, b.Heading, CompareOptions.IgnoreCase))).ToList();
        Matching = ordered.Sum(g => g.Count);
        var shown = new List<(string Heading, object? Key)>();
        IQueryable<Signature>? slices = null;
        var room = PageSize;
        foreach (var (heading, count, key, members) in ordered)
        {
            if (room == 0)
            {
                break;
            }
            if (offset >= count)
            {
                offset -= count;
                continue;
            }
            var take = Math.Min(room, count - offset);
            var slice = Signatories.Sorted(query.Where(members)).Skip(offset).Take(take);
            slices = slices is null ? slice : slices.Concat(slice);
            shown.Add((heading, key));
            (offset, room) = (0, room - take);
        }
        var rows = slices is null ? [] : await Signatories.Alphabetical(slices).ToListAsync(ct);
        Groups = [.. shown.Select(g => (g.Heading == "" ? (string)S["International"] : g.Heading,
            (IReadOnlyList<Signatory>)[.. rows.Where(r => Equals(keyOf(r), g.Key))]))];
        return Page();
    }

    private sealed record GroupCount(string? Key, int Count);

    private static string Letter(string sortKey) =>
        sortKey.Length > 0 && char.IsLetter(sortKey[0]) ? char.ToUpperInvariant(sortKey[0]).ToString() : "#";

    public string Link(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["by"] = By == GroupBy.Country ? null : By.ToString(), ["country"] = Country, ["type"] = TypeFilter?.ToString(),
            ["badge"] = BadgeFilter?.ToString(), ["q"] = Q, ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is { Length: > 0 } q ? q : "?";
}
