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
public sealed class LiveSite : IAsyncLifetime, IDisposable
{
    private readonly StringBuilder _log = new();
    private Process? _app;
    private IPlaywright? _playwright;
    private string? _dataDir;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public static string RepoRoot { get; } = FindRepoRoot();

    public async Task InitializeAsync()
    {
        var appDir = Environment.GetEnvironmentVariable("CHORUS_APP_DIR")
            ?? Path.Combine(RepoRoot, "src/Chorus.Web/bin/Release/net10.0/publish");
        if (!File.Exists(Path.Combine(appDir, "Chorus.Web.dll")))
        {
            throw new InvalidOperationException(
                $"No published app in {appDir}. Run ./test.sh, or `dotnet publish src/Chorus.Web -c Release` and set CHORUS_APP_DIR.");
        }
        _dataDir = Directory.CreateTempSubdirectory("chorus-browser-").FullName;
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet", ["Chorus.Web.dll", "--urls", BaseUrl])
        {
            WorkingDirectory = appDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "sqlite";
        start.Environment["Database__ConnectionString"] = $"Data Source={_dataDir}/chorus.db";
        start.Environment["Seed__DemoContent"] = "true";
        await AddUserAsync(start, EditorEmail, "Editor");
        await AddUserAsync(start, ModeratorEmail, "Moderator");
        _app = Process.Start(start)!;
        _app.OutputDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _app.ErrorDataReceived += (_, e) => { lock (_log) { _log.AppendLine(e.Data); } };
        _app.BeginOutputReadLine();
        _app.BeginErrorReadLine();

        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        await WaitUntilHealthy();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHORUS_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Root in CI needs --no-sandbox; the rest keeps Chromium from calling home on a closed network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public const string EditorEmail = "editor@crossroads.test";
    public const string ModeratorEmail = "moderator@crossroads.test";
    public const string EditorPassword = "a browser test passphrase";

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
        await process.StandardInput.WriteLineAsync(EditorPassword);
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

    public void Dispose() => _signIn.Dispose();
    private readonly Dictionary<string, string> _states = [];

    /// <summary>
    /// A browser context signed in as the editor (or the moderator). The first call signs in through the real form; later
    /// ones reuse its cookies, as a person's browser does (and the sign-in rate limit is not spent on every test).
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page, PageWatch Watch)> SignedInAsync(bool javaScript = true, string email = EditorEmail)
    {
        await _signIn.WaitAsync();
        try
        {
            if (_states.TryGetValue(email, out var state))
            {
                // Reuse the saved cookies while they still open the admin area (a test that changes the account's
                // security stamp, such as opening two-factor setup, ends that session within a minute).
                var (reused, page, watch) = await PageWatch.Open(this, new BrowserNewContextOptions { JavaScriptEnabled = javaScript, StorageState = state });
                await page.GotoAsync(BaseUrl + "/admin");
                if (page.Url == BaseUrl + "/admin")
                {
                    return (reused, page, watch);
                }
                await reused.DisposeAsync();
            }
            var (context, fresh, freshWatch) = await PageWatch.Open(this, new BrowserNewContextOptions { JavaScriptEnabled = javaScript });
            await fresh.GotoAsync(BaseUrl + "/account/login");
            await fresh.GetByLabel("Email").FillAsync(email);
            await fresh.GetByLabel("Password").FillAsync(EditorPassword);
            await fresh.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await fresh.WaitForURLAsync(BaseUrl + "/admin");
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

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        Http?.Dispose();
        if (_app is { HasExited: false })
        {
            _app.Kill(entireProcessTree: true);
            await _app.WaitForExitAsync();
        }
        _app?.Dispose();
        if (_dataDir is not null)
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

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

[CollectionDefinition(Name)]
public sealed class LiveSiteTests : ICollectionFixture<LiveSite>
{
    public const string Name = "live site";
}
