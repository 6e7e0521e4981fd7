using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>Events as readers use them in Chromium: their own time zone, and registering without JavaScript.</summary>
public sealed class EventsBrowserTests(LiveSite site) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task A_reader_in_Manila_sees_the_programme_in_local_time_on_a_first_visit_read_once()
    {
        var (context, page, watch) = await PageWatch.Open(site, new BrowserNewContextOptions { TimezoneId = "Asia/Manila" });
        await using var _ = context;
        var documents = 0;
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "document")
            {
                Interlocked.Increment(ref documents);
            }
        };

        await page.GotoAsync(site.BaseUrl + "/en/events/international-migrants-day-2021");
        var reader = page.Locator(".sessions > li").First.Locator(".when.reader");
        await reader.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Contains("17:00–17:45", await reader.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Manila", await reader.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Your time:", await reader.TextContentAsync(), StringComparison.Ordinal);
        // Shown without loading the page a second time; the zone is remembered for the next pages, which the server renders.
        Assert.Equal(1, documents);
        Assert.Contains(await context.CookiesAsync(), c => c.Name == "tz" && Uri.UnescapeDataString(c.Value) == "Asia/Manila");
        await page.GotoAsync(site.BaseUrl + "/en/events/international-migrants-day-2021");
        Assert.Contains("17:00–17:45", await page.Locator(".sessions > li").First.Locator(".when.reader").TextContentAsync(), StringComparison.Ordinal);
        Assert.Empty(watch.ConsoleErrors);
        Assert.Empty(watch.ForeignRequests);
    }

    [BrowserFact]
    public async Task The_time_zone_form_works_without_javascript()
    {
        var (context, page, _) = await PageWatch.Open(site, new BrowserNewContextOptions { JavaScriptEnabled = false });
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/en/events/time-zone?returnUrl=%2Fen%2Fevents%2Finternational-migrants-day-2021");

        await page.GetByLabel("Time zone").SelectOptionAsync("America/New_York");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await page.WaitForURLAsync(site.BaseUrl + "/en/events/international-migrants-day-2021");
        Assert.Contains("04:00–04:45", await page.Locator(".sessions > li").First.Locator(".when.reader").TextContentAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_person_registers_with_javascript_off_and_sees_the_confirmation()
    {
        var (context, page, _) = await PageWatch.Open(site, new BrowserNewContextOptions { JavaScriptEnabled = false });
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/en/events/regular-pathways-briefing");
        await page.GetByRole(AriaRole.Link, new() { Name = "Register", Exact = true }).ClickAsync();

        await page.GetByLabel("Your name").FillAsync("Browser Registrant");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("registrant@browser.test");
        await page.GetByLabel("Interpretation you need").SelectOptionAsync("fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        Assert.Contains("Tick the box to agree", await page.Locator("[data-valmsg-for='Input.Consent']").TextContentAsync(), StringComparison.Ordinal);

        await page.GetByLabel("I agree that the coalition keeps").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        Assert.Contains("You are registered.", await page.Locator("[role=status]").TextContentAsync(), StringComparison.Ordinal);
    }
}
