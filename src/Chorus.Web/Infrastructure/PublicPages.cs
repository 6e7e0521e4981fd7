using System.IO.Compression;
using Chorus.Web.Features.Accounts;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
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

/// <summary>Rows no public page shows (queues, caches): writing them leaves the page cache alone.</summary>
internal interface INotShownPublicly;

/// <summary>Output caching and compression for the public pages.</summary>
internal static class PublicPages
{
    public const string Policy = "public-pages";
    public const string Tag = "public";

    /// <summary>Serves the Razor Pages in a feature folder from the output cache (public, anonymous pages only).</summary>
    public static void CachePublicPages(this IHostApplicationBuilder builder, string folder) =>
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
            o.Conventions.AddFolderApplicationModelConvention(folder, model => model.EndpointMetadata.Add(new OutputCacheAttribute { PolicyName = Policy })));

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
        builder.Services.AddSingleton<IInterceptor, EvictOnWrite>();
        builder.Services.AddResponseCompression(o =>
        {
            // Public pages carry no secrets, so compressing them over HTTPS is safe (no BREACH target).
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/rss+xml",
                "application/atom+xml", "application/feed+json", "text/calendar", "application/problem+json"];
        });
        // Compressed once per cache entry, so spend a little more CPU for smaller pages.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
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
            context.Tags.Add(Tag);
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

    /// <summary>Every saved write that may change a public page drops the cached pages at once.</summary>
    private sealed class EvictOnWrite(IOutputCacheStore store, IEnumerable<IScheduledChanges> scheduled) : SaveChangesInterceptor
    {
        // Contexts whose pending save touches something public; decided before the save, acted on after.
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _touchesPublic = [];

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            Note(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Note(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Evict(eventData.Context, result).AsTask().GetAwaiter().GetResult();
            return result;
        }

        public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            await Evict(eventData.Context, result);
            return result;
        }

        // A failed save changed nothing; pooled contexts are reused, so forget what it would have touched.
        public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Forget(eventData.Context);
            return Task.CompletedTask;
        }

        private void Forget(DbContext? context)
        {
            if (context is not null)
            {
                _touchesPublic.Remove(context);
            }
        }

        private void Note(DbContext? context)
        {
            if (context is not null && context.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not INotShownPublicly))
            {
                _touchesPublic.AddOrUpdate(context, true);
            }
        }

        private ValueTask Evict(DbContext? context, int changed)
        {
            if (context is null || !_touchesPublic.Remove(context) || changed == 0)
            {
                return ValueTask.CompletedTask;
            }
            foreach (var changes in scheduled)
            {
                changes.Invalidate();
            }
            return store.EvictByTagAsync(Tag, CancellationToken.None);
        }
    }
}
