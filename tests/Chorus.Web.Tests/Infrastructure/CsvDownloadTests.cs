using System.Globalization;
using System.Net;
using System.Text;
using Chorus.Web.Data;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Campaigns;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>
/// The staff exports stream large files whole: the CSV writer flushes every 64 KiB, and a synchronous flush into
/// the response (which the server forbids) used to cut every export off at about 61 KB.
/// </summary>
public sealed class CsvDownloadTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    private const int Many = 10_000;

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    [Theory]
    [InlineData("signatures", Many)]
    [InlineData("registrations", Many)]
    [InlineData("organisations", Many)]
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
            var first = new Signature
            {
                CampaignId = campaign.Id, Name = "Signing Organisation 00000", Country = "KE", Type = OrganisationType.Ngo,
                State = SignatureState.Published, SignatoryName = "A Person", SignatoryRole = "Director", Email = "signer00000@csv.test",
                ConsentAt = Now.AddDays(-1), ConfirmedAt = Now.AddDays(-1), CreatedAt = Now.AddDays(-1), Version = 1,
                Comment = "We endorse this, with a comma and \"quotes\".", ModerationReason = "reason 00000",
            };
            db.Signatures.Add(first);
            await db.SaveChangesAsync();
            await CopyAsync<Signature>(db, first.Id, rows, ("Name", "Signing Organisation ", ""), ("Email", "signer", "@csv.test"), ("ModerationReason", "reason ", ""));
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
            var first = new Registration
            {
                EventId = e.Id, Name = "Registrant 00000", Email = "person00000@csv.test", OrganisationName = "Harbour Rights, Athens",
                Country = "GR", Status = RegistrationStatus.Confirmed, CreatedAt = Now.AddDays(-1), ConsentAt = Now.AddDays(-1),
                TokenHash = new string('0', 64),
            };
            db.Registrations.Add(first);
            await db.SaveChangesAsync();
            await CopyAsync<Registration>(db, first.Id, rows, ("Name", "Registrant ", ""), ("Email", "person", "@csv.test"), ("TokenHash", new string('0', 59), ""));
            return e.Id;
        });
        return $"/admin/events/{id}/registrations?handler=export";
    }

    private async Task<string> Organisations(int rows)
    {
        await app.WithDb(async db =>
        {
            var first = new Organisation
            {
                Name = "CSV Export Org 00000", Slug = "csv-export-org-00000", Country = "SN", Type = OrganisationType.Network,
                Membership = Membership.Member, DescriptionMarkdown = "Works on migration routes; \"quoted\" words.",
            };
            db.Organisations.Add(first);
            await db.SaveChangesAsync();
            await CopyAsync<Organisation>(db, first.Id, rows, ("Name", "CSV Export Org ", ""), ("Slug", "csv-export-org-", ""));
        });
        return "/admin/organisations?handler=export";
    }

    /// <summary>
    /// Adds copies numbered 00001 up to <paramref name="rows"/> - 1 of a row the product saved (so every derived column is
    /// its own), in one statement: saving thousands of entities one by one was most of this test's time. The numbered
    /// columns get their prefix, the five-digit number and their suffix.
    /// </summary>
    private static async Task CopyAsync<T>(ChorusDb db, int id, int rows, params (string Column, string Prefix, string Suffix)[] numbered)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var columns = entity.GetProperties().Select(p => p.GetColumnName()).Where(c => c != "Id").ToList();
        // substr(100000 + i, 2) is i in five digits in both SQLite and PostgreSQL.
        var values = columns.Select(c => numbered.FirstOrDefault(n => n.Column == c) is { Column: not null } n
            ? $"'{n.Prefix}' || substr(CAST(100000 + n.i AS TEXT), 2) || '{n.Suffix}'"
            : $"t.\"{c}\"");
        var sql = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {rows - 1})
            INSERT INTO "{entity.GetTableName()}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {string.Join(", ", values)} FROM "{entity.GetTableName()}" t CROSS JOIN n WHERE t."Id" = {id} ORDER BY n.i
            """;
        Assert.Equal(rows - 1, await db.Database.ExecuteSqlRawAsync(sql));
    }
}
