using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Reverse proxies (nginx, a load balancer) whose X-Forwarded-For and X-Forwarded-Proto are believed, so that rate limits,
/// lockout and logs see the visitor's address and https is known. Loopback is always believed (nginx on the same machine).
/// </summary>
internal sealed class ProxyOptions
{
    /// <summary>Addresses of proxies in front of the site, such as 10.0.0.5.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in front of the site, in CIDR notation, such as 10.0.0.0/24.</summary>
    public string[] KnownNetworks { get; set; } = [];
}

/// <summary>What the site believes of the network in front of it: proxies, the host it answers to, and TLS.</summary>
internal static class Proxies
{
    public static void AddProxies(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<ProxyOptions>("ForwardedHeaders")
            .Validate(o => o.KnownProxies.All(p => IPAddress.TryParse(p, out _)), "ForwardedHeaders:KnownProxies must be IP addresses, such as 10.0.0.5.")
            .Validate(o => o.KnownNetworks.All(n => System.Net.IPNetwork.TryParse(n, out _)), "ForwardedHeaders:KnownNetworks must be networks in CIDR notation, such as 10.0.0.0/24.");
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) =>
        {
            // The Host is never believed (links come from Site:PublicOrigin); the client address and the scheme are.
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Walk back through every believed proxy (a load balancer, then nginx), stopping at the first address that is not one.
            o.ForwardLimit = null;
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.Value.KnownNetworks)
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        // Unless AllowedHosts is configured, the site answers only to its public host (and to loopback, for health checks):
        // a request for another host is refused before it reaches a page.
        var allowedHosts = builder.Configuration["AllowedHosts"];
        builder.Services.AddOptions<HostFilteringOptions>().Configure<IOptions<SiteOptions>>((o, site) =>
        {
            if (string.IsNullOrEmpty(allowedHosts) && Uri.TryCreate(site.Value.PublicOrigin, UriKind.Absolute, out var origin))
            {
                o.AllowedHosts = [.. new[] { origin.Host, origin.IdnHost, "localhost", "127.0.0.1", "[::1]" }.Distinct(StringComparer.OrdinalIgnoreCase)];
            }
        });
        builder.Services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Every cookie the site sets (sign-in, antiforgery, language, time zone) is Secure when the visitor came over https.
        builder.Services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
    }

    public static void UseProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Only over https, and never for localhost: a developer's browser would remember it for every local site.
            app.UseHsts();
        }
        app.UseCookiePolicy();
    }
}
