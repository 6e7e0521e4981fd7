using System.Net;
using Chorus.Web.Tests.Features.Campaigns;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>A node configured for several nodes whose Redis does not answer (nothing listens on its port).</summary>
public sealed class RedisAwayApp : CampaignsApp
{
    protected override bool SeedDemo => true;

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("Redis:Configuration", "127.0.0.1:9,connectTimeout=500"), new("Api:RequestsPerMinute", "3")];
}

/// <summary>Without Redis a node may miss other nodes' evictions: it serves pages fresh, forms still work, limits hold per node.</summary>
public sealed class RedisAwayTests(RedisAwayApp app) : IClassFixture<RedisAwayApp>
{
    [Fact]
    public async Task Pages_are_served_uncached_forms_work_limits_count_on_the_node_and_healthz_names_redis()
    {
        foreach (var url in new[] { "/en/", "/en/", "/en/events", "/en/events" })
        {
            var page = await app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Null(page.Headers.Age); // never from a cache that may be stale
        }

        await app.AddCampaign("no-redis");
        var sent = await app.SubmitAsync(Chorus.Web.Tests.Features.Accounts.Staff.Client(app), "no-redis",
            CampaignsApp.Fields("Unlimited Network", CampaignsApp.Unique("away") + "@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.CreatePlainClient().GetAsync(new Uri("/api/v1/posts", UriKind.Relative))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.CreatePlainClient().GetAsync(new Uri("/api/v1/posts", UriKind.Relative))).StatusCode);

        var health = await app.CreatePlainClient().GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Contains("\"redis\":{\"status\":\"Unhealthy\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
