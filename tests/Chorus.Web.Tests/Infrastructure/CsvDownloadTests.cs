using System.Globalization;
using System.Net;
using System.Text;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Campaigns;
using CsvHelper;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>
/// The staff exports stream large files whole: the CSV writer flushes every 64 KiB, and a synchronous flush into
/// the response (which the server forbids) used to cut every export off at about 61 KB.
/// </summary>
public sealed class CsvDownloadTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    // One export of ten thousand rows; the others share its writer (CsvDownload), so a file well past the 64 KiB where the
    // old exports stopped proves them, without indexing ten thousand organisations for search.
    private const int Many = 10_000;
    private const int Enough = 1_500;

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Theory]
    [InlineData("signatures", Many)]
    [InlineData("registrations", Enough)]
    [InlineData("organisations", Enough)]
    public async Task A_large_export_arrives_whole(string kind, int rows)
    {
        var (client, url, last) = kind switch
        {
            "signatures" => (app.Moderator, await Signatures(rows), (Column: "moderation_reason", Value: $"reason {rows - 1:D5}")),
            "registrations" => (app.Editor, await Registrations(rows), (Column: "email", Value: $"person{rows - 1:D5}@csv.test")),
            _ => (app.Editor, await Organisations(rows), (Column: "slug", Value: $"csv-export-org-{rows - 1:D5}")),
        };

        var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 150_000, $"only {bytes.Length} bytes");
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        using var reader = CsvReader.FromText(Encoding.UTF8.GetString(bytes.AsSpan(3)), CsvReaderOptions.Default);
        var records = new List<string[]>();
        while (reader.Read())
        {
            records.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }
        Assert.Equal(rows, records.Count);
        Assert.All(records, r => Assert.Equal(reader.Headers.Count, r.Length));
        Assert.Equal(last.Value, records[^1][reader.Headers.ToList().IndexOf(last.Column)]);
    }

    private async Task<string> Signatures(int rows)
    {
        var id = await app.WithDb(async db =>
        {
            var campaign = new Campaign { Slug = "csv-campaign", Title = "A long list", OpensAt = Now.AddDays(-10), ClosesAt = Now.AddDays(10) };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            db.Signatures.AddRange(Enumerable.Range(0, rows).Select(i => new Signature
            {
                CampaignId = campaign.Id, Name = $"Signing Organisation {i:D5}", Country = "KE", Type = OrganisationType.Ngo,
                State = SignatureState.Published, SignatoryName = "A Person", SignatoryRole = "Director", Email = $"signer{i:D5}@csv.test",
                ConsentAt = Now.AddDays(-1), ConfirmedAt = Now.AddDays(-1), CreatedAt = Now.AddDays(-1), Version = 1,
                Comment = "We endorse this, with a comma and \"quotes\".", ModerationReason = $"reason {i:D5}",
            }));
            await db.SaveChangesAsync();
            return campaign.Id;
        });
        return $"/admin/campaigns/{id}/signatures?handler=export";
    }

    private async Task<string> Registrations(int rows)
    {
        var id = await app.WithDb(async db =>
        {
            var e = new Event
            {
                Title = "A crowded webinar", Slug = "csv-webinar", Kind = EventKind.Single, Format = EventFormat.Online, TimeZone = "Europe/Paris",
                LocalStart = DateTime.SpecifyKind(Now.AddDays(7), DateTimeKind.Unspecified),
                LocalEnd = DateTime.SpecifyKind(Now.AddDays(7).AddHours(1), DateTimeKind.Unspecified), Registration = RegistrationMode.Form,
            };
            EventSchedule.Schedule(e);
            db.Events.Add(e);
            await db.SaveChangesAsync();
            db.Registrations.AddRange(Enumerable.Range(0, rows).Select(i => new Registration
            {
                EventId = e.Id, Name = $"Registrant {i:D5}", Email = $"person{i:D5}@csv.test", OrganisationName = "Harbour Rights, Athens",
                Country = "GR", Status = RegistrationStatus.Confirmed, CreatedAt = Now.AddDays(-1).AddSeconds(i), ConsentAt = Now.AddDays(-1),
                TokenHash = i.ToString("D64", CultureInfo.InvariantCulture),
            }));
            await db.SaveChangesAsync();
            return e.Id;
        });
        return $"/admin/events/{id}/registrations?handler=export";
    }

    private async Task<string> Organisations(int rows)
    {
        await app.WithDb(async db =>
        {
            db.Organisations.AddRange(Enumerable.Range(0, rows).Select(i => new Organisation
            {
                Name = $"CSV Export Org {i:D5}", Slug = $"csv-export-org-{i:D5}", Country = "SN", Type = OrganisationType.Network,
                Membership = Membership.Member, DescriptionMarkdown = "Works on migration routes; \"quoted\" words.",
            }));
            await db.SaveChangesAsync();
        });
        return "/admin/organisations?handler=export";
    }
}
