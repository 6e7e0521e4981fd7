using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Organisations;

/// <summary>20,000 organisations (by default) spread over every country, type and status, with names that fill the letter index.</summary>
internal sealed class BenchOrganisations : IBenchDataset
{
    private const int Batch = 5000;

    private static readonly string[] First = ["Action", "Bridges", "Centre", "Diaspora", "Equal", "Forum", "Global", "Hope", "Inclusion", "Justice",
        "Kinship", "Labour", "Mobility", "New", "Open", "People", "Quest", "Refuge", "Solidarity", "Together", "Union", "Voices", "Welcome",
        "Xenia", "Youth", "Zenith", "Élan", "Östra"];

    private static readonly string[] Second = ["for Migrant Rights", "Network", "Collective", "Association", "Foundation", "Institute", "Alliance", "Council"];

    public async Task AddAsync(ChorusDb db, string[] args, TextWriter output, CancellationToken ct)
    {
        var count = Commands.IntOption(args, "--organisations", 20_000);
        var countries = Countries.ByCode.Keys.Order(StringComparer.Ordinal).ToArray();
        var types = Enum.GetValues<OrganisationType>();
        var statuses = Enum.GetValues<Membership>();
        for (var start = 0; start < count; start += Batch)
        {
            db.ChangeTracker.Clear();
            for (var n = start; n < Math.Min(count, start + Batch); n++)
            {
                var name = string.Create(CultureInfo.InvariantCulture, $"{First[n % First.Length]} {Second[n / First.Length % Second.Length]} {n:00000}");
                db.Organisations.Add(new Organisation
                {
                    Name = name,
                    Acronym = n % 3 == 0 ? string.Create(CultureInfo.InvariantCulture, $"B{n:00000}") : null,
                    Slug = string.Create(CultureInfo.InvariantCulture, $"bench-organisation-{n:00000}"),
                    Country = n % 40 == 0 ? null : countries[n % countries.Length],
                    Type = types[n % types.Length],
                    Membership = statuses[n / 7 % statuses.Length],
                    JoinedOn = new DateOnly(2010 + (n % 16), 1 + (n % 12), 1 + (n % 28)),
                    Website = string.Create(CultureInfo.InvariantCulture, $"https://org{n}.example/"),
                    EmailDomains = [string.Create(CultureInfo.InvariantCulture, $"org{n}.example")],
                    DescriptionMarkdown = "A member organisation working on **migrants' rights**, decent work and access to justice.",
                });
            }
            await db.SaveChangesAsync(ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"organisations={Math.Min(count, start + Batch)}"));
        }
        await output.WriteLineAsync("directory_url=/en/organizations?region=002&type=Ngo&status=Member");
        await output.WriteLineAsync("directory_letter_url=/fr/organizations?letter=M");
    }
}
