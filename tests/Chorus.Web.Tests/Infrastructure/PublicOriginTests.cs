using System.Net;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Events;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Campaigns;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>
/// A site whose public address is https://coalition.example, which (to reach the mechanism itself) answers to any Host:
/// no page, feed, calendar, API answer or email takes its links from the Host or X-Forwarded-Host a request claims.
/// </summary>
public sealed class AnyHostApp : CampaignsApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. base.Settings, new("AllowedHosts", "*"), new("Site:PublicOrigin", "https://Coalition.example/"), new("Campaigns:MinimumFillSeconds", "0")];
}

public sealed class PublicOriginTests(AnyHostApp app) : IClassFixture<AnyHostApp>
{
    private const string Evil = "evil.example";

    private HttpClient EvilClient()
    {
        var client = Staff.Client(app);
        client.DefaultRequestHeaders.Host = Evil;
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", Evil);
        return client;
    }

    [Fact]
    public async Task Pages_feeds_calendars_sitemaps_and_the_api_link_to_the_configured_origin_whatever_the_host()
    {
        await app.Add(Posts.Make("Origin test post", app.Clock.GetUtcNow().UtcDateTime.AddHours(-1)));
        var start = ChorusFactory.Start.UtcDateTime.AddDays(3);
        var eventSlug = await app.WithDb(async db =>
        {
            var e = new Event
            {
                Title = "Origin test event", Slug = "origin-test-event", Kind = EventKind.Single, Format = EventFormat.Online, TimeZone = "Europe/Paris",
                LocalStart = DateTime.SpecifyKind(start, DateTimeKind.Unspecified), LocalEnd = DateTime.SpecifyKind(start.AddHours(2), DateTimeKind.Unspecified),
            };
            EventSchedule.Schedule(e);
            db.Events.Add(e);
            await db.SaveChangesAsync();
            return e.Slug;
        });
        await app.AddCampaign("origin-campaign");
        var client = EvilClient();

        string[] urls =
        [
            "/en/", "/en/news/origin-test-post", "/en/feed.xml", "/en/feed.atom", "/en/feed.json", "/en/events/feed.xml",
            $"/en/events/{eventSlug}", $"/en/events/{eventSlug}.ics", "/en/events.ics", "/sitemap.xml", "/robots.txt",
            "/en/campaigns/origin-campaign/count.json", "/api/v1/posts?limit=1",
        ];
        foreach (var url in urls)
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            var all = response.Headers + "\n" + response.Content.Headers + "\n" + await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(Evil, all, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("https://coalition.example/", all, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_host_header_of_300_characters_breaks_no_feed_or_calendar()
    {
        var client = Staff.Client(app);
        client.DefaultRequestHeaders.Host = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".example";
        foreach (var url in new[] { "/en/feed.xml", "/en/feed.atom", "/en/events/feed.xml", "/en/events.ics", "/sitemap.xml" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
    }

    [SkippableFact]
    public async Task Emailed_links_point_to_the_configured_origin_whatever_the_host()
    {
        var staff = $"origin-{Guid.NewGuid():N}@crossroads.test";
        await Staff.CreateAsync(app, staff, Roles.Editor);
        await Staff.PostFormAsync(EvilClient(), "/account/forgot-password", new Dictionary<string, string> { ["Email"] = staff });

        await app.AddCampaign("origin-sign-on");
        var signer = $"{CampaignsApp.Unique("origin")}@harbour-rights.test";
        var sent = await app.SubmitAsync(EvilClient(), "origin-sign-on", CampaignsApp.Fields("Origin Harbour Rights", signer), wait: false);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        foreach (var to in new[] { staff, signer })
        {
            var body = (await TestMail.ReceivedAsync(to)).TextBody;
            Assert.DoesNotContain(Evil, body, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("https://coalition.example/", body, StringComparison.Ordinal);
        }
    }
}

/// <summary>The default: the site answers only to its public host (and loopback) and believes proxies only on loopback.</summary>
public sealed class HostFilteringTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    [Theory]
    [InlineData("evil.example", HttpStatusCode.BadRequest)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5000", HttpStatusCode.OK)]
    public async Task Only_the_public_host_and_loopback_are_answered(string host, HttpStatusCode expected)
    {
        var client = app.CreatePlainClient();
        client.DefaultRequestHeaders.Host = host;
        Assert.Equal(expected, (await client.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    private async Task<HttpStatusCode> PostFrom(string remote, string? forwardedFor)
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/account/login";
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedFor is not null)
            {
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }

    [Fact]
    public async Task Behind_a_proxy_on_loopback_each_visitor_has_their_own_rate_limit_and_nobody_else_can_claim_an_address()
    {
        // Sign-in attempts are limited per visitor (10 a minute by default): a proxy on loopback passes on who they are.
        for (var i = 0; i < 10; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("127.0.0.1", "203.0.113.7"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFrom("127.0.0.1", "203.0.113.7"));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("127.0.0.1", "203.0.113.8"));

        // A visitor who is not a known proxy cannot shed their limit by claiming to be someone else each time.
        for (var i = 0; i < 10; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, await PostFrom("198.51.100.9", $"192.0.2.{i}"));
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, await PostFrom("198.51.100.9", "192.0.2.200"));
    }
}

/// <summary>Over https (as a proxy in front says), browsers are told to stay on https and every cookie is Secure.</summary>
public sealed class TlsApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Site:PublicOrigin", "https://coalition.example")];
}

public sealed class TlsTests(TlsApp app) : IClassFixture<TlsApp>
{
    [Fact]
    public async Task Behind_a_tls_proxy_pages_send_hsts_and_secure_cookies()
    {
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Host = new HostString("coalition.example");
            c.Request.Path = "/account/login";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
            c.Request.Headers["X-Forwarded-Proto"] = "https";
            c.Request.Headers["X-Forwarded-For"] = "203.0.113.7";
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("max-age=", context.Response.Headers.StrictTransportSecurity.ToString(), StringComparison.Ordinal);
        var cookies = context.Response.Headers.SetCookie.ToArray();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.Contains("secure", c!, StringComparison.OrdinalIgnoreCase));

        var plain = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Host = new HostString("coalition.example");
            c.Request.Path = "/account/login";
            c.Connection.RemoteIpAddress = IPAddress.Loopback;
        });
        Assert.Empty(plain.Response.Headers.StrictTransportSecurity.ToString());
    }
}
