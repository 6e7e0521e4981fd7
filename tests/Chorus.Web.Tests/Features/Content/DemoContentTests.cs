using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Content;

/// <summary>The demo site names no real mailbox or website: every address is under a reserved domain (RFC 2606).</summary>
public sealed class DemoContentTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    private static bool Reserved(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return true;
        }
        var host = address.Contains('@', StringComparison.Ordinal) ? address[(address.LastIndexOf('@') + 1)..] : new Uri(address).Host;
        return host.EndsWith(".example", StringComparison.Ordinal) || host is "example.org" or "example.com" or "example.net"
            || host.EndsWith(".example.org", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_demo_email_address_and_website_is_under_a_reserved_domain()
    {
        var addresses = await app.WithDb(async db => new List<string?>()
            .Concat(await db.Signatures.Select(s => s.Email).ToListAsync())
            .Concat(await db.Signatures.Select(s => s.Website).ToListAsync())
            .Concat(await db.Organisations.Select(o => o.Website).ToListAsync())
            .Concat((await db.Organisations.Select(o => o.EmailDomains).ToListAsync()).SelectMany(d => d).Select(d => "x@" + d))
            .Concat(await db.Registrations.Select(r => r.Email).ToListAsync())
            .Concat(await db.Subscribers.Select(r => r.Email).ToListAsync())
            .ToList());

        Assert.True(addresses.Count(a => a is not null) > 100, "the demo has signatures and organisations");
        Assert.DoesNotContain(addresses, a => !Reserved(a));
    }

    [Fact]
    public async Task The_demo_has_three_newsletter_lists_in_six_languages_and_forty_subscribers()
    {
        var (lists, subscribers, cultures) = await app.WithDb(async db => (
            await db.NewsletterLists.AsNoTracking().ToListAsync(), await db.Subscribers.CountAsync(), await db.Subscribers.Select(s => s.Culture).Distinct().CountAsync()));
        Assert.Equal(3, lists.Count);
        Assert.All(lists, l => Assert.Equal(6, l.Texts.Count(t => t.Description is { Length: > 0 })));
        Assert.Equal((40, 6), (subscribers, cultures));
    }

    /// <summary>Every public output a reader, a feed reader or an API client can fetch: no subscriber's address in any.</summary>
    [Theory]
    [InlineData("/en/")]
    [InlineData("/fr/")]
    [InlineData("/ar/newsletter")]
    [InlineData("/en/newsletter?email=x")]
    [InlineData("/en/search?q=readers")]
    [InlineData("/en/search?q=amina")]
    [InlineData("/en/feed.xml")]
    [InlineData("/en/feed.json")]
    [InlineData("/en/events.ics")]
    [InlineData("/sitemap.xml")]
    [InlineData("/api/v1/posts")]
    [InlineData("/api/v1/events")]
    [InlineData("/api/v1/campaigns")]
    [InlineData("/api/v1/organisations")]
    [InlineData("/api/v1/newsletters")]
    [InlineData("/en/newsletter/issues")]
    public async Task No_subscriber_address_is_in_any_public_page_feed_or_api_answer(string url)
    {
        var addresses = await app.WithDb(db => db.Subscribers.Select(s => s.Email).ToListAsync());
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("readers.example", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(addresses, a => body.Contains(a, StringComparison.OrdinalIgnoreCase));
    }
}
