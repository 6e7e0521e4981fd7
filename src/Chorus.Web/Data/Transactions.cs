using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Chorus.Web.Data;

/// <summary>Units of work that run in a transaction, again if the database asks for it.</summary>
internal static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction under the provider's execution strategy: when PostgreSQL refuses to
    /// commit a serializable transaction that raced another (40001), breaks a deadlock (40P01) or drops the connection,
    /// the whole unit runs again from what the database then holds, a bounded number of times, instead of the visitor
    /// getting a 500. <paramref name="work"/> must read what it changes itself: a retry first forgets every tracked entity.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this ChorusDb db, IsolationLevel level, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        var attempt = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            if (attempt++ > 0)
            {
                db.ChangeTracker.Clear();
            }
            await using var transaction = await db.Database.BeginTransactionAsync(level, token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, ct);
    }

    /// <summary>
    /// Makes the transactions deciding about one thing (an organisation's entry on a campaign, an event's last places) take
    /// turns until they commit, and only those: PostgreSQL's advisory transaction lock on the key's hash. (Serializable
    /// transactions instead conflicted with each other on the campaign's rows: of fifty confirmations of different
    /// organisations arriving together, 10-21 still failed after four retries.) SQLite needs nothing: its transactions
    /// begin immediate, one writer at a time.
    /// </summary>
    public static async Task LockAsync(this ChorusDb db, string key, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            // A hash every node computes alike (string.GetHashCode differs between processes).
            var hash = BitConverter.ToInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({hash})", ct);
        }
    }
}

/// <summary>
/// PostgreSQL's retries, quick: a serialization conflict or a deadlock resolves as soon as the other transaction is done,
/// so attempts follow each other within tens of milliseconds (EF's default waits 1, 3, 7… seconds, meant for a
/// restarting server); after four the error goes on to the visitor's 503.
/// </summary>
internal sealed class ConflictRetries(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, TimeSpan.FromMilliseconds(400), [PostgresErrorCodes.SerializationFailure, PostgresErrorCodes.DeadlockDetected])
{
    private const int MaxRetries = 4;

    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var retries = ExceptionsEncountered.Count;
        return retries > MaxRetries ? null
            : TimeSpan.FromMilliseconds(Math.Min(400, 10 * Math.Pow(3, retries - 1) * (1 + Random.Shared.NextDouble())));
    }
}
