using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Organisations;

/// <summary>The secretariat loads its member list from a spreadsheet: every row checked first, then all of it or nothing.</summary>
public sealed class ImportExportTests(EditorOrganisationsApp app) : IClassFixture<EditorOrganisationsApp>
{
    /// <summary>Uploads a file through the import form, as a browser does, and returns the preview.</summary>
    private async Task<IHtmlDocument> Upload(byte[] file)
    {
        var page = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri("/admin/organisations/import", UriKind.Relative)));
        var form = page.QuerySelector("main form[method=post]")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "Upload", "members.csv" },
        };
        var response = await app.Editor.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Presses the preview's import button.</summary>
    private async Task<HttpResponseMessage> Confirm(IHtmlDocument preview)
    {
        var form = preview.QuerySelector("form[action$='handler=Import']")!;
        return await app.Editor.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(
            form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "")));
    }

    private Task<int> Count() => app.WithDb(db => db.Organisations.CountAsync());

    [Fact]
    public async Task A_file_with_one_bad_row_imports_nothing_and_names_the_row_and_the_problem()
    {
        var before = await Count();
        var csv = """
            name,acronym,country,type,membership,joined
            Harbour Rights Collective,HRC,Greece,NGO,Member,2019-04-01
            Atlantic Migrants Union,,Atlantis,Trade union,Member,2020-01-15
            Desert Routes Monitor,DRM,NE,Network,Observer,15/03/2021
            """;

        var preview = await Upload(Encoding.UTF8.GetBytes(csv));

        var problems = preview.QuerySelectorAll("[role=alert] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal("Row 3 (Atlantic Migrants Union): “Atlantis” is not a country we know: use its name or its two-letter code (such as FR).", problems[0]);
        Assert.StartsWith("Row 4 (Desert Routes Monitor): “15/03/2021” is not a date", problems[1], StringComparison.Ordinal);
        Assert.Equal("Nothing was imported", preview.QuerySelector("[role=alert] h2")!.TextContent);
        Assert.Null(preview.QuerySelector("form[action$='handler=Import']"));
        Assert.Equal(before, await Count());
    }

    [Fact]
    public async Task A_spreadsheet_export_in_French_with_semicolons_imports_after_its_preview()
    {
        // As a French spreadsheet program saves it: semicolons, Windows-1252, French headers, countries and labels.
        var csv = "Organisation;Sigle;Pays;Type;Statut;Site web;Domains;Remarks\r\n"
            + "Réseau Sahel Migrations;RSM;Sénégal;Réseau;Membre;rsm.example;rsm.example @rsm-mail.example;founding member\r\n"
            + "Coopérative des Travailleuses Migrantes;;Côte d'Ivoire;Syndicat;Observateur;;;\r\n"
            + "Alliance Globale;;;ONG;;https://alliance.example/;;\r\n";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(1252).GetBytes(csv);

        var preview = await Upload(bytes);

        Assert.Null(preview.QuerySelector("[role=alert]"));
        Assert.Contains("Remarks", preview.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var imported = await Confirm(preview);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        await app.WithDb(async db =>
        {
            var rsm = await db.Organisations.SingleAsync(o => o.Acronym == "RSM");
            Assert.Equal(("Réseau Sahel Migrations", "SN", OrganisationType.Network, Membership.Member), (rsm.Name, rsm.Country, rsm.Type, rsm.Membership));
            Assert.Equal("https://rsm.example/", rsm.Website);
            Assert.Equal(["rsm.example", "rsm-mail.example"], rsm.EmailDomains);
            var coop = await db.Organisations.SingleAsync(o => o.Name == "Coopérative des Travailleuses Migrantes");
            Assert.Equal(("CI", OrganisationType.TradeUnion, Membership.Observer), (coop.Country, coop.Type, coop.Membership));
            Assert.Null((await db.Organisations.SingleAsync(o => o.Name == "Alliance Globale")).Country);
            Assert.Equal(3, await db.AuditLog.CountAsync(a => a.Entity == nameof(Organisation) && a.Action == "created" && a.UserName == "editor@crossroads.test"
                && (a.Summary.Contains("Réseau Sahel") || a.Summary.Contains("Coopérative") || a.Summary.Contains("Alliance Globale"))));
        });
    }

    [Fact]
    public async Task The_export_imports_back_as_updates_without_duplicates()
    {
        await app.Add(Orgs.Make("Round Trip Society", "KE", OrganisationType.Diaspora, Membership.Partner, "RTS"));
        await app.WithDb(async db =>
        {
            var org = await db.Organisations.SingleAsync(o => o.Name == "Round Trip Society");
            org.DescriptionMarkdown = "=HYPERLINK(\"http://evil.example\") is not a formula here.";
            await db.SaveChangesAsync();
        });
        var before = await Count();

        var export = await app.Editor.GetAsync(new Uri("/admin/organisations?handler=export", UriKind.Relative));
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Round Trip Society,RTS,KE,Kenya,Diaspora,Partner", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);

        var preview = await Upload(bytes);
        Assert.Null(preview.QuerySelector("[role=alert]"));
        Assert.All(preview.QuerySelectorAll("table tbody tr td:last-child"), td => Assert.Equal("Will update an existing record", td.TextContent));
        Assert.Equal(HttpStatusCode.Redirect, (await Confirm(preview)).StatusCode);

        Assert.Equal(before, await Count());
        Assert.True(await app.WithDb(db => db.AuditLog.AnyAsync(a => a.Action == "exported" && a.UserName == "editor@crossroads.test")));
    }

    [Fact]
    public async Task A_file_that_is_not_a_member_list_is_explained()
    {
        var preview = await Upload(Encoding.UTF8.GetBytes("just some notes\nnothing tabular"));

        Assert.StartsWith("The first row must name the columns, and one must be “name”.", preview.QuerySelector("[role=alert] li")!.TextContent, StringComparison.Ordinal);
    }
}
