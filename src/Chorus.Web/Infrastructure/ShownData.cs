using System.Collections.Concurrent;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Data many pages read and few writes change (the directory's table of counts, the hosts an events list offers as a
/// filter), read once and kept in memory until a write evicts a tag (<see cref="Shown"/>) it was read under: the same
/// tags and the same moment as the cached pages showing it, so an uncached page costs what its own rows cost. Kept at
/// most as long as a cached page, in case something changes the rows without going through EF's change tracking.
/// Only data that does not depend on the request goes here (a key per filter value would let anyone fill the memory).
/// </summary>
internal sealed class ShownData(IMemoryCache cache, IOptions<CachingOptions> options)
{
    // One source per tag, cancelled (and replaced) when the tag is evicted, which expires every entry read under it.
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _tags = new(StringComparer.Ordinal);

    public async Task<T> GetAsync<T>(string key, IReadOnlyList<string> tags, Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
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
}

/// <summary>
/// The output-cache store with one addition: evicting a tag also drops the <see cref="ShownData"/> read under it, so every
/// eviction (a write, a scheduled instant) reaches both through the one call that already existed.
/// </summary>
internal sealed class EvictingStore(IOutputCacheStore pages, ShownData data) : IOutputCacheStore
{
    public async ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        data.Evict(tag);
        await pages.EvictByTagAsync(tag, cancellationToken);
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => pages.GetAsync(key, cancellationToken);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        pages.SetAsync(key, value, tags, validFor, cancellationToken);

    /// <summary>Wraps the store <c>AddOutputCache</c> registered.</summary>
    public static void Register(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddMemoryCache();
        services.AddSingleton<ShownData>();
        services.AddSingleton<IOutputCacheStore>(sp => new EvictingStore(
            (IOutputCacheStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)),
            sp.GetRequiredService<ShownData>()));
    }
}
