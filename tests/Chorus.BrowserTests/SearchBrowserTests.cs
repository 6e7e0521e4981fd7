using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>The search box in the header, as a reader on a phone without JavaScript uses it.</summary>
public sealed class SearchBrowserTests(LiveSite site) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task A_reader_without_javascript_searches_from_any_page_and_finds_a_French_page_without_typing_its_accents()
    {
        var (context, page, watch) = await PageWatch.Open(site, new BrowserNewContextOptions { JavaScriptEnabled = false });
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/fr/events");

        var box = page.GetByRole(AriaRole.Search, new() { Name = "Rechercher sur le site" }).GetByRole(AriaRole.Searchbox);
        await box.FillAsync("dignite");
        // Pressed on the box itself (Playwright focuses it first) rather than through the page's keyboard: twice, under load,
        // this test waited 30 s for a results page that never came; if it happens again, say where the tab was.
        await box.PressAsync("Enter");
        try
        {
            await page.WaitForURLAsync("**/fr/search?q=dignite");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nThe tab is at {page.Url}. The site's log ends:\n{site.Log[^Math.Min(site.Log.Length, 4000)..]}", e);
        }

        var first = page.Locator(".results li").First;
        Assert.Equal("À propos de la coalition", await first.Locator("h3").TextContentAsync());
        Assert.Equal("dignité", await first.Locator(".snippet mark").First.TextContentAsync());
        await first.Locator("h3 a").ClickAsync();
        await page.WaitForURLAsync("**/fr/pages/about");
        Assert.Empty(watch.ConsoleErrors);
    }
}
