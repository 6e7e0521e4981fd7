using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Chorus.Web.Features.Organisations;

/// <summary>Listed organisations of one country (null: international), status, type and initial.</summary>
internal sealed record DirectoryCount(string? Country, Membership Membership, OrganisationType Type, string Initial, int Count);

/// <summary>
/// Every count the directory shows, summed from one read of (country, status, type, initial) cells. The sums a filter
/// needs are made once per filter and kept with the cells: the filters are validated choices (a few hundred
/// combinations at most), and summing twenty thousand cells with LINQ on every request cost as much as the SQL it replaced.
/// </summary>
internal sealed class DirectoryCounts(IReadOnlyList<DirectoryCount> cells)
{
    private readonly ConcurrentDictionary<(OrganisationType?, string?), IReadOnlyList<CountCell>> _grids = new();
    private readonly ConcurrentDictionary<(string?, string?, Membership?), IReadOnlyList<DirectoryCount>> _typesAndLetters = new();

    /// <summary>Counts by country and status of the organisations of a type and an initial (null: any).</summary>
    public IReadOnlyList<CountCell> Grid(OrganisationType? type, string? letter) => _grids.GetOrAdd((type, letter), key =>
    {
        var sums = new Dictionary<(string?, Membership), int>();
        foreach (var c in cells)
        {
            if ((type is null || c.Type == type) && (letter is null || c.Initial == letter))
            {
                CollectionsMarshal.GetValueRefOrAddDefault(sums, (c.Country, c.Membership), out _) += c.Count;
            }
        }
        return [.. sums.Select(s => new CountCell(s.Key.Item1, s.Key.Item2, s.Value))];
    });

    /// <summary>Counts by type and initial (country left empty) of the organisations in a region or country and of a status (null: any).</summary>
    public IReadOnlyList<DirectoryCount> TypesAndLetters(string? region, string? country, Membership? status) =>
        _typesAndLetters.GetOrAdd((region, country, status), key =>
        {
            var sums = new Dictionary<(OrganisationType, string), int>();
            foreach (var c in cells)
            {
                if ((status is null || c.Membership == status) && InRegion(c.Country, region, country))
                {
                    CollectionsMarshal.GetValueRefOrAddDefault(sums, (c.Type, c.Initial), out _) += c.Count;
                }
            }
            return [.. sums.Select(s => new DirectoryCount(null, default, s.Key.Item1, s.Key.Item2, s.Value))];
        });

    /// <summary>Whether a country (null: international) passes a region filter (an M49 area or "int") and a country filter.</summary>
    public static bool InRegion(string? country, string? region, string? chosenCountry) => (chosenCountry is null || country == chosenCountry) && region switch
    {
        null => true,
        OrganisationLabels.InternationalCode => country is null,
        _ => Countries.Get(country)?.IsIn(region) == true,
    };
}
