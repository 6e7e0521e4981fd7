using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>
/// Accessibility, privacy, no-JS and weight checks for every public page type, in real Chromium: one class per check,
/// so the checks run side by side.
/// </summary>
public sealed class PageQualityTests(LiveSite site) : IClassFixture<LiveSite>
{
    public const int BudgetBytes = 30 * 1024;

    internal static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        // Nodes are reported for violations only: every rule still runs, but passing nodes are not serialised and
        // sent back for each page (hundreds of kilobytes the checks never read).
        ResultTypes = [ResultType.Violations],
    };

    internal static string Url(LiveSite site, string pageType) => site.BaseUrl + PageTypes.PathOf(site, pageType);

    internal static string Describe(AxeResult result) => string.Join('\n', result.Violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));

    [BrowserFact]
    public async Task The_stylesheet_is_fingerprinted_compressed_and_cached_for_a_year()
    {
        var (context, page, _) = await PageWatch.Open(site);
        await using var _ = context;
        var css = page.WaitForResponseAsync(r => r.Url.Contains("/css/site.", StringComparison.Ordinal));
        await page.GotoAsync(Url(site, "home"));

        var response = await css;

        Assert.Matches(@"/css/site\.[a-z0-9]+\.css$", response.Url);
        var cacheControl = await response.HeaderValueAsync("cache-control");
        Assert.Contains("immutable", cacheControl, StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", cacheControl, StringComparison.Ordinal);
        Assert.NotNull(await response.HeaderValueAsync("content-encoding"));
    }
}

/// <summary>axe finds no WCAG 2.2 A or AA violation on any public page type.</summary>
[Collection(ReaderVisits.Name)]
public sealed class AxeTests(LiveSite site)
{
    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Axe_finds_no_WCAG_A_or_AA_violation(string pageType)
    {
        var visit = await PageVisits.OfAsync(site, pageType);

        Assert.True(visit.Axe.Violations.Length == 0, PageQualityTests.Describe(visit.Axe));
    }
}

/// <summary>No public page type logs a console error or asks another origin for anything.</summary>
[Collection(ReaderVisits.Name)]
public sealed class PrivacyTests(LiveSite site)
{
    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task No_console_error_and_no_request_to_another_origin(string pageType)
    {
        var visit = await PageVisits.OfAsync(site, pageType);

        Assert.Equal(PageTypes.All[pageType].Status, visit.Status);
        Assert.Empty(visit.ForeignRequests);
        // Chromium logs the status of a 404 document itself as an error; that is the page working as meant.
        var errors = visit.ConsoleErrors.Where(e => !(visit.Status >= 400 && e.Contains($"status of {visit.Status}", StringComparison.Ordinal)));
        Assert.Empty(errors);
    }
}

/// <summary>
/// Every public page type can be read and left through its menu with JavaScript off: one tab with JavaScript off
/// goes from page to page (cookies cleared before each), as such a reader would.
/// </summary>
public sealed class NoJavaScriptTests(LiveSite site) : IClassFixture<LiveSite>
{
    private static (IBrowserContext Context, IPage Page, PageWatch Watch)? _tab;

    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Works_with_JavaScript_disabled(string pageType)
    {
        _tab ??= await PageWatch.Open(site, new BrowserNewContextOptions { JavaScriptEnabled = false });
        var (context, page, _) = _tab.Value;
        await context.ClearCookiesAsync();
        await page.GotoAsync(PageQualityTests.Url(site, pageType));

        var heading = await page.Locator("main h1").First.TextContentAsync();
        Assert.False(string.IsNullOrWhiteSpace(heading));
        Assert.True(await page.Locator("main").IsVisibleAsync());

        // Follow the main menu's link to the statements register, in whatever language the page is in.
        var culture = await page.Locator("html").GetAttributeAsync("lang");
        await page.Locator($"header nav a[href='/{culture}/statements']").ClickAsync();
        await page.WaitForURLAsync($"{site.BaseUrl}/{culture}/statements");
        Assert.True(await page.Locator(".register li").CountAsync() >= 8, "the register lists the demo statements");
    }
}

/// <summary>Every public page type with its assets weighs under the 30 KB compressed budget.</summary>
[Collection(ReaderVisits.Name)]
public sealed class PageWeightTests(LiveSite site)
{
    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Page_with_its_assets_weighs_under_30_KB_compressed(string pageType)
    {
        var visit = await PageVisits.OfAsync(site, pageType);

        Assert.NotNull(visit.ContentEncoding);
        Assert.True(visit.Bytes < PageQualityTests.BudgetBytes, $"{visit.Bytes} bytes transferred:\n{visit.Transfers}");
    }
}
