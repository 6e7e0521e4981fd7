using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Search;

internal static class SearchExtensions
{
    /// <summary>Call after the content features: the indexer reads what their own save hooks derive.</summary>
    public static void AddSearch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IInterceptor, SearchIndexer>();
        // Results pages are public and anonymous like the rest: a search many readers make is answered from memory
        // until the next write evicts it (and at the instants scheduled items appear).
        builder.CachePublicPages("/Search", [.. Shown.Everything, Shown.Search]);
        builder.Services.EvictOnWrite<SearchDocument>(Shown.Search);
        // Registered after the features' datasets, so it runs once they are written.
        builder.Services.AddSingleton<IBenchDataset, OptimizedIndex>();
        builder.Services.AddCommand("reindex", "(rewrites the full-text search index from the content)", async (services, _) =>
        {
            await SearchIndexer.RebuildAsync(services.GetRequiredService<ChorusDb>(), services.GetRequiredService<IOptions<SiteOptions>>().Value, CancellationToken.None);
            return 0;
        });
    }

    /// <summary>A site that had content before the search index existed gets its index written once, at start.</summary>
    public static async Task PrepareSearchAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChorusDb>();
        if (!await db.SearchDocuments.AnyAsync() && (await db.Posts.AnyAsync() || await db.Organisations.AnyAsync() || await db.Events.AnyAsync()))
        {
            await SearchIndexer.RebuildAsync(db, app.Services.GetRequiredService<IOptions<SiteOptions>>().Value, CancellationToken.None);
            app.Logger.LogInformation("Wrote the search index for the existing content.");
        }
    }

    /// <summary>
    /// Merges SQLite's full-text index into one segment. Written in thousands of small saves, FTS5 keeps many segments
    /// and a query reads them all (counting a common word took 5–10 times longer on the bench before this).
    /// </summary>
    public static async Task OptimizeAsync(ChorusDb db, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "SearchIndex"("SearchIndex") VALUES ('optimize')""", ct);
        }
    }

    private sealed class OptimizedIndex : IBenchDataset
    {
        public Task AddAsync(ChorusDb db, string[] args, TextWriter output, CancellationToken ct) => OptimizeAsync(db, ct);
    }
}
