using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Chorus.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Chorus.Web.Tests;

/// <summary>
/// The real app on its own fresh database: SQLite by default, PostgreSQL when test.sh sets
/// CHORUS_TEST_DB=postgres and CHORUS_TEST_PG to a server's connection string.
/// </summary>
public class ChorusFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly string _provider = Environment.GetEnvironmentVariable("CHORUS_TEST_DB") ?? "sqlite";
    private readonly string _connectionString;
    private readonly string? _sqliteFile;

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Where mail goes as .eml files when a test class has no SMTP server.</summary>
    public string MailDropFolder { get; } = Path.Combine(Path.GetTempPath(), $"chorus-mail-{Guid.NewGuid():N}");

    /// <summary>Whether the demo content is seeded; tests that count rows start empty.</summary>
    protected virtual bool SeedDemo => true;

    /// <summary>More configuration for a test class's app, as "Section:Key" settings.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public ChorusFactory()
    {
        var name = $"chorus_test_{Guid.NewGuid():N}";
        if (_provider == "postgres")
        {
            var server = Environment.GetEnvironmentVariable("CHORUS_TEST_PG")
                ?? throw new InvalidOperationException("CHORUS_TEST_DB=postgres needs CHORUS_TEST_PG (a connection string without a database).");
            _connectionString = $"{server};Database={name}";
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), name + ".db");
            _connectionString = $"Data Source={_sqliteFile}";
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _provider);
        builder.UseSetting("Database:ConnectionString", _connectionString);
        builder.UseSetting("Seed:DemoContent", SeedDemo ? "true" : "false");
        builder.UseSetting("Email:DropFolder", MailDropFolder);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    /// <summary>Runs <paramref name="work"/> against the app's database in its own scope.</summary>
    internal async Task<T> WithDb<T>(Func<ChorusDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ChorusDb>());
    }

    internal Task WithDb(Func<ChorusDb, Task> work) => WithDb(async db => { await work(db); return true; });

    public HttpClient CreatePlainClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<(HttpResponseMessage Response, IHtmlDocument Html)> GetHtml(string url)
    {
        var response = await CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        return (response, html);
    }

    /// <summary>Writes the data a test class shares, once, after the app has started.</summary>
    public virtual Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private bool _disposed;

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_provider == "postgres")
        {
            await WithDb(db => db.Database.EnsureDeletedAsync());
        }
        await base.DisposeAsync();
        if (Directory.Exists(MailDropFolder))
        {
            Directory.Delete(MailDropFolder, recursive: true);
        }
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The app on an empty database (no demo content), for tests that count what they wrote.</summary>
public class EmptyChorusFactory : ChorusFactory
{
    protected override bool SeedDemo => false;
}
