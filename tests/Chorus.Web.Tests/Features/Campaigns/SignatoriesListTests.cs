using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Organisations;

namespace Chorus.Web.Tests.Features.Campaigns;

/// <summary>The public list of endorsers, read a hundred at a time, grouped by country or type.</summary>
public sealed class SignatoriesListTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Every group and name on every page of the list, in the order a reader meets them.</summary>
    private async Task<List<(string Group, string Name)>> ReadAllPagesAsync(string url)
    {
        var seen = new List<(string, string)>();
        for (var page = 1; page <= 5; page++)
        {
            var (_, html) = await app.GetHtml($"{url}&page={page}");
            foreach (var section in html.QuerySelectorAll("section.signatories"))
            {
                var group = section.QuerySelector("h2")!.TextContent.Trim();
                // The name is the item's proper name (translate="no"), linked to its profile or not.
                seen.AddRange(section.QuerySelectorAll("li").Select(li => (group, li.QuerySelector("[translate=no]")!.TextContent.Trim())));
            }
        }
        return seen;
    }

    [Fact]
    public async Task Groups_split_across_pages_show_every_endorser_once_in_order()
    {
        // 120 in Kenya, 80 in France, 50 with no country ("International", last), added in no particular order.
        var countries = Enumerable.Range(1, 250).Select(i => i <= 120 ? "KE" : i <= 200 ? "FR" : null).ToList();
        await app.WithDb(async db =>
        {
            var campaign = new Campaign
            {
                Slug = "many", Title = "Many endorsers", TextMarkdown = "Text.", OpensAt = Now.AddDays(-2), ClosesAt = Now.AddDays(30),
            };
            db.Campaigns.Add(campaign);
            await db.SaveChangesAsync();
            foreach (var i in Enumerable.Range(1, 250).OrderBy(i => (i * 97) % 251))
            {
                db.Signatures.Add(new Signature
                {
                    CampaignId = campaign.Id, Name = $"Org {i:000}", Country = countries[i - 1], Type = i % 2 == 0 ? OrganisationType.Ngo : OrganisationType.TradeUnion,
                    State = SignatureState.Published, Email = $"org{i}@many.test", ConsentAt = Now.AddDays(-1), ConfirmedAt = Now.AddDays(-1),
                    CreatedAt = Now.AddDays(-1), Version = 1,
                });
            }
            await db.SaveChangesAsync();
        });

        var byCountry = await ReadAllPagesAsync("/en/campaigns/many/signatories?by=Country");
        List<(string, string)> expected =
        [
            .. Enumerable.Range(121, 80).Select(i => ("France", $"Org {i:000}")),
            .. Enumerable.Range(1, 120).Select(i => ("Kenya", $"Org {i:000}")),
            .. Enumerable.Range(201, 50).Select(i => ("International", $"Org {i:000}")),
        ];
        Assert.Equal(expected, byCountry);

        var byType = await ReadAllPagesAsync("/en/campaigns/many/signatories?by=Type");
        Assert.Equal(250, byType.Count);
        Assert.Equal(byType.Select(r => r.Name).Order().ToList(), byType.Select(r => r.Name).Distinct().Order().ToList());
        foreach (var group in byType.GroupBy(r => r.Group))
        {
            Assert.Equal(group.Select(r => r.Name).Order(StringComparer.Ordinal).ToList(), group.Select(r => r.Name).ToList());
        }

        // Filtered to one country, the groups come from the filtered rows.
        Assert.Equal([.. expected.Where(r => r.Item1 == "Kenya")], await ReadAllPagesAsync("/en/campaigns/many/signatories?by=Country&country=KE"));
    }
}
