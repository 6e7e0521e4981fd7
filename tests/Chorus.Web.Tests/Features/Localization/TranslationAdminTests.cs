using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Content;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>A translator for French only, and an editor, on the demo site.</summary>
public sealed class TranslatorApp : ChorusFactory
{
    public HttpClient Translator { get; private set; } = null!;

    public HttpClient Editor { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await Staff.CreateAsync(this, "traductrice@crossroads.test", Roles.Translator);
        await WithDb(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "traductrice@crossroads.test")).TranslatorCultures = "fr";
            await db.SaveChangesAsync();
        });
        await Staff.CreateAsync(this, "editor@crossroads.test", Roles.Editor);
        Translator = await Staff.SignInAsync(this, "traductrice@crossroads.test");
        Editor = await Staff.SignInAsync(this, "editor@crossroads.test");
    }
}

public sealed class TranslationAdminTests(TranslatorApp app) : IClassFixture<TranslatorApp>
{
    private Task<int> IdOf(string slug) => app.WithDb(db => db.Posts.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task The_matrix_shows_each_version_state_and_links_only_the_translators_languages()
    {
        var html = await new HtmlParser().ParseDocumentAsync(await (await app.Translator.GetAsync(new Uri("/admin/translations", UriKind.Relative))).Content.ReadAsStringAsync());
        var about = html.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "About the coalition");
        var cells = about.QuerySelectorAll("td").Select(td => (td.TextContent.Trim(), td.QuerySelector("a") is not null)).ToArray();

        // en, fr, es, ar, zh, ru: she may open French only.
        Assert.Equal(("original text", false), cells[0]);
        Assert.StartsWith("human", cells[1].Item1, StringComparison.Ordinal);
        Assert.True(cells[1].Item2);
        Assert.Equal(("human", false), cells[2]);
        Assert.Equal(("missing", false), cells[3]);
    }

    [Fact]
    public async Task A_translator_assigned_to_french_cannot_save_a_spanish_translation()
    {
        var id = await IdOf("youth-working-group-launched");

        var open = await app.Translator.GetAsync(new Uri($"/admin/translations/{id}/es", UriKind.Relative));
        Assert.StartsWith("http://localhost/account/denied", open.Headers.Location!.ToString(), StringComparison.Ordinal);
        var forged = await Staff.PostFormAsync(app.Translator, $"/admin/translations/{id}/fr",
            new Dictionary<string, string> { ["Input.Title"] = "Grupo de jóvenes", ["Input.Body"] = "Texto." }, "main form[method=post]", "Save");
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode); // French: allowed
        // A valid antiforgery token, taken from her French form, does not open the Spanish one.
        var french = await new HtmlParser().ParseDocumentAsync(await (await app.Translator.GetAsync(new Uri($"/admin/translations/{id}/fr", UriKind.Relative))).Content.ReadAsStringAsync());
        var token = french.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var spanish = await app.Translator.PostAsync(new Uri($"/admin/translations/{id}/es?handler=Save", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Input.Title"] = "Grupo de jóvenes", ["Input.Body"] = "Texto." }));
        Assert.StartsWith("http://localhost/account/denied", spanish.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.PostTranslations.AnyAsync(t => t.PostId == id && t.Culture == "es")));
        Assert.Equal("Grupo de jóvenes", (await app.GetHtml("/fr/news/youth-working-group-launched")).Html.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task An_outdated_translation_shows_what_changed_in_the_original_and_saving_brings_it_up_to_date()
    {
        var id = await IdOf("solutions-not-violence-at-our-borders");
        await Staff.PostFormAsync(app.Editor, $"/admin/posts/{id}",
            new Dictionary<string, string> { ["Input.Summary"] = "Casa Puente calls for safe and regular pathways." }, "form.editor", "Save");

        var page = await new HtmlParser().ParseDocumentAsync(await (await app.Translator.GetAsync(new Uri($"/admin/translations/{id}/fr", UriKind.Relative))).Content.ReadAsStringAsync());
        Assert.Contains("Casa Puente calls for safe and regular pathways.", page.QuerySelector(".diff ins")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Des solutions, pas la violence, à nos frontières", page.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.NotNull((await app.GetHtml("/fr/news/solutions-not-violence-at-our-borders")).Html.QuerySelector("aside.notice"));

        await Staff.PostFormAsync(app.Translator, $"/admin/translations/{id}/fr",
            new Dictionary<string, string>
            {
                ["Input.Summary"] = "Casa Puente demande des voies sûres et régulières.",
                ["Input.Addressee"] = "Gouvernements de la région et au-delà",
            }, "main form[method=post]", "Save");

        var (_, updated) = await app.GetHtml("/fr/news/solutions-not-violence-at-our-borders");
        Assert.Null(updated.QuerySelector("aside.notice"));
        Assert.Contains("Gouvernements de la région et au-delà", updated.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
        var state = await app.WithDb(db => db.PostTranslations.Where(t => t.PostId == id && t.Culture == "fr").Select(t => t.State).SingleAsync());
        Assert.Equal(TranslationState.Human, state);
    }
}
