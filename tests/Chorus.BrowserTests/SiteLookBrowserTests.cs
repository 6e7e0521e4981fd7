using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>
/// The coalition's own look, set through the admin in Chromium: the identity page, its contrast check, a logo and colours
/// on public pages in English and Arabic, and a featured image on a post.
/// </summary>
[Collection(StaffTests.Name)]
public sealed class SiteLookBrowserTests(LiveSite site)
{
    private const string Logo = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 90 30"><rect width="90" height="30" rx="4" fill="#7a1f5c"/><circle cx="15" cy="15" r="9" fill="#fff"/></svg>""";

    /// <summary>
    /// The page passes axe (WCAG 2.2 AA) and its HTML as the server sent it (<paramref name="response"/>) html-validate; it
    /// asked nothing of another origin and logged no error.
    /// </summary>
    private static async Task CheckAsync(IPage page, IResponse? response, PageWatch watch)
    {
        var axe = await page.RunAxe(PageQualityTests.Wcag);
        Assert.True(axe.Violations.Length == 0, $"{page.Url}:\n{PageQualityTests.Describe(axe)}");
        var (exitCode, problems) = await HtmlValidity.ValidateAsync(await response!.TextAsync());
        Assert.True(exitCode == 0, $"{page.Url}:\n{problems}");
        Assert.Empty(watch.ForeignRequests);
        Assert.Empty(watch.ConsoleErrors);
    }

    private static Task UploadAsync(IPage page, string baseUrl, string name, string mime, byte[] content, string alt) => Task.Run(async () =>
    {
        await page.GotoAsync(baseUrl + "/admin/media");
        await page.GetByLabel("Image or PDF").SetInputFilesAsync(new FilePayload { Name = name, MimeType = mime, Buffer = content });
        await page.GetByLabel("Alternative text (what the image shows)").FillAsync(alt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        Assert.Equal("Uploaded.", await page.Locator("[role=status]").TextContentAsync());
    });

    /// <summary>Chooses an image of the library for a field through the media dialog, found by words of its description.</summary>
    private static async Task ChooseImageAsync(IPage page, string field, string alt)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = field, Exact = true }).GetByRole(AriaRole.Button, new() { Name = "Choose an image" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Media library" });
        await dialog.GetByLabel("Search the media library").FillAsync(alt);
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Choose: {alt}" }).First.ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    [BrowserFact]
    public async Task An_admin_gives_the_site_its_logo_and_colours_refused_first_for_poor_contrast_and_pages_in_english_and_arabic_show_them()
    {
        var (context, page, watch) = await site.SignedInAsync(email: LiveSite.AdminEmail);
        await using var _ = context;
        await UploadAsync(page, site.BaseUrl, "crossroads.svg", "image/svg+xml", Encoding.UTF8.GetBytes(Logo), "Crossroads Migration Network");

        var form = await page.GotoAsync(site.BaseUrl + "/admin/site");
        watch.Reset();
        await CheckAsync(page, form, watch);

        // A text colour too close to the accent is refused, with the ratio, next to the field.
        await page.Locator("#Accent").FillAsync("#7a1f5c");
        await page.Locator("#OnAccent").FillAsync("#8a3f6c");
        var refused = await page.RunAndWaitForResponseAsync(() => page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/admin/site", StringComparison.Ordinal));
        Assert.Matches("^Text in this colour on the accent colour has a contrast of 1\\.[0-9]:1; WCAG AA needs at least 4\\.5:1\\.$",
            await page.Locator("#on-accent-error").TextContentAsync());
        await CheckAsync(page, refused, watch);

        await page.Locator("#OnAccent").FillAsync("#ffffff");
        await ChooseImageAsync(page, "Logo", "Crossroads Migration Network");
        await page.Locator("#texts-0-name").FillAsync("Crossroads Migration Network");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved.", await page.Locator("p.status[role=status]").TextContentAsync());

        foreach (var culture in new[] { "en", "ar" })
        {
            var (reader, tab, seen) = await PageWatch.Open(site);
            await using var __ = reader;
            var home = await tab.GotoAsync($"{site.BaseUrl}/{culture}/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await CheckAsync(tab, home, seen);
            var logo = tab.Locator(".brand img");
            Assert.Equal("Crossroads Migration Network", await logo.GetAttributeAsync("alt"));
            Assert.True(await logo.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "the logo is drawn");
            // The accent comes from the theme stylesheet: the skip link and buttons are painted with it.
            Assert.Equal("rgb(122, 31, 92)", await tab.Locator("a.button").First.EvaluateAsync<string>("a => getComputedStyle(a).backgroundColor"));
            var (bytes, detail) = await seen.TransferredAsync();
            Assert.True(bytes < PageQualityTests.BudgetBytes, $"{bytes} bytes transferred with the logo:\n{detail}");
        }
    }

    [BrowserFact]
    public async Task A_post_s_featured_image_takes_its_room_before_it_arrives_in_english_and_arabic()
    {
        var (context, page, _) = await site.SignedInAsync(email: LiveSite.EditorEmail);
        await using var _ = context;
        // A real photo-sized JPEG, drawn by the browser itself.
        await page.GotoAsync(site.BaseUrl + "/admin/media");
        var jpeg = Convert.FromBase64String((await page.EvaluateAsync<string>("""
            () => { const c = document.createElement("canvas"); c.width = 1200; c.height = 800; const g = c.getContext("2d");
                    g.fillStyle = "#2a6f97"; g.fillRect(0, 0, 1200, 800); g.fillStyle = "#fff"; g.fillRect(100, 100, 400, 300);
                    return c.toDataURL("image/jpeg", 0.8); }
            """)).Split(',')[1]);
        await UploadAsync(page, site.BaseUrl, "delegates.jpg", "image/jpeg", jpeg, "Delegates in the assembly hall");

        await page.GotoAsync(site.BaseUrl + "/admin/posts");
        var edit = page.Locator("main table tr:has(td:text-is('News')):has(td:text-is('Published')) a[href^='/admin/posts/']").First;
        var id = (await edit.GetAttributeAsync("href"))!.Split('/')[^1];
        await page.GotoAsync($"{site.BaseUrl}/admin/posts/{id}");
        await ChooseImageAsync(page, "Featured image", "Delegates in the assembly hall");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved.", await page.Locator("p.status[role=status]").TextContentAsync());
        var slug = await page.Locator("#Input_Slug").InputValueAsync();

        foreach (var culture in new[] { "en", "ar" })
        {
            var (reader, tab, seen) = await PageWatch.Open(site);
            await using var __ = reader;
            var post = await tab.GotoAsync($"{site.BaseUrl}/{culture}/news/{slug}", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await CheckAsync(tab, post, seen);
            var image = tab.Locator("img.featured");
            Assert.Equal("Delegates in the assembly hall", await image.GetAttributeAsync("alt"));
            Assert.Equal(("1200", "800"), (await image.GetAttributeAsync("width"), await image.GetAttributeAsync("height")));
            // The browser took a copy no wider than the column needs (not the 1,200-pixel original).
            var source = await image.EvaluateAsync<string>("img => img.currentSrc");
            Assert.Matches("-(480|960)\\.jpg$", source);
            Assert.Equal(2.0 / 3, await image.EvaluateAsync<double>("img => img.getBoundingClientRect().height / img.getBoundingClientRect().width"), 2);
        }
    }
}
