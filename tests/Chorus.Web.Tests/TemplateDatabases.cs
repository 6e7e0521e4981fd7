using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chorus.Web.Tests;

/// <summary>
/// One migrated database per provider (and one with the demo content seeded), made once per test run by
/// starting the real app on it; each test class then starts on its own copy: a file copy for SQLite,
/// <c>CREATE DATABASE … TEMPLATE</c> for PostgreSQL. Migrating and seeding once instead of once per class
/// is most of what a class used to spend before its first test.
/// </summary>
internal static class TemplateDatabases
{
    private static readonly ConcurrentDictionary<bool, Lazy<Task<string>>> Templates = new();
    private static readonly SemaphoreSlim PostgresCopies = new(1, 1);
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..12];

    static TemplateDatabases() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DropTemplates();

    /// <summary>Fills the database named by <paramref name="connectionString"/> from the template, making the template first if needed.</summary>
    public static async Task CopyToAsync(string provider, bool seedDemo, string connectionString)
    {
        var template = await Templates.GetOrAdd(seedDemo, seeded => new Lazy<Task<string>>(() => MakeAsync(provider, seeded))).Value;
        if (provider == "postgres")
        {
            var target = new NpgsqlConnectionStringBuilder(connectionString);
            await PostgresCopies.WaitAsync();
            try
            {
                await using var admin = await OpenServerAsync();
                await using var create = new NpgsqlCommand($"""CREATE DATABASE "{target.Database}" TEMPLATE "{template}" """, admin);
                await create.ExecuteNonQueryAsync();
            }
            finally
            {
                PostgresCopies.Release();
            }
        }
        else
        {
            File.Copy(template, new SqliteConnectionStringBuilder(connectionString).DataSource);
        }
    }

    private static async Task<string> MakeAsync(string provider, bool seedDemo)
    {
        var name = $"chorus_template_{RunId}_{(seedDemo ? "demo" : "empty")}";
        await using (var builder = new ChorusFactory(name, seedDemo))
        {
            _ = builder.Services; // starts the app: migrations, roles, demo content, search index
        }
        if (provider == "postgres")
        {
            // The app is gone; its pooled connections must be too before PostgreSQL copies the database.
            NpgsqlConnection.ClearAllPools();
            await using var admin = await OpenServerAsync();
            await using var terminate = new NpgsqlCommand(
                $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()", admin);
            await terminate.ExecuteNonQueryAsync();
            return name;
        }
        var file = ChorusFactory.SqliteFile(name);
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var checkpoint = new SqliteCommand("PRAGMA wal_checkpoint(TRUNCATE);", connection);
            await checkpoint.ExecuteNonQueryAsync();
        }
        return file;
    }

    /// <summary>Drops a class's PostgreSQL database, whatever connections its app left open.</summary>
    public static async Task DropAsync(string name)
    {
        await using var admin = await OpenServerAsync();
        await using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenServerAsync()
    {
        var connection = new NpgsqlConnection(ChorusFactory.PostgresServer + ";Database=postgres;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    private static void DropTemplates()
    {
        foreach (var (seeded, template) in Templates)
        {
            if (!template.IsValueCreated || !template.Value.IsCompletedSuccessfully)
            {
                continue;
            }
            try
            {
                var name = template.Value.Result;
                if (ChorusFactory.Provider == "postgres")
                {
                    using var admin = new NpgsqlConnection(ChorusFactory.PostgresServer + ";Database=postgres;Pooling=False");
                    admin.Open();
                    using var drop = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""", admin);
                    drop.ExecuteNonQuery();
                }
                else
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var file in new[] { name, name + "-wal", name + "-shm", name + ".start-lock" })
                    {
                        File.Delete(file);
                    }
                }
            }
            catch (Exception e) when (e is NpgsqlException or IOException)
            {
                Console.Error.WriteLine($"Could not remove the {(seeded ? "demo" : "empty")} template database: {e.Message}");
            }
        }
    }
}
