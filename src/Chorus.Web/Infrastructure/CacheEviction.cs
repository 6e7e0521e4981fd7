using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// The tags cached pages carry for what they show, and that a write evicts for what it changed: a kind of content, or one
/// campaign or organisation (whose signatures change far more often than anything else).
/// </summary>
internal static class Shown
{
    public const string Posts = "posts";
    public const string Events = "events";
    public const string Campaigns = "campaigns";
    public const string Consultations = "consultations";
    public const string Organisations = "organisations";

    /// <summary>The search index, which results pages show (rewritten with every content write, and by `reindex`).</summary>
    public const string Search = "search";

    /// <summary>The site's identity and home page blocks (<c>SiteLook</c>), which every page's header and footer show.</summary>
    public const string Site = "site";

    /// <summary>Every cached page, whatever it shows: a node that may have missed evictions drops them all.</summary>
    public const string Page = "page";

    /// <summary>What a page shows when it does not say: everything, so a page nobody tagged is never stale.</summary>
    public static readonly string[] Everything = [Posts, Events, Campaigns, Organisations, Consultations];

    /// <summary>Pages showing one campaign's signatures (its page, count, list, embeds, the campaigns list).</summary>
    public static string Campaign(int id) => $"campaign:{id}";

    /// <summary>Pages showing one organisation's signatures (its profile).</summary>
    public static string Organisation(int id) => $"organisation:{id}";

    /// <summary>Adds a tag to the page being rendered, for what it shows that its endpoint does not say (one campaign's count).</summary>
    public static void Show(this HttpContext http, string tag) => http.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(tag);
}

/// <summary>Endpoint metadata: the kinds of content (<see cref="Shown"/>) a cached page shows.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class ShowsAttribute(params string[] kinds) : Attribute
{
    public IReadOnlyList<string> Kinds { get; } = kinds;
}

/// <summary>How saving one entity type changes public pages: the tags of the cached pages it makes stale (none: nothing).</summary>
internal sealed record PublicWrite(Type Entity, Func<EntityEntry, IEnumerable<string>> Tags);

internal static class CacheEviction
{
    /// <summary>
    /// Declares that writes of <typeparamref name="T"/> change the pages with these tags. Eviction is opt-in per entity:
    /// a type with no rule (sessions, failed sign-ins, the outbox, the audit log, a new table) never empties the cache.
    /// </summary>
    public static void EvictOnWrite<T>(this IServiceCollection services, Func<EntityEntry, IEnumerable<string>> tags) =>
        services.AddSingleton(new PublicWrite(typeof(T), tags));

    public static void EvictOnWrite<T>(this IServiceCollection services, params string[] tags) => services.EvictOnWrite<T>(_ => tags);

    /// <summary>The value of a property before this save (a deleted row's last value; an added row's new one).</summary>
    public static T? Before<T>(this EntityEntry entry, string property) =>
        entry.State == EntityState.Added ? (T?)entry.Property(property).CurrentValue : (T?)entry.Property(property).OriginalValue;
}

/// <summary>
/// Evicts, after a save commits, the cached pages showing what it changed: the tags come from each written entity's
/// <see cref="PublicWrite"/> rule (an owned part counts as its owner), gathered before the save while the entries still
/// say what changed. Scheduled changes are told to look up their next instant again. A save inside a transaction the caller
/// began evicts when that transaction commits: evicted earlier, a reader in between would render the rows as they were
/// (the change is not visible yet) and cache that page until it expires, on this node or any other.
/// </summary>
internal sealed class EvictOnWrite(IOutputCacheStore store, IEnumerable<IScheduledChanges> scheduled, IEnumerable<PublicWrite> rules)
    : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly Dictionary<Type, Func<EntityEntry, IEnumerable<string>>> _rules = rules.ToDictionary(r => r.Entity, r => r.Tags);

    // Tags each context's pending save will evict; decided before the save, acted on after it.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, HashSet<string>> _pending = [];

    // Tags of saves made inside a transaction still open, evicted when it commits.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, HashSet<string>> _uncommitted = [];

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

    // A failed save changed nothing; pooled contexts are reused, so forget what it would have evicted.
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
            _pending.Remove(context);
        }
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Rule(entry) is { } rule)
            {
                tags.UnionWith(rule(entry));
            }
        }
        if (tags.Count > 0)
        {
            // A save made while another is finishing (the audit log's) adds to what is pending, never replaces it.
            _pending.GetOrCreateValue(context).UnionWith(tags);
        }
    }

    // An owned part (an event's recurrence, a category's names) is part of its owner's pages: the owner's rule applies. Such
    // rules name tags without reading values, which an owned entry does not have.
    private Func<EntityEntry, IEnumerable<string>>? Rule(EntityEntry entry)
    {
        for (var type = entry.Metadata; type is not null; type = type.FindOwnership()?.PrincipalEntityType)
        {
            if (_rules.TryGetValue(type.ClrType, out var rule))
            {
                return rule;
            }
        }
        return null;
    }

    public void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) =>
        Committed(eventData.Context).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default) => Committed(eventData.Context).AsTask();

    public void TransactionRolledBack(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData) => Abandon(eventData.Context);

    public Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    // A commit that failed wrote nothing.
    public void TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData) => Abandon(eventData.Context);

    public Task TransactionFailedAsync(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData,
        CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    private void Abandon(DbContext? context)
    {
        if (context is not null)
        {
            _uncommitted.Remove(context);
        }
    }

    private async ValueTask Committed(DbContext? context)
    {
        if (context is not null && _uncommitted.TryGetValue(context, out var tags))
        {
            _uncommitted.Remove(context);
            await EvictAsync(tags);
        }
    }

    private async ValueTask Evict(DbContext? context, int changed)
    {
        if (context is null || !_pending.TryGetValue(context, out var tags))
        {
            return;
        }
        _pending.Remove(context);
        if (changed == 0)
        {
            return;
        }
        if (context.Database.CurrentTransaction is not null)
        {
            _uncommitted.GetOrCreateValue(context).UnionWith(tags);
            return;
        }
        await EvictAsync(tags);
    }

    private async ValueTask EvictAsync(HashSet<string> tags)
    {
        foreach (var changes in scheduled)
        {
            changes.Invalidate();
        }
        foreach (var tag in tags)
        {
            await store.EvictByTagAsync(tag, CancellationToken.None);
        }
    }
}
