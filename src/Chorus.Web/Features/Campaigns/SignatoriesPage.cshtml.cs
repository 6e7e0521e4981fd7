using System.Globalization;
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
/// letter in the reader's language. Grouping sorts by names in that language, which the database does not know,
/// so the (filtered) published rows of one campaign are sorted here and paged by offset.
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
        Total = await db.Signatures.Counted(c.Id).CountAsync(ct);
        Description = S["{0} organisations and people have endorsed “{1}”.", Total, Text.Title];
        if (!c.PublicList)
        {
            return Page();
        }
        var present = await db.Signatures.Counted(c.Id).Where(s => s.Country != null).Select(s => s.Country!).Distinct().ToListAsync(ct);
        CountryChoices = [.. Countries.Sorted(present.Select(Countries.Get).OfType<Country>(), Culture)];
        var rows = await Signatories.LoadAsync(db, c.Id, new SignatoryFilter(Country, TypeFilter, BadgeFilter, Q), ct);
        Matching = rows.Count;
        var compare = CultureInfo.GetCultureInfo(Culture).CompareInfo;
        var order = Comparer<string>.Create((a, b) => compare.Compare(a, b, CompareOptions.IgnoreCase));
        var grouped = rows.GroupBy(Heading).OrderBy(g => g.Key == "" ? "\uffff" : g.Key, order)
            .SelectMany(g => g.OrderBy(s => s.Name, order).Select(s => (Heading: g.Key, Row: s)));
        Groups = [.. grouped.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .GroupBy(x => x.Heading).Select(g => (g.Key == "" ? S["International"].Value : g.Key, (IReadOnlyList<Signatory>)[.. g.Select(x => x.Row)]))];
        return Page();
    }

    private string Heading(Signatory s) => By switch
    {
        GroupBy.Country => s.Country is null ? "" : Countries.Name(s.Country, Culture),
        GroupBy.Type => s.IsIndividual ? S["Individuals"] : s.Type is { } t ? S[OrganisationLabels.Of(t)] : S["Other"],
        _ => s.Name.Length > 0 ? s.Name[..1].ToUpper(CultureInfo.GetCultureInfo(Culture)) : "#",
    };

    public string Link(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["by"] = By == GroupBy.Country ? null : By.ToString(), ["country"] = Country, ["type"] = TypeFilter?.ToString(),
            ["badge"] = BadgeFilter?.ToString(), ["q"] = Q, ["page"] = page == 1 ? null : page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is { Length: > 0 } q ? q : "?";
}
