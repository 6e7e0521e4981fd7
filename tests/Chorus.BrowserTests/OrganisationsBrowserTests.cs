using System.Text;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>The directory and the import as people use them in Chromium.</summary>
[Collection(StaffTests.Name)]
public sealed class OrganisationsBrowserTests(LiveSite site)
{
    [BrowserFact]
    public async Task A_visitor_reading_Arabic_finds_the_member_NGOs_of_Africa_in_two_clicks_without_javascript()
    {
        var (context, page, _) = await PageWatch.Open(site, new BrowserNewContextOptions { JavaScriptEnabled = false });
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/ar/organizations");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));

        await page.Locator("table.counts a[href*='region=002'][href*='status=Member']").ClickAsync();
        await page.Locator(".facets a[href*='type=Ngo']").ClickAsync();

        var names = await page.Locator("ul.orgs > li > a").AllTextContentsAsync();
        Assert.Equal(["Association Marocaine pour les Droits des Migrants", "Cairo Refugee Legal Aid", "Migrant Rights Centre Nairobi", "Tunisian Forum for Migrants' Rights"], names);
        Assert.Contains("region=002", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task An_editor_uploads_a_member_list_sees_the_preview_and_imports_it()
    {
        var (context, page, watch) = await site.SignedInAsync();
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/admin/organisations/import");

        // Not in Africa: the two-click test on the same site counts Africa's member NGOs.
        var csv = "name,country,type,membership\nBrowser Test Collective,Fiji,Academic,Partner\nBrowser Test Union,Chile,Trade union,Observer\n";
        await page.GetByLabel("CSV file").SetInputFilesAsync(new FilePayload { Name = "members.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Check the file" }).ClickAsync();
        Assert.Equal(2, await page.Locator("table tbody tr").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Import all (2)" }).ClickAsync();

        Assert.Equal("Imported: 2 (2 new, 0 updated).", await page.Locator("[role=status]").TextContentAsync());
        await page.GotoAsync(site.BaseUrl + "/en/organizations?q=browser+test");
        Assert.Equal(["Browser Test Collective", "Browser Test Union"], await page.Locator("ul.orgs > li > a").AllTextContentsAsync());
        Assert.Empty(watch.ConsoleErrors);
    }
}
