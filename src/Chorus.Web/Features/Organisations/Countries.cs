using System.Collections.Frozen;
using System.Globalization;
using CsvHelper;

namespace Chorus.Web.Features.Organisations;

/// <summary>A UN M49 region ("Africa"), sub-region ("Sub-Saharan Africa") or intermediate region ("Western Africa").</summary>
internal sealed record Area(string Code, string Name, string? Parent);

/// <summary>An ISO 3166-1 country with its M49 areas and its name in each of the site's languages.</summary>
internal sealed record Country(string Code, string Alpha3, string Region, string SubRegion, string? Intermediate,
    FrozenDictionary<string, string> Names, string[] Aliases)
{
    public string NameIn(string culture) =>
        Names.TryGetValue(culture, out var name) || Names.TryGetValue(culture.Split('-')[0], out name) ? name : Names["en"];

    public bool IsIn(string area) => Region == area || SubRegion == area || Intermediate == area;
}

/// <summary>
/// Countries and UN M49 areas, from Countries.csv (written by tools/countries.py from Debian's
/// iso-codes and the UN's M49 table): .NET's RegionInfo names countries only in English or in
/// their own language, not in the reader's, and no package ships the M49 grouping.
/// </summary>
internal static class Countries
{
    public static readonly IReadOnlyList<Area> Regions =
    [
        new("002", "Africa", null), new("019", "Americas", null), new("142", "Asia", null),
        new("150", "Europe", null), new("009", "Oceania", null),
    ];

    public static readonly IReadOnlyList<Area> Areas =
    [
        Regions[0], new("015", "Northern Africa", "002"), new("202", "Sub-Saharan Africa", "002"),
        new("014", "Eastern Africa", "202"), new("017", "Middle Africa", "202"), new("018", "Southern Africa", "202"), new("011", "Western Africa", "202"),
        Regions[1], new("419", "Latin America and the Caribbean", "019"),
        new("029", "Caribbean", "419"), new("013", "Central America", "419"), new("005", "South America", "419"),
        new("021", "Northern America", "019"),
        Regions[2], new("143", "Central Asia", "142"), new("030", "Eastern Asia", "142"), new("035", "South-eastern Asia", "142"),
        new("034", "Southern Asia", "142"), new("145", "Western Asia", "142"),
        Regions[3], new("151", "Eastern Europe", "150"), new("154", "Northern Europe", "150"), new("039", "Southern Europe", "150"),
        new("155", "Western Europe", "150"),
        Regions[4], new("053", "Australia and New Zealand", "009"), new("054", "Melanesia", "009"), new("057", "Micronesia", "009"),
        new("061", "Polynesia", "009"),
    ];

    /// <summary>How deep an area sits: 0 for a region, 1 for a sub-region, 2 for an intermediate region.</summary>
    public static int Depth(Area area) => area.Parent is null ? 0 : Area(area.Parent)!.Parent is null ? 1 : 2;

    private static readonly FrozenDictionary<string, Area> AreasByCode = Areas.ToFrozenDictionary(a => a.Code);

    public static readonly FrozenDictionary<string, Country> ByCode = Load().ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every way a spreadsheet may name a country (codes, names in six languages, official names), folded.</summary>
    private static readonly FrozenDictionary<string, Country> ByAnyName = ByCode.Values
        .SelectMany(c => c.Names.Values.Concat(c.Aliases).Append(c.Code).Append(c.Alpha3).Select(n => (Key: Organisation.Fold(n), Country: c)))
        .Where(x => x.Key.Length > 0)
        .DistinctBy(x => x.Key)
        .ToFrozenDictionary(x => x.Key, x => x.Country);

    public static Area? Area(string? code) => code is not null && AreasByCode.TryGetValue(code, out var area) ? area : null;

    public static Country? Get(string? code) => code is not null && ByCode.TryGetValue(code, out var country) ? country : null;

    public static string Name(string? code, string culture) => Get(code)?.NameIn(culture) ?? code ?? "";

    /// <summary>The country a person typed: "FR", "FRA", "France", "Francia", "Côte d'Ivoire" or "cote divoire".</summary>
    public static Country? Find(string text) => ByAnyName.GetValueOrDefault(Organisation.Fold(text));

    /// <summary>The codes of the countries in an M49 area.</summary>
    public static string[] In(string area) => [.. ByCode.Values.Where(c => c.IsIn(area)).Select(c => c.Code)];

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Country[]> SortedIn = new(StringComparer.Ordinal);

    /// <summary>
    /// Countries sorted by their name in <paramref name="culture"/>, as its readers expect. The full order is
    /// computed once per language: ICU comparisons are slow enough to show on every directory page otherwise.
    /// </summary>
    public static IEnumerable<Country> Sorted(IEnumerable<Country> countries, string culture)
    {
        var all = SortedIn.GetOrAdd(culture, c =>
        {
            var compare = CultureInfo.GetCultureInfo(c).CompareInfo;
            return [.. ByCode.Values.OrderBy(country => country.NameIn(c), Comparer<string>.Create((a, b) => compare.Compare(a, b, CompareOptions.IgnoreCase)))];
        });
        var wanted = countries.ToHashSet();
        return all.Where(wanted.Contains);
    }

    private static List<Country> Load()
    {
        using var stream = typeof(Countries).Assembly.GetManifestResourceStream("Chorus.Web.Features.Organisations.Countries.csv")
            ?? throw new InvalidOperationException("Countries.csv is not embedded.");
        using var reader = CsvReader.Create(stream, CsvReaderOptions.Default, false);
        string[] cultures = ["en", "fr", "es", "ar", "zh", "ru"];
        var list = new List<Country>();
        while (reader.Read())
        {
            var intermediate = reader.GetString("intermediate");
            list.Add(new Country(
                reader.GetString("code"), reader.GetString("alpha3"), reader.GetString("region"), reader.GetString("subregion"),
                intermediate.Length == 0 ? null : intermediate,
                cultures.ToFrozenDictionary(c => c, reader.GetString),
                reader.GetString("aliases").Split('|', StringSplitOptions.RemoveEmptyEntries)));
        }
        return list;
    }
}
