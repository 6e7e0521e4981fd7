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
        await store.EvictByTagAsync(PublicPages.Tag, ct);
        await using var scope = scopes.CreateAsyncScope();
        var upcoming = await NextAsync(scope.ServiceProvider.GetRequiredService<ChorusDb>(), now, ct);
        // A write during the lookup reset the state to Unknown: keep that, so the next request looks again.
        Interlocked.CompareExchange(ref _next, upcoming?.Ticks ?? long.MaxValue, Looking);
    }

    public void Invalidate() => Interlocked.Exchange(ref _next, Unknown);
}
