using System.Data.Common;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Data;

/// <summary>
/// Opens a request's database connection once for all its statements. EF opens and closes one around every query, and
/// on SQLite every open also sets the connection up again (its functions and pragmas): a page of four statements paid
/// it four times. Runs after the output cache, so a cached page opens nothing (nor does a stylesheet or script). A
/// connection that cannot be opened is left to the request's first query, which fails as it always did (503), so what
/// needs no database still answers during an outage.
/// </summary>
internal static class OneConnectionPerRequest
{
    public static void UseOneConnectionPerRequest(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var db = http.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<StaticAssetDescriptor>() is null
            ? http.RequestServices.GetRequiredService<ChorusDb>()
            : null;
        var opened = db is not null && await TryOpenAsync(db, http.RequestAborted);
        try
        {
            await next(http);
        }
        finally
        {
            if (opened)
            {
                await CloseAsync(db!);
            }
        }
    });

    private static async Task<bool> TryOpenAsync(ChorusDb db, CancellationToken ct)
    {
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            return true;
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Gives the connection back. One the server cut mid-request (a restart, a failover) cannot be closed cleanly: the
    /// request has already failed with the reason, and EF opens a fresh one for whatever runs next in this scope (the
    /// error page), so that second failure is not allowed to hide the first.
    /// </summary>
    private static async Task CloseAsync(ChorusDb db)
    {
        try
        {
            await db.Database.CloseConnectionAsync();
        }
        catch (Exception e) when (e is DbException || DatabaseFaults.IsUnavailable(e))
        {
        }
    }
}
