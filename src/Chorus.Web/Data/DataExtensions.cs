using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Data;

internal static class DataExtensions
{
    public static void AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<DatabaseOptions>("Database")
            .Validate(o => !o.IsPostgres || o.ConnectionString.Length > 0,
                "Database:ConnectionString is required when Database:Provider is 'postgres'.");
        builder.Services.AddSettings<SeedOptions>("Seed");

        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (options.IsPostgres)
        {
            builder.Services.AddDbContextPool<ChorusDb, PostgresChorusDb>((sp, o) =>
                o.UseNpgsql(options.ConnectionString, npgsql => npgsql.ExecutionStrategy(d => new ConflictRetries(d)))
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
        }
        else
        {
            var connection = SqliteConnectionString(options.ConnectionString, builder.Environment.ContentRootPath);
            builder.Services.AddDbContextPool<ChorusDb, SqliteChorusDb>((sp, o) =>
                o.UseSqlite(connection).AddInterceptors(sp.GetServices<IInterceptor>()));
        }

        // A read, not only a connection: a SQLite file locked by another process still opens.
        builder.Services.AddHealthChecks().AddDbContextCheck<ChorusDb>("database", customTestQuery: async (db, ct) =>
        {
            await db.Posts.AnyAsync(ct);
            return true;
        });
        builder.Services.AddCommand("migrate", "applies pending migrations", async (services, _) =>
        {
            var db = services.GetRequiredService<ChorusDb>();
            await StartLock.HoldingAsync(db, services.GetRequiredService<ILoggerFactory>().CreateLogger("Chorus.Migrate"), create: true, () => MigrateAsync(db));
            await Console.Out.WriteLineAsync("Database migrated.");
            return 0;
        }, needsDatabase: false);
        builder.Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>The configured SQLite connection string, or ./data/chorus.db with its folder created.</summary>
    internal static string SqliteConnectionString(string configured, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(configured.Length > 0 ? configured : "Data Source=data/chorus.db");
        if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, csb.DataSource));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        csb.Pooling = true;
        // Busy timeout: Microsoft.Data.Sqlite retries a locked database until the command timeout ("Default Timeout",
        // 30 s unless the connection string says otherwise).
        return csb.ToString();
    }

    /// <summary>
    /// Migrates (when configured), seeds the demo content into an empty database, then runs the features' own preparation
    /// (<paramref name="then"/>: roles, the search index), all under the start-up lock.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, Func<Task> then)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChorusDb>();
        // Under the start-up lock, so nodes starting together migrate, seed and create roles once (the second finds them).
        var migrate = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup;
        await StartLock.HoldingAsync(db, app.Logger, create: migrate, async () =>
        {
            if (migrate)
            {
                await MigrateAsync(db);
            }
            if (scope.ServiceProvider.GetRequiredService<IOptions<SeedOptions>>().Value.DemoContent
                && !await db.Posts.AnyAsync())
            {
                await DemoContent.SeedAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), scope.ServiceProvider.GetRequiredService<Features.Campaigns.PublicSuffixes>());
                app.Logger.LogInformation("Seeded the demo content into an empty database.");
            }
            await then();
        });
    }

    public static async Task MigrateAsync(ChorusDb db)
    {
        // Asked first because Migrate, even with nothing to apply, builds the model from the entity classes to look for
        // changes without a migration (1.4 s of every start; the site itself runs on the compiled model). Two nodes
        // starting together may both find a migration pending: Migrate takes its lock and the second applies nothing.
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            await db.Database.MigrateAsync();
        }
        if (db.Database.IsSqlite())
        {
            // WAL lets readers and the writer work at once; the mode is stored in the file.
            // Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout (30 s), so
            // that timeout is our busy timeout.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
