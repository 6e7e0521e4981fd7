using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>Signing on in Chromium, with and without JavaScript, and the moderator's pages.</summary>
[Collection(StaffTests.Name)]
public sealed class CampaignsBrowserTests(LiveSite site)
{
    [BrowserFact]
    public async Task An_organisation_signs_on_with_javascript_off_and_is_asked_to_check_its_email()
    {
        var (context, page, _) = await PageWatch.Open(site, new BrowserNewContextOptions { JavaScriptEnabled = false });
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/en/campaigns/position-paper-review-forum");

        await page.GetByLabel("Organisation", new() { Exact = true }).FillAsync("Browser Solidarity Collective");
        await page.GetByLabel("Type").SelectOptionAsync("MigrantLed");
        await page.GetByLabel("Website").FillAsync("browser-solidarity.org");
        await page.GetByLabel("Country").SelectOptionAsync("KE");
        await page.GetByLabel("Your name").FillAsync("Wanjiru Kamau");
        await page.GetByLabel("Your role in the organisation").FillAsync("Coordinator");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("wanjiru@browser-solidarity.org");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();
        Assert.Contains("Tick the box to confirm you may sign", await page.Locator("[data-valmsg-for='Input.Authorised']").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("Browser Solidarity Collective", await page.GetByLabel("Organisation", new() { Exact = true }).InputValueAsync());
        Assert.False(await page.GetByLabel("The coalition may contact me").IsCheckedAsync());

        await page.GetByLabel("I am authorised to sign on behalf of this organisation.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign on" }).ClickAsync();

        Assert.Contains("Check your email.", await page.Locator("#done").TextContentAsync(), StringComparison.Ordinal);
        Assert.EndsWith("?sent=1#done", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task Typing_a_name_suggests_organisations_from_the_directory()
    {
        var (context, page, watch) = await PageWatch.Open(site);
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/en/campaigns/position-paper-review-forum");

        await page.GetByLabel("Organisation", new() { Exact = true }).PressSequentiallyAsync("Sahel");
        var option = page.Locator("#organisation-suggestions option[value='Sahel Mobility Network']");
        await option.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await page.GetByLabel("Organisation", new() { Exact = true }).FillAsync("Sahel Mobility Network");
        await page.GetByLabel("Organisation", new() { Exact = true }).DispatchEventAsync("input");

        Assert.True(await page.Locator(".new-organisation").IsHiddenAsync());
        Assert.Empty(watch.ConsoleErrors);
        Assert.Empty(watch.ForeignRequests);
    }

    [BrowserFact]
    public async Task A_moderator_approves_a_pending_endorsement_with_javascript_off()
    {
        var (context, page, _) = await site.SignedInAsync(javaScript: false, email: LiveSite.ModeratorEmail);
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/admin/campaigns/1/signatures?state=Pending");
        var first = page.Locator("tbody tr").First;
        var name = (await first.Locator("td").Nth(1).Locator("a").TextContentAsync())!;

        await first.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve selected" }).ClickAsync();

        Assert.Contains("Approved: 1.", await page.Locator("[role=status]").TextContentAsync(), StringComparison.Ordinal);
        await page.GotoAsync(site.BaseUrl + "/en/campaigns/position-paper-review-forum/signatories?by=Name");
        Assert.Contains(name, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task A_moderator_ticks_every_signature_on_the_page_with_one_box_and_without_script_has_buttons_for_them()
    {
        var (context, page, watch) = await site.SignedInAsync(email: LiveSite.ModeratorEmail);
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/admin/campaigns/1/signatures");
        var all = page.GetByRole(AriaRole.Checkbox, new() { Name = "All on this page" });
        var boxes = page.Locator("tbody input[type=checkbox][name=Ids]");
        Assert.True(await boxes.CountAsync() > 1);

        await all.CheckAsync();
        foreach (var box in await boxes.AllAsync())
        {
            Assert.True(await box.IsCheckedAsync());
        }
        await boxes.First.UncheckAsync();
        Assert.False(await all.IsCheckedAsync());
        Assert.True(await all.EvaluateAsync<bool>("e => e.indeterminate"));
        await all.CheckAsync();
        await all.UncheckAsync();
        foreach (var box in await boxes.AllAsync())
        {
            Assert.False(await box.IsCheckedAsync());
        }
        Assert.Empty(watch.ConsoleErrors);

        var (plain, noScript, _) = await site.SignedInAsync(javaScript: false, email: LiveSite.ModeratorEmail);
        await using var __ = plain;
        await noScript.GotoAsync(site.BaseUrl + "/admin/campaigns/1/signatures");
        Assert.False(await noScript.GetByRole(AriaRole.Checkbox, new() { Name = "All on this page" }).IsVisibleAsync());
        Assert.True(await noScript.GetByRole(AriaRole.Button, new() { Name = "Approve all on this page" }).IsVisibleAsync());
    }
}
