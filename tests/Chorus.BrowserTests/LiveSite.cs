using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>
/// The published app started for real (Kestrel on 127.0.0.1, a fresh SQLite database with the demo
/// content) and Debian's Chromium driven by Playwright. test.sh publishes the app and sets CHORUS_APP_DIR.
/// </summary>
/// <summary>
/// The published app started for real (Kestrel on 127.0.0.1, a fresh SQLite database with the demo
/// content) and Debian's Chromium driven by Playwright. test.sh publishes the app and sets CHORUS_APP_DIR.
/// One site and one browser serve the whole run: every test class takes this as its class fixture, so
/// classes run in parallel, each test in its own browser context. Classes that sign in share the
/// <see cref="StaffTests"/> collection: sessions and security stamps are state they would otherwise share.
/// </summary>
public sealed class LiveSite : IAsyncLifetime
{
    private static readonly Lazy<Task<RunningSite>> Shared = new(RunningSite.StartAsync);

    private RunningSite _site = null!;

    public const string EditorEmail = "editor@crossroads.test";
    public const string ModeratorEmail = "moderator@crossroads.test";
    public const string AdminEmail = "admin@crossroads.test";
    public const string EditorPassword = "a browser test passphrase";

    public static string RepoRoot { get; } = FindRepoRoot();

    internal static string AppDir { get; } = Environment.GetEnvironmentVariable("CHORUS_APP_DIR")
        ?? Path.Combine(RepoRoot, "src/Chorus.Web/bin/Release/net10.0/publish");

    internal static string ChromiumPath { get; } = Environment.GetEnvironmentVariable("CHORUS_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Why the browser tests cannot run here, or null: they are skipped with this reason (test.sh fails on any skip).</summary>
    public static string? Missing { get; } =
        !File.Exists(ChromiumPath) ? $"Needs Chromium at {ChromiumPath} (apt-get install chromium, or set CHORUS_CHROMIUM), as ./test.sh installs."
        : !File.Exists(Path.Combine(AppDir, "Chorus.Web.dll")) ? $"Needs the published app in {AppDir}: run `dotnet publish src/Chorus.Web -c Release` (or set CHORUS_APP_DIR), as ./test.sh does."
        : !File.Exists(HtmlValidity.Validator) ? $"Needs html-validate: run `npm ci` in tests/Chorus.BrowserTests, as ./test.sh does."
        : null;

    public string BaseUrl => _site.BaseUrl;

    public IBrowser Browser => _site.Browser;

    public HttpClient Http => _site.Http;

    public string Log => _site.Log;

    /// <summary>The token of a demo subscriber's preferences link (printed by the app's `newsletter-link` command).</summary>
    public string NewsletterToken => _site.NewsletterToken;

    public async Task InitializeAsync()
    {
        if (Missing is null)
        {
            _site = await Shared.Value;
        }
    }

    /// <summary>The site and the browser stay up for the next class; the end of the run stops them.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// A browser context signed in as the editor (or the moderator). The first call signs in through the real form; later
    /// ones reuse its cookies, as a person's browser does (and the sign-in rate limit is not spent on every test).
    /// </summary>
    public Task<(IBrowserContext Context, IPage Page, PageWatch Watch)> SignedInAsync(bool javaScript = true, string email = EditorEmail) =>
        _site.SignedInAsync(this, javaScript, email);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chorus.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Chorus.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The app process, the browser and the editors' saved sessions behind every <see cref="LiveSite"/>.</summary>
internal sealed class RunningSite : IDisposable
{
    private bool _disposed;

    private readonly StringBuilder _log = new();
    private Process? _app;
    private IPlaywright? _playwright;
    private string? _dataDir;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public string NewsletterToken { get; private set; } = "";

    public static async Task<RunningSite> StartAsync()
    {
        var site = new RunningSite();
        // Started once for the whole run; the test host's exit ends the app, the browser and the data folder.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => site.Stop();
        await site.InitializeAsync();
        return site;
    }

    private async Task InitializeAsync()
    {
        var appDir = LiveSite.AppDir;
        _dataDir = Directory.CreateTempSubdirectory("chorus-browser-").FullName;
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        // The site is shared by every test class and outlives each of them; the test host may be ended without running
        // its exit handlers, so a watchdog shell ends the app as soon as the test host is gone, whatever the way.
        const string Watchdog = """
            "$@" & app=$!
            trap 'kill $app 2>/dev/null' TERM INT
            while kill -0 "$PARENT" 2>/dev/null && kill -0 $app 2>/dev/null; do sleep 1; done
            kill $app 2>/dev/null; wait $app
            """;
        var start = new ProcessStartInfo("/bin/sh", ["-c", Watchdog, "watchdog", "dotnet", "Chorus.Web.dll", "--urls", BaseUrl])
        {
            WorkingDirectory = appDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PARENT"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={_dataDir}/chorus.db";
        start.Environment["Seed__DemoContent"] = "true";
        start.Environment["Site__PublicOrigin"] = BaseUrl;
        // Every test's browser comes from 127.0.0.1, so the per-address sign-in limit (10 a minute, tested on its own in
        // SignInRateLimitTests) would count the whole suite's staff sign-ins as one person's. (A staff test signing in again
        // once timed out on the login page; this limit is the likeliest cause, and the timeout now says what the page said.)
        start.Environment["Accounts__SignInsPerMinute"] = "1000";
        // People take seconds to fill in a sign-on form and robots do not; tests are robots, so the threshold is off here
        // (the HTTP tests prove a quick form is refused) rather than every test sleeping through it.
        start.Environment["Campaigns__MinimumFillSeconds"] = "0";
        // The Admin's pages are checked here; the two-factor sign-in every Admin needs in production is tested over HTTP
        // (TwoFactorRolesTests, AdminAccessTests), and a browser cannot read an authenticator app.
        start.Environment["Accounts__RequireTwoFactorForAdmins"] = "false";
        // The first command migrates the fresh database; the second, the app's start and the browser's then overlap.
        await AddUserAsync(start, LiveSite.EditorEmail, "Editor");
        var moderator = Task.Run(async () =>
        {
            await AddUserAsync(start, LiveSite.ModeratorEmail, "Moderator");
            await AddUserAsync(start, LiveSite.AdminEmail, "Admin");
            NewsletterToken = await NewsletterTokenAsync(start, PageTypes.DemoSubscriber);
        });
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _app.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();
        var browser = LaunchBrowserAsync();

        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        await moderator;
        await WaitUntilHealthy();
        Browser = await browser;
    }

    private async Task<IBrowser> LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = LiveSite.ChromiumPath,
            Headless = true,
            // Root in CI needs --no-sandbox; the rest keeps Chromium from calling home on a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A demo subscriber's preferences token, from the app's own command, as an operator would get it.</summary>
    private static async Task<string> NewsletterTokenAsync(ProcessStartInfo site, string email)
    {
        var command = new ProcessStartInfo("dotnet", ["Chorus.Web.dll", "newsletter-link", email])
        {
            WorkingDirectory = site.WorkingDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var (key, value) in site.Environment)
        {
            command.Environment[key] = value;
        }
        using var process = Process.Start(command)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var token = System.Text.RegularExpressions.Regex.Match(output, @"/newsletter/preferences\?token=(\S+)");
        return process.ExitCode == 0 && token.Success ? token.Groups[1].Value
            : throw new InvalidOperationException($"`newsletter-link` failed ({process.ExitCode}):\n{output}");
    }

    /// <summary>Creates an editor with the app's own command, as an operator would (password on standard input).</summary>
    private static async Task AddUserAsync(ProcessStartInfo site, string email, string role)
    {
        var command = new ProcessStartInfo("dotnet", ["Chorus.Web.dll", "users", "add", "--email", email, "--role", role, "--name", $"Browser {role}"])
        {
            WorkingDirectory = site.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in site.Environment)
        {
            command.Environment[key] = value;
        }
        using var process = Process.Start(command)!;
        await process.StandardInput.WriteLineAsync(LiveSite.EditorPassword);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !output.Contains($"Created {role} {email}.", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"`users add` failed ({process.ExitCode}):\n{output}");
        }
    }

    private async Task WaitUntilHealthy()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_app!.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_app.ExitCode}:\n{Log}");
            }
            try
            {
                if ((await Http.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The app did not become healthy at {BaseUrl}:\n{Log}");
    }

    private readonly SemaphoreSlim _signIn = new(1, 1);

    private readonly Dictionary<string, string> _states = [];

    /// <summary>
    /// A browser context signed in as the editor (or the moderator). The first call signs in through the real form; later
    /// ones reuse its cookies, as a person's browser does (and the sign-in rate limit is not spent on every test).
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page, PageWatch Watch)> SignedInAsync(LiveSite site, bool javaScript, string email)
    {
        await _signIn.WaitAsync();
        try
        {
            if (_states.TryGetValue(email, out var state))
            {
                // Reuse the saved cookies while they still open the admin area (a test that changes the account's
                // security stamp, such as opening two-factor setup, ends that session within a minute).
                var (reused, page, watch) = await PageWatch.Open(site, new BrowserNewContextOptions { JavaScriptEnabled = javaScript, StorageState = state });
                await page.GotoAsync(BaseUrl + "/admin");
                if (page.Url == BaseUrl + "/admin")
                {
                    return (reused, page, watch);
                }
                await reused.DisposeAsync();
            }
            var (context, fresh, freshWatch) = await PageWatch.Open(site, new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
            await fresh.GotoAsync(BaseUrl + "/account/login");
            await fresh.GetByLabel("Email").FillAsync(email);
            await fresh.GetByLabel("Password").FillAsync(LiveSite.EditorPassword);
            await fresh.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            try
            {
                await fresh.WaitForURLAsync(BaseUrl + "/admin");
            }
            catch (TimeoutException e)
            {
                var said = await fresh.Locator("main").TextContentAsync();
                throw new TimeoutException($"{e.Message}\nSigning in as {email} left the tab at {fresh.Url}, saying: {said?.Trim()}", e);
            }
            _states[email] = await context.StorageStateAsync();
            return (context, fresh, freshWatch);
        }
        finally
        {
            _signIn.Release();
        }
    }

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>
    /// Ends the app and the browser without waiting on either: it runs as the test host exits, when a graceful
    /// close could hang the run (disposing Playwright closes its driver, which ends Chromium).
    /// </summary>
    public void Dispose() => Stop();

    private void Stop()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _playwright?.Dispose();
        Http?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            _app.WaitForExit(10_000);
        }
        _app?.Dispose();
        if (_dataDir is not null)
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        _signIn.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

}

/// <summary>The classes that sign in as staff run one after another, sharing the accounts' sessions.</summary>
[CollectionDefinition(Name)]
public sealed class StaffTests : ICollectionFixture<LiveSite>
{
    public const string Name = "staff";
}

/// <summary>
/// The checks that read the same page visits (<see cref="PageVisits"/>) run one after another: the first makes the visits
/// through one tab and the others read them, so the other lane is left to a class with work of its own instead of
/// waiting on the same tab.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReaderVisits : ICollectionFixture<LiveSite>
{
    public const string Name = "reader visits";
}

/// <summary>A [Fact] that is skipped, saying why, where Chromium, the published app or html-validate is missing.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = LiveSite.Missing;
}

/// <summary>A [Theory] that is skipped, saying why, where Chromium, the published app or html-validate is missing.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute() => Skip = LiveSite.Missing;
}
