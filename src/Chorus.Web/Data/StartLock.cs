using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Chorus.Web.Data;

/// <summary>
/// Migrating and seeding from one process at a time, whatever else starts with it (two nodes, `migrate` beside a running
/// start), with a lock that dies with its holder: PostgreSQL's session advisory lock, and for SQLite an OS lock on a file
/// beside the database (flock, which the kernel releases when the process ends, even by kill -9).
/// </summary>
internal static class StartLock
{
    // An arbitrary constant naming Chorus's start-up lock among the database's advisory locks (EF's migration lock has its own).
    private const long AdvisoryKey = 0x43686f7275_5374L;

    /// <summary>Runs <paramref name="work"/> holding the lock; <paramref name="create"/>: a PostgreSQL database not there yet is made first (to hold a lock in).</summary>
    public static async Task HoldingAsync(ChorusDb db, ILogger log, bool create, Func<Task> work, CancellationToken ct = default)
    {
        if (db.Database.IsNpgsql())
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                if (!create)
                {
                    await work();
                    return;
                }
                try
                {
                    await creator.CreateAsync(ct);
                }
                catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
                {
                    // Another node made it a moment ago.
                }
            }
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({AdvisoryKey})", ct);
                try
                {
                    await work();
                }
                finally
                {
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({AdvisoryKey})", CancellationToken.None);
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
            return;
        }
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        if (file is "" or ":memory:")
        {
            await work();
            return;
        }
        await using var held = await LockFileAsync(file + ".start-lock", log, ct);
        await ClearStaleMigrationLockAsync(db, log, ct);
        await work();
    }

    /// <summary>Opens the lock file exclusively (.NET takes flock on it), waiting while another live process holds it.</summary>
    private static async Task<FileStream> LockFileAsync(string path, ILogger log, CancellationToken ct)
    {
        for (var waited = false; ; waited = true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (!ct.IsCancellationRequested)
            {
                if (!waited)
                {
                    log.LogInformation("Another process is migrating or seeding {Database}; waiting for it.", path);
                }
                await Task.Delay(200, ct);
            }
        }
    }

    /// <summary>
    /// EF marks a SQLite migration in progress with a row in __EFMigrationsLock and waits, for ever, while one exists. We hold
    /// the start-up lock, so no live process is migrating: a row left now is from a process that died mid-migration.
    /// </summary>
    private static async Task ClearStaleMigrationLockAsync(ChorusDb db, ILogger log, CancellationToken ct)
    {
        var exists = await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(ct) > 0;
        if (exists && await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", ct) > 0)
        {
            log.LogWarning("Removed the migration lock left in the database by a process that stopped while migrating; migrating now.");
        }
    }
}
