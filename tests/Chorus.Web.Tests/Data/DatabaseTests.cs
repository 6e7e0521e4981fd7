using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Data;

public sealed class DatabaseTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    [Fact]
    public async Task The_suite_runs_on_the_database_test_sh_asked_for_with_every_migration_applied()
    {
        var expected = Environment.GetEnvironmentVariable("CHORUS_TEST_DB") == "postgres"
            ? "Npgsql.EntityFrameworkCore.PostgreSQL"
            : "Microsoft.EntityFrameworkCore.Sqlite";

        var (provider, pending) = await app.WithDb(async db => (db.Database.ProviderName, await db.Database.GetPendingMigrationsAsync()));

        Assert.Equal(expected, provider);
        Assert.Empty(pending);
    }

    [Fact]
    public async Task Health_endpoint_reports_the_database_healthy()
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        var health = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }
}
