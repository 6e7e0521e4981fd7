using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>An Admin moves a WordPress export in through /admin/import in Chromium, with script and without.</summary>
[Collection(StaffTests.Name)]
public sealed class WordPressImportBrowserTests(LiveSite site)
{
    /// <summary>The smallest whole export WordPress writes: one published post at a dated permalink.</summary>
    private static byte[] Export(string slug, string title) => Encoding.UTF8.GetBytes($"""
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/">
        <channel>
        <title>Old site</title><link>https://old-{slug}.example</link>
        <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://old-{slug}.example</wp:base_site_url>
        <wp:author><wp:author_login>ines</wp:author_login><wp:author_display_name>Inès Duarte</wp:author_display_name></wp:author>
        <item>
        <title>{title}</title><link>https://old-{slug}.example/2019/05/05/{slug}/</link><dc:creator>ines</dc:creator>
        <content:encoded><![CDATA[<!-- wp:paragraph --><p>Moved in from <strong>WordPress</strong>.</p><!-- /wp:paragraph -->]]></content:encoded>
        <excerpt:encoded><![CDATA[]]></excerpt:encoded>
        <wp:post_id>7</wp:post_id><wp:post_date_gmt>2019-05-05 10:00:00</wp:post_date_gmt><wp:post_name>{slug}</wp:post_name>
        <wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
        </item>
        </channel>
        </rss>
        """);

    private async Task UploadAsync(IPage page, string slug, string title)
    {
        await page.GotoAsync(site.BaseUrl + "/admin/import");
        await page.GetByLabel("WordPress export (.xml)").SetInputFilesAsync(new FilePayload { Name = $"{slug}.xml", MimeType = "text/xml", Buffer = Export(slug, title) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and import" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/admin/import/[0-9]+$"));
    }

    private async Task AssertMovedInAsync(IPage page, string slug, string title)
    {
        Assert.Contains("Posts, pages and translations: 1 added, 0 updated, 0 unchanged", await page.Locator(".import-report").InnerTextAsync(), StringComparison.Ordinal);
        // The old permalink leads to the post.
        await page.GotoAsync($"{site.BaseUrl}/2019/05/05/{slug}/");
        Assert.EndsWith($"/en/news/{slug}", page.Url, StringComparison.Ordinal);
        Assert.Equal(title, (await page.Locator("main h1").TextContentAsync())?.Trim());
    }

    [BrowserFact]
    public async Task With_script_the_status_page_follows_the_import_until_its_report()
    {
        var (context, page, watch) = await site.SignedInAsync(email: LiveSite.AdminEmail);
        await using var _ = context;
        var form = await page.GotoAsync(site.BaseUrl + "/admin/import");
        var axe = await page.RunAxe(PageQualityTests.Wcag);
        Assert.True(axe.Violations.Length == 0, PageQualityTests.Describe(axe));
        var (exitCode, problems) = await HtmlValidity.ValidateAsync(await form!.TextAsync());
        Assert.True(exitCode == 0, problems);

        await UploadAsync(page, "moved-with-script", "Moved with script");
        // The page asks how far the import got and reloads itself with the report: nobody presses anything.
        await Assertions.Expect(page.Locator("#import-state")).ToHaveTextAsync("Done", new() { Timeout = 30_000 });
        axe = await page.RunAxe(PageQualityTests.Wcag);
        Assert.True(axe.Violations.Length == 0, PageQualityTests.Describe(axe));
        Assert.Empty(watch.ConsoleErrors);
        Assert.Empty(watch.ForeignRequests);
        await AssertMovedInAsync(page, "moved-with-script", "Moved with script");
    }

    [BrowserFact]
    public async Task Without_script_the_admin_refreshes_until_the_report_shows()
    {
        var (context, page, _) = await site.SignedInAsync(javaScript: false, email: LiveSite.AdminEmail);
        await using var _ = context;

        await UploadAsync(page, "moved-without-script", "Moved without script");
        for (var i = 0; i < 60 && await page.Locator("#import-state").TextContentAsync() != "Done"; i++)
        {
            // Until it ends, the page says how to see more; following that link is the refresh.
            await Task.Delay(500);
            await page.GetByRole(AriaRole.Link, new() { Name = "Refresh to see how far it got" }).ClickAsync();
        }
        Assert.Equal("Done", await page.Locator("#import-state").TextContentAsync());
        await AssertMovedInAsync(page, "moved-without-script", "Moved without script");
    }
}
