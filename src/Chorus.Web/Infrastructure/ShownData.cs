using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using StackExchange.Redis;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Data many pages read and few writes change (the directory's table of counts, the hosts an events list offers as a
/// filter), read once and kept in memory until a write evicts a tag (<see cref="Shown"/>) it was read under: the same
/// tags and the same moment as the cached pages showing it, so an uncached page costs what its own rows cost. Kept at
/// most as long as a cached page, in case something changes the rows without going through EF's change tracking.
/// Only data that does not depend on the request goes here (a key per filter value would let anyone fill the memory).
/// </summary>
internal sealed class ShownData(IMemoryCache cache, IOptions<CachingOptions> options) : ILocalCopies
{
    private volatile bool _away;

    // One source per tag, cancelled (and replaced) when the tag is evicted, which expires every entry read under it.
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _tags = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string key, IReadOnlyList<string> tags, Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
        if (_away)
        {
            return await read(ct);
        }
        if (cache.TryGetValue(key, out T? kept))
        {
            return kept!;
        }
        // Taken before reading: an eviction during the read cancels one of these, and the entry then expires as it is set.
        var tokens = tags.Select(t => _tags.GetOrAdd(t, _ => new CancellationTokenSource()).Token).ToList();
        var value = await read(ct);
        using var entry = cache.CreateEntry(key);
        entry.Value = value;
        entry.AbsoluteExpirationRelativeToNow = options.Value.Duration;
        foreach (var token in tokens)
        {
            entry.ExpirationTokens.Add(new CancellationChangeToken(token));
        }
        return value;
    }

    public void Evict(string tag)
    {
        if (_tags.TryRemove(tag, out var source))
        {
            // Not disposed: an entry being set may still hold its token, which must read as cancelled.
            source.Cancel();
        }
    }

    public void Away(bool away)
    {
        _away = away;
        foreach (var tag in _tags.Keys)
        {
            Evict(tag);
        }
    }
}

/// <summary>
/// The output-cache store with two additions: evicting a tag also drops what this node keeps under it
/// (<see cref="ShownData"/>, media copies), so every eviction (a write, a scheduled instant) reaches them through the one
/// call that already existed; and with several nodes (<see cref="Nodes"/>) it is published for the others to make too.
/// </summary>
internal sealed class EvictingStore(IOutputCacheStore pages, IEnumerable<ILocalCopies> copies, SharedRedis? redis) : IOutputCacheStore
{
    // Tells this node's messages from the others' on the shared channel (per instance: test hosts share a process).
    private readonly string _node = Guid.NewGuid().ToString("N");

    private volatile bool _away;

    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        await EvictHereAsync(tag);
        if (redis is null)
        {
            return;
        }
        try
        {
            // Not awaited: the write that evicts does not wait on Redis; while Redis is away the client keeps the message
            // and sends it on reconnecting (and the other nodes, away too, serve nothing cached meanwhile).
            redis.Connection.GetSubscriber().Publish(RedisChannel.Literal(redis.Name(Nodes.EvictionsChannel)), $"{_node}\n{tag}", CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or ObjectDisposedException)
        {
            // The write has committed and must not fail now: the others drop everything when they next hear from Redis, or
            // the page expires (Caching:Duration).
        }
    }

    /// <summary>Evicts a tag from this node's copies only (what another node's eviction does here).</summary>
    public async ValueTask EvictHereAsync(string tag)
    {
        foreach (var copy in copies)
        {
            copy.Evict(tag);
        }
        await pages.EvictByTagAsync(tag, CancellationToken.None);
    }

    /// <summary>The tag another node evicted, or null for this node's own message.</summary>
    public string? FromOtherNode(RedisValue message) =>
        message.ToString().Split('\n', 2) is [var node, var tag] && node != _node ? tag : null;

    /// <summary>
    /// Whether this node may be missing other nodes' evictions (Redis unreachable): then it serves and keeps nothing from
    /// its copies, and when that ends it drops all it kept before.
    /// </summary>
    public void Away(bool away)
    {
        _away = away;
        foreach (var copy in copies)
        {
            copy.Away(away);
        }
        _ = pages.EvictByTagAsync(Shown.Page, CancellationToken.None).AsTask();
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        _away ? ValueTask.FromResult<byte[]?>(null) : pages.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        _away ? ValueTask.CompletedTask : pages.SetAsync(key, value, tags, validFor, cancellationToken);

    /// <summary>Wraps the store <c>AddOutputCache</c> registered.</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddMemoryCache();
        services.AddSingleton<ShownData>();
        services.AddSingleton<ILocalCopies>(sp => sp.GetRequiredService<ShownData>());
        services.AddSingleton<IOutputCacheStore>(sp => new EvictingStore(
            (IOutputCacheStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)),
            sp.GetServices<ILocalCopies>(),
            sp.GetService<SharedRedis>()));
    }
}
