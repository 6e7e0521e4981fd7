using Chorus.Web.Data;
using Microsoft.AspNetCore.OutputCaching;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Knows the next instant a feature's public pages change by themselves (a scheduled post goes live, a campaign
/// opens or closes) and evicts the cached pages when it comes, so no page is served stale past it.
/// </summary>
internal abstract class ScheduledEviction(TimeProvider clock, IServiceScopeFactory scopes) : IScheduledChanges
{
    private const long Unknown = 0;
    private const long Looking = -1;

    // Ticks of the next instant; Unknown makes the next request look it up.
    private long _next = Unknown;

    // Ticks of the instant the last successful lookup found. A write forgets _next, not this: an instant that comes before
    // the first request after a write is still evicted by that request.
    private long _found = long.MaxValue;

    /// <summary>The tag (<see cref="Shown"/>) of the pages that change at those instants.</summary>
    protected abstract string Shows { get; }

    /// <summary>The next instant after <paramref name="now"/> at which something changes, if any.</summary>
    protected abstract Task<DateTime?> NextAsync(ChorusDb db, DateTime now, CancellationToken ct);

    public async ValueTask EnsureFreshAsync(IOutputCacheStore store, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var next = Interlocked.Read(ref _next);
        if (next == Looking || (next != Unknown && now.Ticks < next))
        {
            return;
        }
        if (Interlocked.CompareExchange(ref _next, Looking, next) != next)
        {
            return; // another request is already on it
        }
        var found = Unknown;
        try
        {
            if (now.Ticks >= Interlocked.Read(ref _found))
            {
                // The instant found last time has come. (A write alone evicts what it changed; it only makes us look again.)
                await store.EvictByTagAsync(Shows, ct);
            }
            await using var scope = scopes.CreateAsyncScope();
            var upcoming = await NextAsync(scope.ServiceProvider.GetRequiredService<ChorusDb>(), now, ct);
            found = upcoming?.Ticks ?? long.MaxValue;
            Interlocked.Exchange(ref _found, found);
        }
        finally
        {
            // A failed or abandoned lookup (the database down, the reader gone) leaves Unknown, so the next request looks
            // again; a write during the lookup reset the state to Unknown already: keep that.
            Interlocked.CompareExchange(ref _next, found, Looking);
        }
    }

    public void Invalidate() => Interlocked.Exchange(ref _next, Unknown);
}
