using System.Globalization;
using System.Text;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Organisations;

/// <summary>One row of an import file, checked: what it will write and what is wrong with it.</summary>
internal sealed record ImportRow(int Line, string Name, string? Acronym, string? Country, OrganisationType Type, Membership Membership,
    DateOnly? JoinedOn, string? Website, List<string> Domains, string? Description, string Slug, int? ExistingId, List<string> Problems);

/// <summary>A checked import file. Nothing is written unless every row is right.</summary>
internal sealed record ImportPlan(IReadOnlyList<ImportRow> Rows, IReadOnlyList<string> FileProblems, IReadOnlyList<string> IgnoredColumns,
    IReadOnlySet<string> Columns)
{
    public bool CanImport => FileProblems.Count == 0 && Rows.Count > 0 && Rows.All(r => r.Problems.Count == 0);

    public IEnumerable<ImportRow> WithProblems => Rows.Where(r => r.Problems.Count > 0);
}

/// <summary>
/// The directory as a spreadsheet: export, and import with a check of every row first. The columns are
/// those of the export; headers are matched loosely ("Organisation name", "Country code", "Status"…),
/// countries by code or by name in any of the site's languages, the separator (comma, semicolon, tab)
/// and the encoding (UTF-8, or Windows-1252 from older spreadsheet programs) are detected.
/// </summary>
internal static class OrganisationCsv
{
    public const int MaxRows = 5000;

    public static readonly string[] Header = ["name", "acronym", "country", "country_name", "type", "membership", "joined", "website", "email_domains", "description", "slug"];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["name"] = "name", ["organisation"] = "name", ["organization"] = "name", ["organisation name"] = "name", ["organization name"] = "name",
        ["nom"] = "name", ["nombre"] = "name",
        ["acronym"] = "acronym", ["abbreviation"] = "acronym", ["short name"] = "acronym", ["sigle"] = "acronym", ["sigla"] = "acronym",
        ["country"] = "country", ["country code"] = "country", ["pays"] = "country", ["pais"] = "country",
        ["country name"] = "country_name",
        ["type"] = "type", ["organisation type"] = "type", ["organization type"] = "type",
        ["membership"] = "membership", ["status"] = "membership", ["membership status"] = "membership", ["statut"] = "membership",
        ["joined"] = "joined", ["joined on"] = "joined", ["member since"] = "joined", ["date joined"] = "joined",
        ["website"] = "website", ["web"] = "website", ["url"] = "website", ["site"] = "website", ["web site"] = "website", ["site web"] = "website",
        ["email domains"] = "email_domains", ["email domain"] = "email_domains", ["domains"] = "email_domains",
        ["description"] = "description",
        ["slug"] = "slug", ["address"] = "slug",
    };

    /// <summary>The text of an uploaded file: UTF-8 (with or without a byte order mark), else Windows-1252.</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    public static async Task<ImportPlan> CheckAsync(ChorusDb db, string text, IReadOnlyList<string> cultures, IStringLocalizer S, CancellationToken ct)
    {
        var labels = new Labels(Words<OrganisationType>(OrganisationLabels.Of, cultures, S), Words<Membership>(OrganisationLabels.Of, cultures, S));
        var fileProblems = new List<string>();
        var rows = new List<ImportRow>();
        var ignored = new List<string>();
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var existing = await db.Organisations.AsNoTracking().Where(o => o.MergedIntoId == null)
            .Select(o => new { o.Id, o.Slug, o.SortKey, o.Country }).ToListAsync(ct);
        var bySlug = existing.ToDictionary(o => o.Slug, o => o.Id, StringComparer.Ordinal);
        var slugOf = existing.ToDictionary(o => o.Id, o => o.Slug);
        var byName = existing.GroupBy(o => (o.SortKey, o.Country)).ToDictionary(g => g.Key, g => g.First().Id);
        var slugsTaken = new HashSet<string>(bySlug.Keys, StringComparer.Ordinal);
        var seen = new Dictionary<(string, string?), int>();
        try
        {
            using var reader = CsvReader.FromText(text, CsvReaderOptions.Default with
            {
                TrackLineNumbers = true, TrimWhitespace = true, MalformedData = CsvMalformedDataHandling.Throw,
            });
            for (var i = 0; i < reader.Headers.Count; i++)
            {
                var header = reader.Headers[i];
                if (Aliases.TryGetValue(Organisation.Fold(header), out var column))
                {
                    columns.TryAdd(column, i);
                }
                else if (header.Length > 0)
                {
                    ignored.Add(header);
                }
            }
            if (!columns.ContainsKey("name"))
            {
                fileProblems.Add(S["The first row must name the columns, and one must be “name”. Found: {0}.", string.Join(", ", reader.Headers)]);
            }
            while (fileProblems.Count == 0 && reader.Read())
            {
                if (rows.Count == MaxRows)
                {
                    fileProblems.Add(S["A file can hold at most {0} organisations; split it in parts.", MaxRows]);
                    break;
                }
                string Get(string column) => columns.TryGetValue(column, out var index) && index < reader.FieldCount ? reader.GetString(index).Trim() : "";
                rows.Add(CheckRow((int)reader.LineNumber, Get, columns.ContainsKey("slug"), (bySlug, slugOf, byName, slugsTaken, seen), labels, S));
            }
        }
        catch (CsvFormatException e)
        {
            fileProblems.Add(S["The file is not a readable CSV file near line {0}: check its quotes.", e.LineNumber]);
        }
        if (fileProblems.Count == 0 && rows.Count == 0)
        {
            fileProblems.Add(S["The file has no organisations in it."]);
        }
        return new ImportPlan(rows, fileProblems, ignored, columns.Keys.ToHashSet());
    }

    private static ImportRow CheckRow(int line, Func<string, string> get, bool hasSlugColumn, (Dictionary<string, int> BySlug,
        Dictionary<int, string> SlugOf, Dictionary<(string, string?), int> ByName, HashSet<string> SlugsTaken, Dictionary<(string, string?), int> Seen) known,
        Labels labels, IStringLocalizer S)
    {
        var (bySlug, slugOf, byName, slugsTaken, seen) = known;
        var problems = new List<string>();
        var name = get("name");
        if (name.Length == 0)
        {
            problems.Add(S["The name is empty."]);
        }
        else if (name.Length > 300)
        {
            problems.Add(S["The name is longer than 300 characters."]);
        }
        var acronym = get("acronym");
        if (acronym.Length > 40)
        {
            problems.Add(S["The acronym is longer than 40 characters."]);
        }
        string? country = null;
        var countryText = get("country");
        if (countryText.Length > 0 && !IsInternational(countryText))
        {
            country = Countries.Find(countryText)?.Code;
            if (country is null)
            {
                problems.Add(S["“{0}” is not a country we know: use its name or its two-letter code (such as FR).", countryText]);
            }
        }
        var type = Match(get("type"), labels.Types, OrganisationType.Other, out var typeOk);
        if (!typeOk)
        {
            problems.Add(S["“{0}” is not a type; use one of: {1}.", get("type"), string.Join(", ", Enum.GetValues<OrganisationType>().Select(t => S[OrganisationLabels.Of(t)]))]);
        }
        var membership = Match(get("membership"), labels.Statuses, Membership.None, out var membershipOk);
        if (!membershipOk)
        {
            problems.Add(S["“{0}” is not a membership status; use one of: {1}.", get("membership"), string.Join(", ", Enum.GetValues<Membership>().Select(m => S[OrganisationLabels.Of(m)]))]);
        }
        DateOnly? joined = null;
        if (get("joined") is { Length: > 0 } joinedText)
        {
            if (DateOnly.TryParseExact(joinedText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                joined = date;
            }
            else
            {
                problems.Add(S["“{0}” is not a date; write it as year-month-day, such as 2019-03-25.", joinedText]);
            }
        }
        if (!OrganisationRules.TryWebsite(get("website"), out var website))
        {
            problems.Add(S["“{0}” is not a website address.", get("website")]);
        }
        if (!OrganisationRules.TryDomains(get("email_domains"), out var domains, out var bad))
        {
            problems.Add(S["“{0}” is not an email domain (such as example.org); at most 20.", bad ?? ""]);
        }
        var description = get("description");
        if (description.Length > 20_000)
        {
            problems.Add(S["The description is longer than 20,000 characters."]);
        }

        // The same organisation is the same address, or the same name in the same country.
        var key = (Organisation.Fold(name), country);
        var slugText = hasSlugColumn ? get("slug") : "";
        int? existingId = slugText.Length > 0 && bySlug.TryGetValue(Slugs.From(slugText), out var bySlugId) ? bySlugId
            : byName.TryGetValue(key, out var byNameId) ? byNameId : null;
        if (name.Length > 0 && seen.TryGetValue(key, out var firstLine))
        {
            problems.Add(S["Row {0} already has this organisation.", firstLine]);
        }
        else if (name.Length > 0)
        {
            seen[key] = line;
        }
        var slug = existingId is { } id ? slugOf[id] : NewSlug(slugText.Length > 0 ? slugText : name, slugsTaken);
        return new ImportRow(line, name, acronym.Length == 0 ? null : acronym, country, type, membership, joined, website, domains,
            description.Length == 0 ? null : description, slug, existingId, problems);
    }

    private static bool IsInternational(string text) =>
        Organisation.Fold(text) is "international" or "global" or "internacional" or "mondial" or "int";

    private static string NewSlug(string text, HashSet<string> taken)
    {
        var slug = Slugs.From(text);
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }

    /// <summary>Types and statuses by every way a spreadsheet may write them, squashed (see <see cref="Squash"/>).</summary>
    private sealed record Labels(Dictionary<string, OrganisationType> Types, Dictionary<string, Membership> Statuses);

    private static string Squash(string text) => Organisation.Fold(text).Replace(" ", "", StringComparison.Ordinal);

    /// <summary>
    /// "Trade union", "TradeUnion", "trade-union", "Syndicat", "Sindicato"…: the enum's name and its label in every
    /// language of the site, since a member list is written in the secretariat's language, not the admin's.
    /// </summary>
    private static Dictionary<string, T> Words<T>(Func<T, string> label, IReadOnlyList<string> cultures, IStringLocalizer S) where T : struct, Enum
    {
        var words = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var culture in cultures)
        {
            // The localizer answers in the current UI culture.
            using (Cultures.Speak(culture))
            {
                foreach (var value in Enum.GetValues<T>())
                {
                    words.TryAdd(Squash(S[label(value)]), value);
                }
            }
        }
        foreach (var value in Enum.GetValues<T>())
        {
            words.TryAdd(Squash(value.ToString()), value);
            words.TryAdd(Squash(label(value)), value);
        }
        return words;
    }

    private static T Match<T>(string text, Dictionary<string, T> words, T empty, out bool ok) where T : struct, Enum
    {
        ok = true;
        if (text.Length == 0)
        {
            return empty;
        }
        ok = words.TryGetValue(Squash(text), out var value);
        return ok ? value : empty;
    }

    /// <summary>Writes the plan's rows: new records added, existing ones updated in the columns the file has.</summary>
    public static async Task<(int Added, int Updated)> ApplyAsync(ChorusDb db, ImportPlan plan, CancellationToken ct)
    {
        var ids = plan.Rows.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var existing = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        bool Has(string column) => plan.Columns.Contains(column);
        foreach (var row in plan.Rows)
        {
            var org = row.ExistingId is { } id ? existing[id] : db.Organisations.Add(new Organisation { Name = row.Name, Slug = row.Slug }).Entity;
            org.Name = row.Name;
            org.Acronym = Has("acronym") ? row.Acronym : org.Acronym;
            org.Country = Has("country") ? row.Country : org.Country;
            org.Type = Has("type") ? row.Type : org.Type;
            org.Membership = Has("membership") ? row.Membership : org.Membership;
            org.JoinedOn = Has("joined") ? row.JoinedOn : org.JoinedOn;
            org.Website = Has("website") ? row.Website : org.Website;
            org.EmailDomains = Has("email_domains") ? row.Domains : org.EmailDomains;
            org.DescriptionMarkdown = Has("description") ? row.Description ?? "" : org.DescriptionMarkdown;
        }
        await db.SaveChangesAsync(ct);
        return (plan.Rows.Count - existing.Count, existing.Count);
    }

    /// <summary>Every listed organisation in the import's columns, streamed from the database as it is sent.</summary>
    public static CsvFile<Organisation> Export(ChorusDb db, string fileName) => CsvDownload.File(fileName, Header,
        db.Organisations.AsNoTracking().Where(o => o.ArchivedAt == null).OrderBy(o => o.SortKey).ThenBy(o => o.Id).AsAsyncEnumerable(),
        o => [
            o.Name, o.Acronym ?? "", o.Country ?? "", Countries.Name(o.Country, "en"), OrganisationLabels.Of(o.Type), OrganisationLabels.Of(o.Membership),
            o.JoinedOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "", o.Website ?? "",
            string.Join(" ", o.EmailDomains), o.DescriptionMarkdown, o.Slug,
        ]);
}
