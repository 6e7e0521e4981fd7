using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Tests.Features.Accounts;

namespace Chorus.Web.Tests.Features.Site;

/// <summary>The header menu, edited at /admin/menus by an Editor, on the demo site.</summary>
public sealed class MenuTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private static async Task<List<(string Text, string Href)>> MenuOf(IdentityApp app, string path)
    {
        var (_, html) = await app.GetHtml(path);
        return [.. html.QuerySelectorAll("header nav[aria-label] ul a").Where(a => a.Closest("nav.languages") is null)
            .Select(a => (a.TextContent, a.GetAttribute("href")!))];
    }

    [Fact]
    public async Task An_editor_changes_the_menu_and_every_language_s_pages_show_it_at_once()
    {
        // The sections every site starts with, in each language.
        Assert.Equal(("Statements", "/en/statements"), (await MenuOf(app, "/en/events"))[1]);
        Assert.Equal(("Déclarations", "/fr/statements"), (await MenuOf(app, "/fr/events"))[1]);

        var form = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri("/admin/menus", UriKind.Relative)));
        Assert.Equal("/statements", form.GetElementById("items-1-target")!.GetAttribute("value"));
        Assert.Equal("Déclarations", form.GetElementById("items-1-labels-1")!.GetAttribute("value"));

        var saved = await Staff.PostFormAsync(app.Editor, "/admin/menus", new Dictionary<string, string>
        {
            ["Items[1].Labels[1].Name"] = "Prises de position", // French label of Statements
            ["Items[5].Target"] = "", // Organisations removed
            ["Items[7].Target"] = "https://migration.example/forum", ["Items[7].Position"] = "0", ["Items[7].Labels[0].Name"] = "The Forum",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var english = await MenuOf(app, "/en/events");
        Assert.Equal([("The Forum", "https://migration.example/forum"), ("News", "/en/news"), ("Statements", "/en/statements"),
            ("Events", "/en/events"), ("Sign-ons", "/en/campaigns"), ("Consultations", "/en/consultations"), ("About", "/en/pages/about")], english);
        var french = await MenuOf(app, "/fr/events");
        Assert.Equal(("Prises de position", "/fr/statements"), french[2]);
        // The new link has no French label: the English one shows, marked as English.
        var (_, page) = await app.GetHtml("/fr/events");
        var forum = page.QuerySelector("header a[href='https://migration.example/forum']")!;
        Assert.Equal(("The Forum", "en"), (forum.TextContent, forum.GetAttribute("lang")));
    }

    [Theory]
    [InlineData("//evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("statements")]
    public async Task An_address_that_is_neither_a_path_here_nor_a_web_address_is_refused(string target)
    {
        var response = await Staff.PostFormAsync(app.Editor, "/admin/menus", new Dictionary<string, string>
        {
            ["Items[11].Target"] = target, ["Items[11].Labels[0].Name"] = "Trap",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Write a path on this site, such as /statements or /pages/about, or a full address starting with https://.",
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(await MenuOf(app, "/en/events"), l => l.Text == "Trap");
    }

    [Fact]
    public async Task Footer_links_are_edited_beside_the_menu_and_every_page_s_footer_shows_them_in_its_language()
    {
        static async Task<List<(string Text, string Href, string? Lang)>> FooterOf(IdentityApp app, string path)
        {
            var (_, html) = await app.GetHtml(path);
            return [.. html.QuerySelectorAll("footer nav[aria-label] a").Where(a => a.Closest("nav")!.GetAttribute("aria-label") != "Elsewhere")
                .Select(a => (a.TextContent, a.GetAttribute("href")!, a.GetAttribute("lang")))];
        }
        var before = await FooterOf(app, "/fr/events"); // cached before the change
        var header = await MenuOf(app, "/en/events");

        var saved = await Staff.PostFormAsync(app.Editor, "/admin/menus", new Dictionary<string, string>
        {
            ["FooterItems[0].Target"] = "/pages/privacy", ["FooterItems[0].Position"] = "2",
            ["FooterItems[0].Labels[0].Name"] = "Privacy", ["FooterItems[0].Labels[1].Name"] = "Confidentialité",
            ["FooterItems[1].Target"] = "https://partners.example/", ["FooterItems[1].Position"] = "1", ["FooterItems[1].Labels[0].Name"] = "Our partners",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        Assert.Empty(before);
        Assert.Equal([("Our partners", "https://partners.example/", null), ("Privacy", "/en/pages/privacy", null)], await FooterOf(app, "/en/events"));
        // French: its own label, and the English one marked where no French was written.
        Assert.Equal([("Our partners", "https://partners.example/", "en"), ("Confidentialité", "/fr/pages/privacy", null)], await FooterOf(app, "/fr/events"));
        // The header menu was left as it was.
        Assert.Equal(header, await MenuOf(app, "/en/events"));

        var refused = await Staff.PostFormAsync(app.Editor, "/admin/menus", new Dictionary<string, string> { ["FooterItems[2].Target"] = "javascript:alert(1)", ["FooterItems[2].Labels[0].Name"] = "Trap" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var form = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Write a path on this site, such as /statements or /pages/about, or a full address starting with https://.",
            form.GetElementById("footer-2-target")!.ParentElement!.QuerySelector(".error")!.TextContent);
        Assert.Equal("Privacy", form.GetElementById("footer-1-labels-0")!.GetAttribute("value")); // what was typed stays (saved order: partners first)
    }
}
