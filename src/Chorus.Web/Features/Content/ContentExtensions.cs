using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chorus.Web.Features.Content;

internal static class ContentExtensions
{
    public static void AddContent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IInterceptor, ContentSaveInterceptor>();
        builder.CachePublicPages("/Content");
        builder.CachePublicPages("/Statements");
        builder.Services.AddSingleton<IScheduledChanges, PublicationSchedule>();
        builder.Services.AddSingleton<IBenchDataset, BenchPosts>();
    }
}

/// <summary>
/// Keeps derived post fields (sanitised HTML, excerpt, timestamps) right on every save,
/// whoever saves: the admin, a command, the seeder or a test.
/// </summary>
internal sealed class ContentSaveInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Prepare(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prepare(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Prepare(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries<Post>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                entry.Entity.Render();
                entry.Entity.UpdatedAt = now;
                if (entry.State == EntityState.Added)
                {
                    entry.Entity.CreatedAt = now;
                }
            }
        }
        foreach (var entry in context.ChangeTracker.Entries<PostTranslation>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                PostTexts.Render(entry.Entity);
                entry.Entity.UpdatedAt = now;
            }
        }
    }
}
