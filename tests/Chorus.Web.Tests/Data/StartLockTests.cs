using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Data;

/// <summary>Starting cannot wedge: nodes starting together, and a start after one killed while migrating.</summary>
public sealed class StartLockTests
{
    [Fact]
    public async Task Two_nodes_starting_together_on_a_new_database_migrate_and_seed_it_once_and_both_serve()
    {
        var name = $"chorus_test_{Guid.NewGuid():N}";
        var nodes = new[] { new ChorusFactory(name, seedDemo: true), new ChorusFactory(name, seedDemo: true) };
        try
        {
            await Task.WhenAll(nodes.Select(node => Task.Run(() => _ = node.Services)));
            foreach (var node in nodes)
            {
                Assert.Equal(HttpStatusCode.OK, (await node.CreatePlainClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await node.CreatePlainClient().GetAsync(new Uri("/en/", UriKind.Relative))).StatusCode);
            }
            var (posts, distinct) = await nodes[0].WithDb(async db => (await db.Posts.CountAsync(), await db.Posts.Select(p => p.Slug).Distinct().CountAsync()));
            Assert.True(posts > 0);
            Assert.Equal(distinct, posts); // the demo content once, not twice
            // One key protects cookies and form tokens for both (each would otherwise make its own at its first request).
            Assert.Equal(1, await nodes[0].WithDb(db => db.DataProtectionKeys.CountAsync()));
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
            await Forget(name);
        }
    }

    [Fact]
    public async Task A_SQLite_site_whose_last_start_was_killed_while_migrating_starts()
    {
        var file = Path.Combine(Path.GetTempPath(), $"chorus_killed_{Guid.NewGuid():N}.db");
        // What EF leaves when its process dies during the first migration: its lock table, the lock taken.
        await using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = new SqliteCommand("""
                CREATE TABLE "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-11-27 11:58:00+00:00');
                """, connection);
            await command.ExecuteNonQueryAsync();
        }
        await using var site = new OnFile(file);
        try
        {
            var health = await Task.Run(() => site.CreatePlainClient().GetAsync(new Uri("/healthz", UriKind.Relative))).WaitAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(0, await site.WithDb(db => db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM \"__EFMigrationsLock\"").SingleAsync()));
        }
        finally
        {
            await site.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".start-lock" })
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The site on a SQLite file the test prepared, whichever database the rest of the pass uses.</summary>
    private sealed class OnFile(string file) : EmptyChorusFactory
    {
        protected override bool NeedsDatabase => false;

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [new("Database:Provider", "sqlite"), new("Database:ConnectionString", $"Data Source={file}")];
    }

    private static async Task Forget(string name)
    {
        if (ChorusFactory.Provider == "postgres")
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await TemplateDatabases.DropAsync(name);
            return;
        }
        SqliteConnection.ClearAllPools();
        var file = ChorusFactory.SqliteFile(name);
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + ".start-lock" })
        {
            File.Delete(path);
        }
    }
}
