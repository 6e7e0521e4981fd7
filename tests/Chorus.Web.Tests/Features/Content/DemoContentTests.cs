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
            .ToList());

        Assert.True(addresses.Count(a => a is not null) > 100, "the demo has signatures and organisations");
        Assert.DoesNotContain(addresses, a => !Reserved(a));
    }
}
