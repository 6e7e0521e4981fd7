using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>Every public page type on phones: the page's own title on the first screen, nothing wider than the screen.</summary>
public sealed class PhoneTests(LiveSite site) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task On_a_phone_each_page_shows_its_title_on_the_first_screen_and_never_scrolls_sideways()
    {
        var (context, page, _) = await PageWatch.Open(site, new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true });
        await using var _ = context;
        var problems = new List<string>();
        foreach (var name in PageTypes.All.Keys)
        {
            var path = PageTypes.PathOf(site, name);
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync(site.BaseUrl + path);
            var title = await page.Locator("h1").First.BoundingBoxAsync();
            if (title is null || title.Y + title.Height > 844)
            {
                problems.Add($"{name}: the title is not on the first screen at 390×844 (ends at {title?.Y + title?.Height} px)");
            }
            await page.SetViewportSizeAsync(320, 640);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                // What is wider than its box, innermost last, to say where to look.
                var culprits = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('body *')].filter(e => e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 1)
                    .map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + e.scrollWidth + '/' + e.clientWidth).slice(-4).join(' | ')");
                problems.Add($"{name}: {overflow} px wider than a 320 px screen: {culprits}");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [BrowserFact]
    public async Task The_phone_header_folds_languages_and_menu_and_opens_them_without_javascript()
    {
        var (context, page, _) = await PageWatch.Open(site, new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, JavaScriptEnabled = false,
        });
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/en/");

        var french = page.Locator(".languages a[hreflang=fr]");
        var events = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Events" });
        Assert.False(await french.IsVisibleAsync());
        Assert.False(await events.IsVisibleAsync());

        await page.Locator("summary", new() { HasText = "English" }).ClickAsync();
        Assert.True(await french.IsVisibleAsync());
        await page.Locator("summary", new() { HasText = "Menu" }).ClickAsync();
        Assert.True(await events.IsVisibleAsync());
        await events.ClickAsync();
        await page.WaitForURLAsync(site.BaseUrl + "/en/events");
    }

    [BrowserFact]
    public async Task On_a_wide_screen_every_language_and_menu_link_shows_without_a_click()
    {
        var (context, page, _) = await PageWatch.Open(site, new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 800 } });
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/ar/");

        Assert.Equal(6, await page.Locator(".languages a[hreflang]").Locator("visible=true").CountAsync());
        Assert.True(await page.GetByRole(AriaRole.Search).IsVisibleAsync());
        Assert.Equal(7, await page.GetByRole(AriaRole.Navigation, new() { Name = "الرئيسية" }).GetByRole(AriaRole.Link).Locator("visible=true").CountAsync());
    }
}
