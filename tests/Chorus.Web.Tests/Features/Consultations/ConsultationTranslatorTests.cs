using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>A translator reviews a consultation's words in their own language, beside the original, on the demo site.</summary>
public sealed class ConsultationTranslatorTests(TranslatorApp app) : IClassFixture<TranslatorApp>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_french_translator_corrects_the_french_words_of_a_consultation_that_has_answers_and_only_the_french()
    {
        var c = await app.WithDb(db => db.Consultations.AsNoTracking().Include(x => x.Questions).ThenInclude(q => q.Texts)
            .Include(x => x.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Texts).AsSplitQuery().SingleAsync(x => x.Slug == DemoConsultations.Slug));
        var regions = c.Questions.Single(q => q.Position == 1);
        var africa = regions.Options.OrderBy(o => o.Position).First();
        // One French option is still a machine draft.
        await app.WithDb(db => db.Set<OptionText>().Where(t => t.OptionId == africa.Id && t.Culture == "fr").ExecuteUpdateAsync(s => s.SetProperty(t => t.IsMachineDraft, true)));

        // The translations page links her French cell, not the Spanish one.
        var matrix = Parser.ParseDocument(await app.Translator.GetStringAsync(new Uri("/admin/translations", UriKind.Relative)));
        var row = matrix.QuerySelectorAll("table[aria-labelledby='consultations-heading'] tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == c.Title);
        var links = row.QuerySelectorAll("td a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/admin/translations/consultations/{c.Id}/fr"], links);
        var spanish = await app.Translator.GetAsync(new Uri($"/admin/translations/consultations/{c.Id}/es", UriKind.Relative));
        Assert.StartsWith("http://localhost/account/denied", spanish.Headers.Location!.ToString(), StringComparison.Ordinal);

        // Each field shows the original's words, and says which French words are an unreviewed machine draft.
        var url = $"/admin/translations/consultations/{c.Id}/fr";
        var page = Parser.ParseDocument(await app.Translator.GetStringAsync(new Uri(url, UriKind.Relative)));
        var field = page.GetElementById($"Input-Questions-{regions.Id}")!;
        Assert.Equal("Dans quelles régions travaillez-vous ?", field.GetAttribute("value"));
        Assert.Contains("In which regions do you work?", page.GetElementById(field.GetAttribute("aria-describedby")!)!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Machine translation, not yet reviewed.", page.GetElementById($"Input-Options-{africa.Id}")!.ParentElement!.TextContent, StringComparison.Ordinal);

        var saved = await Staff.PostFormAsync(app.Translator, url, new Dictionary<string, string>
        {
            [$"Input.Questions[{regions.Id}]"] = "Dans quelles régions du monde travaillez-vous ?",
            [$"Input.Options[{africa.Id}]"] = "Afrique (tout le continent)",
        }, formSelector: "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var after = await app.WithDb(db => db.ConsultationQuestions.AsNoTracking().Include(q => q.Texts).Include(q => q.Revisions)
            .Include(q => q.Options).ThenInclude(o => o.Texts).SingleAsync(q => q.Id == regions.Id));
        Assert.Equal(("Dans quelles régions du monde travaillez-vous ?", false), after.Texts.Where(t => t.Culture == "fr").Select(t => (t.Text, t.IsMachineDraft)).Single());
        // The question has answers: the French words they answered stay on record.
        Assert.Equal("Dans quelles régions travaillez-vous ?", after.Revisions.Single(r => r.Culture == "fr").Text);
        Assert.Equal(("Afrique (tout le continent)", false), after.Options.Single(o => o.Id == africa.Id).Texts.Where(t => t.Culture == "fr").Select(t => (t.Text, t.IsMachineDraft)).Single());
        // The English words and the Spanish ones are untouched, and French readers see the new words at once.
        Assert.Equal("In which regions do you work?", after.Texts.Single(t => t.Culture == "en").Text);
        Assert.Equal("¿En qué regiones trabajan?", after.Texts.Single(t => t.Culture == "es").Text);
        var (_, results) = await app.GetHtml($"/fr/consultations/{DemoConsultations.Slug}/results");
        Assert.Equal("Dans quelles régions du monde travaillez-vous ?", results.QuerySelector($"#r{regions.Id}")!.TextContent);
        Assert.Contains("Afrique (tout le continent)", results.QuerySelector($"section[aria-labelledby='r{regions.Id}'] tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_option_left_empty_among_translated_ones_is_refused_next_to_it_and_nothing_is_saved()
    {
        var c = await app.WithDb(db => db.Consultations.AsNoTracking().Include(x => x.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Texts)
            .AsSplitQuery().SingleAsync(x => x.Slug == DemoConsultations.OpenSlug));
        var question = c.Questions.First(q => q.Options.Count > 2);
        var second = question.Options.OrderBy(o => o.Position).ElementAt(1);

        var refused = await Staff.PostFormAsync(app.Translator, $"/admin/translations/consultations/{c.Id}/fr",
            new Dictionary<string, string> { [$"Input.Options[{second.Id}]"] = "" }, formSelector: "main form[method=post]");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = Parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        var field = page.GetElementById($"Input-Options-{second.Id}")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal("Give every option of this question in this language, or none.",
            page.GetElementById(field.GetAttribute("aria-describedby")!.Split(' ').Single(i => i.EndsWith("-error", StringComparison.Ordinal)))!.TextContent);
        Assert.True(await app.WithDb(db => db.Set<OptionText>().AnyAsync(t => t.OptionId == second.Id && t.Culture == "fr")));
    }
}
