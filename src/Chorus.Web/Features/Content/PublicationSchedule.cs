using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Content;

/// <summary>
/// Knows the next instant a scheduled post goes live, and evicts the cached pages when it comes,
/// so a post appears at its instant even on pages cached before it.
/// </summary>
internal sealed class PublicationSchedule(TimeProvider clock, IServiceScopeFactory scopes) : IScheduledChanges
{
    private const long Unknown = 0;
    private const long Looking = -1;

    // Ticks of the next instant; Unknown makes the next request look it up.
    private long _next = Unknown;

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
        var db = scope.ServiceProvider.GetRequiredService<ChorusDb>();
        var upcoming = await db.Posts.Where(p => p.Status != PostStatus.Draft && p.PublishedAt > now)
            .MinAsync(p => p.PublishedAt, ct);
        // A write during the lookup reset the state to Unknown: keep that, so the next request looks again.
        Interlocked.CompareExchange(ref _next, upcoming?.Ticks ?? long.MaxValue, Looking);
    }

    public void Invalidate() => Interlocked.Exchange(ref _next, Unknown);
}
