using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Content;

/// <summary>A scheduled post appears at its instant even on pages cached before it.</summary>
internal sealed class PublicationSchedule(TimeProvider clock, IServiceScopeFactory scopes) : ScheduledEviction(clock, scopes)
{
    protected override string Shows => Shown.Posts;

    protected override Task<DateTime?> NextAsync(ChorusDb db, DateTime now, CancellationToken ct) =>
        db.Posts.Where(p => p.Status != PostStatus.Draft && p.PublishedAt > now).MinAsync(p => p.PublishedAt, ct);
}
