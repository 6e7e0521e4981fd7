using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Chorus.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
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
    /// <summary>
    /// The instant every test class's clock starts at: 27 November 2026, 12:00 UTC, or the ISO 8601 instant in
    /// CHORUS_TEST_START (test.sh runs the PostgreSQL pass a year later, so no test leans on a date that will pass).
    /// </summary>
    public static readonly DateTimeOffset Start = Environment.GetEnvironmentVariable("CHORUS_TEST_START") is { Length: > 0 } start
        ? DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture)
        : new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    internal static readonly string Provider = Environment.GetEnvironmentVariable("CHORUS_TEST_DB") ?? "sqlite";

    /// <summary>The PostgreSQL server's connection string without a database (test.sh sets CHORUS_TEST_PG).</summary>
    internal static string PostgresServer => Environment.GetEnvironmentVariable("CHORUS_TEST_PG")
        ?? throw new InvalidOperationException("CHORUS_TEST_DB=postgres needs CHORUS_TEST_PG (a connection string without a database).");

    internal static string SqliteFile(string name) => Path.Combine(Path.GetTempPath(), name + ".db");

    private readonly string _provider = Provider;
    private readonly string _name;
    private readonly string _connectionString;

    /// <summary>The class database's connection string (PostgreSQL's names the database; SQLite's, the file).</summary>
    internal string ConnectionString => _connectionString;

    /// <summary>The class database's name (PostgreSQL) or file name without extension (SQLite).</summary>
    internal string DatabaseName => _name;
    private readonly string? _sqliteFile;
    private readonly bool? _templateSeed;

    public FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>Where mail goes as .eml files when a test class has no SMTP server.</summary>
    public string MailDropFolder { get; } = Path.Combine(Path.GetTempPath(), $"chorus-mail-{Guid.NewGuid():N}");

    /// <summary>Whether the demo content is seeded; tests that count rows start empty.</summary>
    protected virtual bool SeedDemo => _templateSeed ?? true;

    /// <summary>False for an app that must stop before it touches a database (a wrong setting): no copy is made for it.</summary>
    protected virtual bool NeedsDatabase => true;

    /// <summary>
    /// False for an app that only holds a database for other nodes: none of the site's background workers run in it. Idle is
    /// not enough: its workers' first rounds start on the thread pool and, on a loaded machine, came after the test had
    /// queued work, so the "idle" app sent a newsletter the test meant its nodes to send.
    /// </summary>
    protected virtual bool RunsWorkers => true;

    /// <summary>More configuration for a test class's app, as "Section:Key" settings.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public ChorusFactory() : this($"chorus_test_{Guid.NewGuid():N}")
    {
    }

    /// <summary>The app that makes a template database: it migrates (and seeds) <paramref name="name"/> itself.</summary>
    internal ChorusFactory(string name, bool seedDemo) : this(name) => _templateSeed = seedDemo;

    private ChorusFactory(string name)
    {
        _name = name;
        if (_provider == "postgres")
        {
            _connectionString = $"{PostgresServer};Database={name}";
        }
        else
        {
            _sqliteFile = SqliteFile(name);
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
        builder.UseSetting("Site:PublicOrigin", "http://localhost");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            // PBKDF2 at the product's cost (100,000 rounds) was 5% of a data pass's CPU: the suite signs staff in hundreds
            // of times. Hashes and checks still go through Identity's hasher, only cheaper.
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1_000);
            if (!RunsWorkers)
            {
                foreach (var worker in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && (d.ImplementationType ?? d.ImplementationFactory?.Method.ReturnType)?.Assembly == typeof(Program).Assembly).ToList())
                {
                    services.Remove(worker);
                }
            }
        });
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

    /// <summary>Starts an app a test made for itself (xUnit starts class fixtures) on a copy of the template.</summary>
    public Task StartAsync() => ((IAsyncLifetime)this).InitializeAsync();

    /// <summary>The class's database is a copy of the migrated (and seeded) template, then the app starts on it.</summary>
    async Task IAsyncLifetime.InitializeAsync()
    {
        if (NeedsDatabase)
        {
            await TemplateDatabases.CopyToAsync(_provider, SeedDemo, _connectionString);
        }
        _ = Services;
        await InitializeAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private bool _disposed;

    public override async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        var keep = _templateSeed is not null; // a template outlives the app that made it
        await base.DisposeAsync();
        if (_provider == "postgres" && !keep)
        {
            await TemplateDatabases.DropAsync(_name);
        }
        if (Directory.Exists(MailDropFolder))
        {
            Directory.Delete(MailDropFolder, recursive: true);
        }
        if (_sqliteFile is not null && !keep)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm", _sqliteFile + ".start-lock" })
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
