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

        await page.GetByRole(AriaRole.Search, new() { Name = "Rechercher sur le site" }).GetByRole(AriaRole.Searchbox).FillAsync("dignite");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/fr/search?q=dignite");

        var first = page.Locator(".results li").First;
        Assert.Equal("À propos de la coalition", await first.Locator("h3").TextContentAsync());
        Assert.Equal("dignité", await first.Locator(".snippet mark").First.TextContentAsync());
        await first.Locator("h3 a").ClickAsync();
        await page.WaitForURLAsync("**/fr/pages/about");
        Assert.Empty(watch.ConsoleErrors);
    }
}
