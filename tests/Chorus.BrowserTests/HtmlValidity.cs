using System.Diagnostics;
using System.Text.Json;

namespace Chorus.BrowserTests;

/// <summary>
/// html-validate (from npm, installed by test.sh) run as a program. Every public page type is fetched and
/// checked in one run of the validator: starting Node once per page was most of what these checks cost.
/// </summary>
internal static class HtmlValidity
{
    private static readonly string Folder = Path.Combine(LiveSite.RepoRoot, "tests/Chorus.BrowserTests");

    public static string Validator { get; } = Path.Combine(Folder, "node_modules/.bin/html-validate");

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static Dictionary<string, (int Status, string Problems)>? _pages;

    /// <summary>Validates HTML text; exit code 0 means valid, the output lists each problem.</summary>
    public static async Task<(int ExitCode, string Output)> ValidateAsync(string html)
    {
        var dir = Directory.CreateTempSubdirectory("chorus-html-").FullName;
        try
        {
            var file = Path.Combine(dir, "page.html");
            await File.WriteAllTextAsync(file, html);
            var (exitCode, results) = await RunAsync([file]);
            return (exitCode, results.GetValueOrDefault(file, ""));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>The status and the validator's problems (empty when valid) of the page type's address, all validated at the first call.</summary>
    public static async Task<(int Status, string Problems)> OfPageAsync(LiveSite site, string pageType)
    {
        await Gate.WaitAsync();
        try
        {
            _pages ??= await ValidateAllAsync(site);
        }
        finally
        {
            Gate.Release();
        }
        return _pages[pageType];
    }

    private static async Task<Dictionary<string, (int Status, string Problems)>> ValidateAllAsync(LiveSite site)
    {
        var dir = Directory.CreateTempSubdirectory("chorus-html-").FullName;
        try
        {
            var files = new Dictionary<string, (string File, int Status)>();
            var index = 0;
            foreach (var pageType in PageTypes.All.Keys)
            {
                var response = await site.Http.GetAsync(new Uri(PageTypes.PathOf(site, pageType), UriKind.Relative));
                var file = Path.Combine(dir, $"page-{index++}.html");
                await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
                files[pageType] = (file, (int)response.StatusCode);
            }
            var (_, problems) = await RunAsync([.. files.Values.Select(f => f.File)]);
            return files.ToDictionary(f => f.Key, f => (f.Value.Status, problems.GetValueOrDefault(f.Value.File, "")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Runs the validator once over the files; the problems it found, as text, by file.</summary>
    private static async Task<(int ExitCode, Dictionary<string, string> Problems)> RunAsync(string[] files)
    {
        // The report goes to a file: Node cuts what it writes to a pipe at 64 KB when it exits, and a page whose problems sit
        // on long lines (each message quotes its line) reports more than that.
        var report = Path.Combine(Path.GetTempPath(), $"chorus-html-{Guid.NewGuid():N}.json");
        var start = new ProcessStartInfo(Validator, ["--config", Path.Combine(Folder, ".htmlvalidate.json"), "--formatter", $"json={report}", .. files])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var json = File.Exists(report) ? (await File.ReadAllTextAsync(report)).Trim() : (await output).Trim();
        File.Delete(report);
        if (process.ExitCode is not (0 or 1) || (process.ExitCode == 1 && !json.StartsWith('[')))
        {
            throw new InvalidOperationException($"html-validate failed ({process.ExitCode}): {errors}{json}");
        }
        var problems = new Dictionary<string, string>();
        if (json.StartsWith('['))
        {
            foreach (var result in JsonDocument.Parse(json).RootElement.EnumerateArray())
            {
                problems[result.GetProperty("filePath").GetString()!] = string.Join('\n', result.GetProperty("messages").EnumerateArray().Select(m =>
                    $"{m.GetProperty("line")}:{m.GetProperty("column")} {m.GetProperty("ruleId").GetString()}: {m.GetProperty("message").GetString()}"));
            }
        }
        return (process.ExitCode, problems);
    }
}
