using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>The staff pages, signed in through the real form in Chromium: accessible and script-free too.</summary>
[Collection(StaffTests.Name)]
public sealed class AdminPagesTests(LiveSite site)
{
    public static TheoryData<string> Pages => ["/admin", "/admin/posts", "/admin/posts/new", "/admin/categories", "/admin/translations", "/admin/media", "/admin/organisations", "/admin/organisations/new", "/admin/organisations/1", "/admin/organisations/1/merge", "/admin/organisations/import", "/admin/events", "/admin/events/new", "/admin/events/1", "/admin/events/1/sessions", "/admin/events/2/sessions", "/admin/events/1/registrations", "/admin/campaigns", "/admin/campaigns/new", "/admin/campaigns/1", "/admin/newsletter/subscribers", "/admin/newsletter/subscribers?list=1&state=Confirmed", "/admin/newsletter/subscribers/import", "/admin/newsletter/lists", "/admin/newsletter/lists/1", "/admin/home", "/admin/menus", "/admin/account", "/admin/account/password", "/admin/account/sessions", "/admin/editor", "/admin/redirects", "/admin/consultations", "/admin/consultations/1", "/admin/consultations/2/questions", "/admin/consultations/2/responses", "/admin/consultations/2/synthesis", "/admin/translations/consultations/2/fr", "/admin/translations/consultations/1/ar", "/account/two-factor/setup"];

    private Task<(IBrowserContext Context, IPage Page, PageWatch Watch)> SignedInAsync(bool javaScript = true) => site.SignedInAsync(javaScript);

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public Task Staff_pages_have_no_accessibility_violation_console_error_or_foreign_request(string path) => CheckAsync(path, LiveSite.EditorEmail);

    /// <summary>The moderation pages, as a moderator sees them.</summary>
    public static TheoryData<string> ModeratorPages => ["/admin", "/admin/campaigns", "/admin/campaigns/1/signatures", "/admin/campaigns/1/signatures?state=Pending", "/admin/campaigns/1/signatures/1"];

    [BrowserTheory]
    [MemberData(nameof(ModeratorPages))]
    public Task Moderator_pages_have_no_accessibility_violation_console_error_or_foreign_request(string path) => CheckAsync(path, LiveSite.ModeratorEmail);

    /// <summary>One signed-in tab per account, reused from page to page as a person at the admin area would.</summary>
    private static readonly Dictionary<string, (IBrowserContext Context, IPage Page, PageWatch Watch)> Tabs = [];

    private async Task CheckAsync(string path, string email)
    {
        if (!Tabs.TryGetValue(email, out var tab))
        {
            Tabs[email] = tab = await site.SignedInAsync(email: email);
        }
        var (_, page, watch) = tab;
        watch.Reset();
        var response = await page.GotoAsync(site.BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        if (page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            // The session ended (opening two-factor setup changes the account's security stamp): sign in again.
            await tab.Context.DisposeAsync();
            Tabs[email] = (_, page, watch) = await site.SignedInAsync(email: email);
            response = await page.GotoAsync(site.BaseUrl + path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        }
        var result = await page.RunAxe(PageQualityTests.Wcag);

        Assert.Equal(200, response!.Status);
        Assert.True(result.Violations.Length == 0, PageQualityTests.Describe(result));
        Assert.Empty(watch.ForeignRequests);
        Assert.Empty(watch.ConsoleErrors);
    }

    [BrowserFact]
    public async Task An_editor_writes_and_previews_a_post_with_javascript_off()
    {
        var (context, page, _) = await SignedInAsync(javaScript: false);
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/admin/posts/new");

        await page.GetByLabel("Title").FillAsync("Written in a browser");
        await page.GetByLabel("Text (Markdown)").FillAsync("Some **bold** words.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        Assert.Equal("bold", await page.Locator(".preview strong").TextContentAsync());

        await page.GetByLabel("Status").SelectOptionAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved.", await page.Locator("[role=status]").TextContentAsync());

        await page.GotoAsync(site.BaseUrl + "/en/news/written-in-a-browser");
        Assert.Equal("Written in a browser", await page.Locator("main h1").TextContentAsync());
    }

    [BrowserFact]
    public async Task The_statement_fields_show_only_while_the_kind_is_statement_and_stay_without_javascript()
    {
        var (context, page, _) = await SignedInAsync();
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/admin/posts/new");
        var statementFields = page.GetByRole(AriaRole.Group, new() { Name = "For statements" });

        Assert.False(await statementFields.IsVisibleAsync());
        await page.Locator("#Input_Kind").SelectOptionAsync("Statement");
        Assert.True(await statementFields.IsVisibleAsync());
        await page.Locator("#Input_Kind").SelectOptionAsync("News");
        Assert.False(await statementFields.IsVisibleAsync());

        var (plain, noScript, _) = await SignedInAsync(javaScript: false);
        await using var __ = plain;
        await noScript.GotoAsync(site.BaseUrl + "/admin/posts/new");
        Assert.True(await noScript.GetByRole(AriaRole.Group, new() { Name = "For statements" }).IsVisibleAsync());
    }

    [BrowserFact]
    public async Task The_event_editor_folds_into_sections_and_shows_the_series_rule_only_for_a_series()
    {
        var (context, page, watch) = await SignedInAsync();
        await using var _ = context;
        await page.SetViewportSizeAsync(1280, 900);
        var response = await page.GotoAsync(site.BaseUrl + "/admin/events/1", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var (exitCode, problems) = await HtmlValidity.ValidateAsync(await response!.TextAsync());
        Assert.True(exitCode == 0, problems);

        // What and When open; the rest folded, each under its heading.
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        Assert.True(height < 4000, $"the event form is {height} px tall");
        Assert.False(await page.GetByLabel("Places (empty: no limit)").IsVisibleAsync());
        await page.GetByRole(AriaRole.Heading, new() { Name = "Registration", Exact = true }).ClickAsync();
        Assert.True(await page.GetByLabel("Places (empty: no limit)").IsVisibleAsync());

        var rule = page.GetByRole(AriaRole.Group, new() { Name = "Repeats (for a series)" });
        await page.Locator("#Input_Kind").SelectOptionAsync("Single");
        Assert.False(await rule.IsVisibleAsync());
        await page.Locator("#Input_Kind").SelectOptionAsync("Series");
        Assert.True(await rule.IsVisibleAsync());
        Assert.Empty(watch.ConsoleErrors);

        var (plain, noScript, _) = await SignedInAsync(javaScript: false);
        await using var __ = plain;
        await noScript.GotoAsync(site.BaseUrl + "/admin/events/new");
        Assert.True(await noScript.GetByRole(AriaRole.Group, new() { Name = "Repeats (for a series)" }).IsVisibleAsync());
    }
}
