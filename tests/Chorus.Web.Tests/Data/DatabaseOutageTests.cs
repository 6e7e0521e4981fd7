using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Chorus.Web.Tests.Data;

/// <summary>An app that gives up on a busy or absent database after a second or two, as a test can wait for.</summary>
public sealed class ImpatientApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("Database:ConnectionString", Provider == "postgres" ? ConnectionString + ";Timeout=3" : ConnectionString + ";Default Timeout=1"),
    ];
}

/// <summary>The database goes away under the site and comes back: readers get a 503 that says so, then the site recovers by itself.</summary>
public sealed class DatabaseOutageTests(ImpatientApp app) : IClassFixture<ImpatientApp>
{
    private Task<HttpResponseMessage> Search(string q) => app.CreatePlainClient().GetAsync(new Uri($"/en/search?q={q}", UriKind.Relative));

    [Fact]
    public async Task A_lost_database_answers_503_with_retry_after_and_the_site_recovers_by_itself()
    {
        Assert.Equal(HttpStatusCode.OK, (await Search("before")).StatusCode);

        await using (var outage = await Outage.StartAsync(app))
        {
            var during = await Search("during");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(30), during.Headers.RetryAfter?.Delta);
            Assert.Contains("Temporarily unavailable", await during.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var health = await app.CreatePlainClient().GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
            var checks = JsonDocument.Parse(await health.Content.ReadAsStringAsync()).RootElement.GetProperty("checks");
            Assert.Equal("Unhealthy", checks.GetProperty("database").GetProperty("status").GetString());
        }

        Assert.Equal(HttpStatusCode.OK, (await Search("after")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreatePlainClient().GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    /// <summary>
    /// PostgreSQL: the database refuses connections and the site's are cut, as in a server restart. SQLite: another process
    /// holds the file exclusively.
    /// </summary>
    private sealed class Outage : IAsyncDisposable
    {
        private readonly Func<Task> _end;

        private Outage(Func<Task> end) => _end = end;

        public static async Task<Outage> StartAsync(ChorusFactory app)
        {
            if (ChorusFactory.Provider == "postgres")
            {
                await Admin($"""ALTER DATABASE "{app.DatabaseName}" ALLOW_CONNECTIONS false""");
                await Admin($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{app.DatabaseName}'");
                return new Outage(() => Admin($"""ALTER DATABASE "{app.DatabaseName}" ALLOW_CONNECTIONS true"""));
            }
            var holder = new SqliteConnection(app.ConnectionString + ";Pooling=False");
            await holder.OpenAsync();
            await using (var command = holder.CreateCommand())
            {
                command.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS outage_probe(x); COMMIT;";
                await command.ExecuteNonQueryAsync();
            }
            return new Outage(async () => await holder.DisposeAsync());
        }

        private static async Task Admin(string sql)
        {
            await using var connection = new NpgsqlConnection(ChorusFactory.PostgresServer + ";Database=postgres;Pooling=False");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }

        public async ValueTask DisposeAsync() => await _end();
    }
}
