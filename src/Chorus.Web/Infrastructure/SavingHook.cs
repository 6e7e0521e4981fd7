using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Runs a feature's derivations (rendered HTML, keys, timestamps) just before every save, sync or async,
/// whoever saves: a page, a command, the seeder or a test.
/// </summary>
internal abstract class SavingHook : SaveChangesInterceptor
{
    protected abstract void Prepare(DbContext context);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            Prepare(context);
        }
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            Prepare(context);
        }
        return ValueTask.FromResult(result);
    }

    /// <summary>The entities of a type this save adds or changes.</summary>
    protected static IEnumerable<Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<T>> Written<T>(DbContext context) where T : class =>
        context.ChangeTracker.Entries<T>().Where(e => e.State is EntityState.Added or EntityState.Modified);

    /// <summary>Sets the "updated" time of every written entity and the "created" time of new ones.</summary>
    protected static void Stamp<T>(DbContext context, DateTime now, Action<T, DateTime> created, Action<T, DateTime> updated) where T : class
    {
        foreach (var entry in Written<T>(context))
        {
            updated(entry.Entity, now);
            if (entry.State == EntityState.Added)
            {
                created(entry.Entity, now);
            }
        }
    }
}
