using System.Net;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Infrastructure;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Campaigns;

/// <summary>
/// A call for sign-ons shared widely: many organisations press "confirm" at the same moment. Each confirmation runs in a
/// serializable transaction, which PostgreSQL may refuse to commit when another raced it (40001); the site runs it again.
/// </summary>
public sealed class ConcurrentConfirmationTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    [Fact]
    public async Task Fifty_organisations_confirming_at_once_are_all_confirmed_and_nobody_sees_an_error()
    {
        var campaign = await app.AddCampaign("fifty-at-once");
        var tokens = Enumerable.Range(1, 50).Select(n => $"fifty-{n}-{Guid.NewGuid():N}").ToList();
        await app.WithDb(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.Signatures.AddRange(tokens.Select((token, n) => new Signature
            {
                CampaignId = campaign.Id, Name = $"Migrant Rights Network {n + 1}", Country = "KE", Type = Chorus.Web.Features.Organisations.OrganisationType.Ngo,
                SignatoryName = "Amina Odhiambo", Email = $"amina{n + 1}@network{n + 1}.example", CreatedAt = now, ConsentAt = now,
                State = SignatureState.Unconfirmed, ConfirmTokenHash = PublicForms.HashToken(token),
                SignerKey = SignatureRules.SignerKey(false, null, $"Migrant Rights Network {n + 1}", "KE", $"amina{n + 1}@network{n + 1}.example"),
            }));
            await db.SaveChangesAsync();
        });
        // Every organisation opens its link and presses the button at the same time.
        var responses = await Task.WhenAll(tokens.Select(token =>
            Staff.PostFormAsync(Staff.Client(app), $"/en/campaigns/{campaign.Slug}/confirm/{token}", new Dictionary<string, string>())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var listed = await app.WithDb(db => db.Signatures.CountAsync(s => s.CampaignId == campaign.Id && s.State == SignatureState.Published));
        Assert.Equal(50, listed);
        Assert.Equal(50, await app.CountAsync(campaign.Slug));
    }
}
