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
}
