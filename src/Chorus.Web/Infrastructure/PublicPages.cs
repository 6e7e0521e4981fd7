using System.IO.Compression;
using Chorus.Web.Features.Accounts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Infrastructure;

internal sealed class CachingOptions
{
    /// <summary>Serve anonymous GETs of public pages from the output cache.</summary>
    public bool OutputCache { get; set; } = true;

    /// <summary>Longest time a cached page is kept; writes and scheduled instants evict it sooner.</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Something that changes public pages at an instant rather than on a write (a scheduled post going
/// live). Checked before every cache lookup, so a page is never served stale past that instant.
/// </summary>
internal interface IScheduledChanges
{
    ValueTask EnsureFreshAsync(IOutputCacheStore store, CancellationToken ct);

    /// <summary>Forget the known next instant (after a write) so it is looked up again.</summary>
    void Invalidate();
}

/// <summary>Output caching and compression for the public pages.</summary>
internal static class PublicPages
{
    public const string Policy = "public-pages";

    /// <summary>
    /// Serves the Razor Pages in a feature folder from the output cache (public, anonymous pages only), tagged with the
    /// kinds of content they show (<see cref="Shown"/>; none given: everything).
    /// </summary>
    public static void CachePublicPages(this IHostApplicationBuilder builder, string folder, params string[] shows) =>
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddFolderApplicationModelConvention(folder, model =>
            {
                model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = Policy });
                if (shows.Length > 0)
                {
                    model.EndpointMetadata.Add(new ShowsAttribute(shows));
                }
            }));

    /// <summary>Pages that show something chosen by a cookie (the reader's time zone) keep one cached copy per value.</summary>
    public static void VaryPublicPagesByCookie(this IHostApplicationBuilder builder, string folder, string cookie) =>
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddFolderApplicationModelConvention(folder, model => model.EndpointMetadata.Add(new VaryByCookie(cookie))));

    /// <summary>Endpoint metadata: the cached copy depends on this cookie's value.</summary>
    public sealed record VaryByCookie(string Name);

    public static void AddPublicPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<CachingOptions>("Caching");
        builder.Services.AddOutputCache(o => o.AddPolicy(Policy, new PublicPagePolicy()));
        EvictingStore.Register(builder.Services);
        builder.Services.AddSingleton<IInterceptor, EvictOnWrite>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddResponseCompression(o =>
        {
            // Public pages carry no secrets, so compressing them over HTTPS is safe (no BREACH target).
            o.EnableForHttps = true;
            o.Providers.Add<CacheAwareBrotli>();
            o.Providers.Add<CacheAwareGzip>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/rss+xml",
                "application/atom+xml", "application/feed+json", "text/calendar", "application/problem+json"];
        });
    }

    /// <summary>
    /// How hard to compress this response: a page going into the output cache is compressed once for every reader who
    /// gets it from there, so it gets more effort (Optimal rather than SmallestSize, whose CPU cost is many times
    /// higher, because every new search is a new cached page); every other response (staff pages, a page rendered with
    /// the cache off) is compressed for each request, where Brotli at Optimal was 10% of an uncached page's CPU.
    /// </summary>
    private static CompressionLevel Level(IHttpContextAccessor http) =>
        http.HttpContext?.Features.Get<IOutputCacheFeature>()?.Context.AllowCacheStorage == true
            ? CompressionLevel.Optimal
            : CompressionLevel.Fastest;

    private sealed class CacheAwareBrotli(IHttpContextAccessor http) : ICompressionProvider
    {
        public string EncodingName => "br";
        public bool SupportsFlush => true;
        public Stream CreateStream(Stream outputStream) => new BrotliStream(outputStream, Level(http), leaveOpen: true);
    }

    private sealed class CacheAwareGzip(IHttpContextAccessor http) : ICompressionProvider
    {
        public string EncodingName => "gzip";
        public bool SupportsFlush => true;
        public Stream CreateStream(Stream outputStream) => new GZipStream(outputStream, Level(http), leaveOpen: true);
    }

    private sealed class PublicPagePolicy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var options = http.RequestServices.GetRequiredService<IOptions<CachingOptions>>().Value;
            var anonymousRead = options.OutputCache
                && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && !http.Request.Headers.ContainsKey("Authorization")
                && !http.Request.Cookies.ContainsKey(AccountsExtensions.AuthCookie)
                && http.User.Identity?.IsAuthenticated != true;
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = anonymousRead;
            context.AllowCacheStorage = anonymousRead;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = options.Duration;
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.HeaderNames = "Accept-Encoding";
            foreach (var cookie in http.GetEndpoint()?.Metadata.GetOrderedMetadata<VaryByCookie>() ?? [])
            {
                context.CacheVaryByRules.VaryByValues[cookie.Name] = http.Request.Cookies[cookie.Name] ?? "";
            }
            var shows = http.GetEndpoint()?.Metadata.GetOrderedMetadata<ShowsAttribute>() ?? [];
            context.Tags.UnionWith(shows.Count > 0 ? shows.SelectMany(s => s.Kinds) : Shown.Everything);
            context.Tags.Add(Shown.Page);
            if (anonymousRead)
            {
                var store = http.RequestServices.GetRequiredService<IOutputCacheStore>();
                foreach (var changes in http.RequestServices.GetServices<IScheduledChanges>())
                {
                    await changes.EnsureFreshAsync(store, cancellation);
                }
            }
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // Only whole, cookie-free successes are shared between readers.
            if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            {
                context.AllowCacheStorage = false;
            }
            return ValueTask.CompletedTask;
        }
    }
}
