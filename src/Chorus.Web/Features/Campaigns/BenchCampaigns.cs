using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Campaigns;

/// <summary>
/// 50 campaigns with 200,000 published signatures (by default) in all badges: half from directory organisations,
/// half from organisations typed in, spread over every country. Open campaigns take sign-ons during the bench.
/// </summary>
internal sealed class BenchCampaigns(TimeProvider clock) : IBenchDataset
{
    private const int Batch = 5000;

    public async Task AddAsync(ChorusDb db, string[] args, TextWriter output, CancellationToken ct)
    {
        var campaigns = Commands.IntOption(args, "--campaigns", 50);
        var signatures = Commands.IntOption(args, "--signatures", 200_000);
        var now = clock.GetUtcNow().UtcDateTime;
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.Name, o.Country, o.Type }).Take(20_000).ToListAsync(ct);
        var countries = Countries.ByCode.Keys.Order(StringComparer.Ordinal).ToArray();
        var ids = new List<int>();
        for (var n = 0; n < campaigns; n++)
        {
            var c = new Campaign
            {
                Slug = string.Create(CultureInfo.InvariantCulture, $"bench-campaign-{n:00}"),
                Title = string.Create(CultureInfo.InvariantCulture, $"Bench position paper {n:00}: twelve points on migrants' rights"),
                TextMarkdown = "We, the undersigned organisations, call on Member States to **end immigration detention of children** and open regular pathways.",
                OpensAt = now.AddDays(-60 + n), ClosesAt = now.AddDays(30 + n), Signers = n % 5 == 0 ? Signers.Both : Signers.Organisations,
            };
            c.Versions.Add(new CampaignVersion { Number = 1, Change = VersionChange.Original, Culture = c.Culture, TextHash = CampaignText.HashOf(c.TextMarkdown), CreatedAt = now });
            db.Campaigns.Add(c);
            await db.SaveChangesAsync(ct);
            ids.Add(c.Id);
        }
        for (var first = 0; first < signatures; first += Batch)
        {
            db.ChangeTracker.Clear();
            for (var n = first; n < Math.Min(signatures, first + Batch); n++)
            {
                var campaign = ids[n % ids.Count];
                var fromDirectory = organisations.Count > 0 && n % 2 == 0;
                var org = fromDirectory ? organisations[(n / 2) % organisations.Count] : null;
                var name = org?.Name ?? string.Create(CultureInfo.InvariantCulture, $"Bench Association {n:000000} for Migrant Rights");
                var country = org is null ? countries[n % countries.Length] : org.Country;
                db.Signatures.Add(new Signature
                {
                    CampaignId = campaign, OrganisationId = org?.Id, Name = name, Country = country, Type = org?.Type ?? (OrganisationType)(n % 9),
                    SignerKey = SignatureRules.SignerKey(false, org?.Id, name, country, ""), Badge = (Badge)(n % 3),
                    SignatoryName = "Bench Signatory", SignatoryRole = "Director", Email = string.Create(CultureInfo.InvariantCulture, $"signatory{n}@bench.invalid"),
                    ConsentAt = now, CreatedAt = now, ConfirmedAt = now, State = SignatureState.Published, Version = 1, Culture = "en",
                });
            }
            await db.SaveChangesAsync(ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"signatures={Math.Min(signatures, first + Batch)}"));
        }
        await output.WriteLineAsync("signatories_url=/en/campaigns/bench-campaign-00/signatories");
        await output.WriteLineAsync("signon_url=/en/campaigns/bench-campaign-01");
    }
}
