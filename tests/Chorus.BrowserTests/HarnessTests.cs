using Deque.AxeCore.Playwright;

namespace Chorus.BrowserTests;

/// <summary>
/// The checks above would be worthless if they could not fail: each is shown a page with a known
/// fault and must report it.
/// </summary>
public sealed class HarnessTests(LiveSite site) : IClassFixture<LiveSite>
{
    private const string Faulty = """
        <!DOCTYPE html><html><head><title>Faulty</title></head>
        <body><main><h1>Faulty</h1><img src="/favicon.svg"><a href="/en/"></a>
        <img src="https://tracker.example/pixel.gif" alt="pixel"></main></body></html>
        """;

    [BrowserFact]
    public async Task Axe_reports_an_image_without_alt_text_and_a_page_without_a_language()
    {
        var (context, page, _) = await PageWatch.Open(site);
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/en/");
        await page.SetContentAsync(Faulty);

        var result = await page.RunAxe(PageQualityTests.Wcag);

        var ids = result.Violations.Select(v => v.Id).ToArray();
        Assert.Contains("image-alt", ids);
        Assert.Contains("html-has-lang", ids);
    }

    [BrowserFact]
    public async Task The_watch_records_and_blocks_a_request_to_another_origin()
    {
        // Our CSP would stop the request before the network; bypass it to show the watch catches it too.
        var (context, page, watch) = await PageWatch.Open(site, new() { BypassCSP = true });
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/en/");

        await page.SetContentAsync(Faulty, new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });

        Assert.Equal(["https://tracker.example/pixel.gif"], watch.ForeignRequests);
    }

    [BrowserFact]
    public async Task The_content_security_policy_blocks_a_foreign_image_and_says_so_in_the_console()
    {
        var (context, page, watch) = await PageWatch.Open(site);
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/en/");

        await page.SetContentAsync(Faulty, new() { WaitUntil = Microsoft.Playwright.WaitUntilState.NetworkIdle });

        Assert.Empty(watch.ForeignRequests);
        Assert.Contains(watch.ConsoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task The_validator_rejects_an_invalid_element()
    {
        var (exitCode, output) = await HtmlValidity.ValidateAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p><div>block in a paragraph</div></p><blink>old</blink></body></html>");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("blink", output, StringComparison.Ordinal);
    }
}
