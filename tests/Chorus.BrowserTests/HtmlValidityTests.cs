using System.Diagnostics;

namespace Chorus.BrowserTests;

/// <summary>Every public page type passes html-validate (installed by test.sh from npm).</summary>
[Collection(LiveSiteTests.Name)]
public sealed class HtmlValidityTests(LiveSite site)
{
    internal static async Task<(int ExitCode, string Output)> Validate(string html)
    {
        var dir = Path.Combine(LiveSite.RepoRoot, "tests/Chorus.BrowserTests");
        var validator = Path.Combine(dir, "node_modules/.bin/html-validate");
        if (!File.Exists(validator))
        {
            throw new InvalidOperationException($"{validator} is missing: run `npm ci` in {dir} (test.sh does).");
        }
        var file = Path.Combine(Path.GetTempPath(), $"chorus-{Guid.NewGuid():N}.html");
        await File.WriteAllTextAsync(file, html);
        try
        {
            var start = new ProcessStartInfo(validator, ["--config", Path.Combine(dir, ".htmlvalidate.json"), "--formatter", "text", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Page_is_valid_html(string pageType)
    {
        var (path, status) = PageTypes.All[pageType];
        var response = await site.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(status, (int)response.StatusCode);

        var (exitCode, output) = await Validate(await response.Content.ReadAsStringAsync());

        Assert.True(exitCode == 0, output);
    }
}
