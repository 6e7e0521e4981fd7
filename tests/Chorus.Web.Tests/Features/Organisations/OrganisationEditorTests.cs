using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Organisations;

/// <summary>The organisation editor: mistakes get messages by their fields, a good form lands with its translations.</summary>
public sealed class OrganisationEditorTests(EditorOrganisationsApp app) : IClassFixture<EditorOrganisationsApp>
{
    private Task<HttpResponseMessage> Save(string url, Dictionary<string, string> fields) =>
        Staff.PostFormAsync(app.Editor, url, fields, "form.editor", "Save");

    [Fact]
    public async Task Mistakes_are_explained_by_their_fields_and_nothing_is_saved()
    {
        var response = await Save("/admin/organisations/new", new()
        {
            ["Input.Name"] = "", ["Input.Website"] = "not a web address", ["Input.EmailDomains"] = "ngo.org, @@bad", ["Input.Country"] = "XX",
            ["Input.JoinedOn"] = "2030-01-01", ["Input.Logo"] = "/media/0000000000000000-480.jpg",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        string Error(string field) => html.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent;
        Assert.Equal("Give the organisation's name.", Error("Name"));
        Assert.Equal("Enter the website as an address such as https://example.org.", Error("Website"));
        Assert.Equal("“@@bad” is not an email domain (such as example.org); at most 20.", Error("EmailDomains"));
        Assert.Equal("Choose a country from the list.", Error("Country"));
        Assert.Equal("The date it joined cannot be in the future.", Error("JoinedOn"));
        Assert.Equal("No image in the media library has this address.", Error("Logo"));
        Assert.Equal(0, await app.WithDb(db => db.Organisations.CountAsync(o => o.Name == "")));
    }

    [Fact]
    public async Task A_new_organisation_gets_an_address_its_translations_and_a_public_page()
    {
        var response = await Save("/admin/organisations/new", new()
        {
            ["Input.Name"] = "Réseau des Femmes Migrantes", ["Input.Acronym"] = "RFM", ["Input.Country"] = "ML", ["Input.Type"] = "MigrantLed",
            ["Input.Membership"] = "Member", ["Input.JoinedOn"] = "2018-06-01", ["Input.Website"] = "www.rfm.example",
            ["Input.EmailDomains"] = "rfm.example @Rfm-Mail.example", ["Input.Culture"] = "fr",
            ["Input.Description"] = "Un réseau de **femmes migrantes** au Mali.", ["Input.Translations[en]"] = "A network of **migrant women** in Mali.",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await app.WithDb(async db =>
        {
            var org = await db.Organisations.Include(o => o.Translations).SingleAsync(o => o.Acronym == "RFM");
            Assert.Equal(("reseau-des-femmes-migrantes", "https://www.rfm.example/", "fr"), (org.Slug, org.Website, org.Culture));
            Assert.Equal(["rfm.example", "rfm-mail.example"], org.EmailDomains);
            Assert.Equal("en", Assert.Single(org.Translations).Culture);
        });
        var (_, english) = await app.GetHtml("/en/organizations/reseau-des-femmes-migrantes");
        Assert.Equal("migrant women", english.QuerySelector(".body strong")!.TextContent);
        Assert.Contains("Mali", english.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        var (_, directory) = await app.GetHtml("/es/organizations?region=011");
        Assert.Contains("Réseau des Femmes Migrantes", directory.QuerySelector("ul.orgs")!.TextContent, StringComparison.Ordinal);
    }
}
