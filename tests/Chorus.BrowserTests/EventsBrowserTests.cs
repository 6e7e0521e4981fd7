using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>Events as readers use them in Chromium: their own time zone, and registering without JavaScript.</summary>
public sealed class EventsBrowserTests(LiveSite site) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task A_reader_in_Manila_sees_the_programme_in_local_time_once_the_script_has_run()
    {
        var (context, page, watch) = await PageWatch.Open(site, new BrowserNewContextOptions { TimezoneId = "Asia/Manila" });
        await using var _ = context;

        await page.GotoAsync(site.BaseUrl + "/en/events/international-migrants-day-2021");
        var reader = page.Locator(".sessions > li").First.Locator(".when.reader");
        await reader.WaitForAsync();

        Assert.Contains("17:00–17:45", await reader.TextContentAsync(), StringComparison.Ordinal);
        Assert.Contains("Manila", await reader.TextContentAsync(), StringComparison.Ordinal);
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
