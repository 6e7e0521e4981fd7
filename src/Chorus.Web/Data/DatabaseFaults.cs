using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Chorus.Web.Data;

/// <summary>
/// When the database is out of reach (restarted, overloaded, locked), readers get 503 with Retry-After and the site's own
/// error page, never a 500; /healthz says which dependency failed. Connections come back by themselves: the pool drops
/// broken ones and opens fresh ones once the server answers.
/// </summary>
internal static class DatabaseFaults
{
    /// <summary>Seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 30;

    /// <summary>Whether <paramref name="e"/> (or what it wraps) says the database could not be reached or is busy, rather than a fault of ours.</summary>
    public static bool IsUnavailable(Exception e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            // SQLite: the file is busy or locked by another process, or cannot be opened or read.
            if (inner is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 or 10 or 14 })
            {
                return true;
            }
            // Redis (several nodes) lost in the middle of counting a shared rate limit.
            if (inner is DbException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException or StackExchange.Redis.RedisConnectionException
                or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException)
            {
                return true;
            }
            // Npgsql: the server is shutting down, starting up, or refusing connections (SQLSTATE classes 08 and 57P).
            if (inner is DbException { SqlState: { } state } && (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal) || state == "53300"))
            {
                return true;
            }
        }
        return false;
    }

    public static int StatusCodeFor(Exception e) => IsUnavailable(e) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;

    /// <summary>/healthz: the overall state and each dependency's, as JSON (names and states only: no connection details).</summary>
    public static void MapHealth(this WebApplication app) => app.MapHealthChecks("/healthz", new HealthCheckOptions
    {
        ResponseWriter = (http, report) =>
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            return http.Response.WriteAsync(JsonSerializer.Serialize(new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }));
        },
    });
}
