using System.Globalization;
using System.Net;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>The secretariat's question pages: sections in several languages, deleting, and rewording once answers exist.</summary>
public sealed class ConsultationAdminTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_question_with_answers_is_reworded_only_as_a_correction_which_keeps_the_earlier_words_and_is_never_deleted()
    {
        var c = await app.AddConsultation("admin-words");
        var barriers = ConsultationsApp.Q(c, 2);
        var country = ConsultationsApp.Q(c, 3);
        await app.WithDb(async db =>
        {
            db.ConsultationResponses.Add(new Response
            {
                ConsultationId = c.Id, Name = "Answered Org", State = ResponseState.Confirmed, Answers = [new Answer { QuestionId = barriers.Id, Text = "Visas." }],
            });
            await db.SaveChangesAsync();
        });
        var url = $"/admin/consultations/{c.Id}/questions/{barriers.Id}";

        var refused = await Staff.PostFormAsync(app.Editor, url, new Dictionary<string, string> { ["Input.Texts[en].Text"] = "What stops you from taking part?" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("a change of words must be a correction", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var corrected = await Staff.PostFormAsync(app.Editor, url, new Dictionary<string, string>
        {
            ["Input.Texts[en].Text"] = "What prevents your participation in UN processes?", ["Input.Correction"] = "true", ["Input.Note"] = "Clearer",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        var q = await app.WithDb(db => db.ConsultationQuestions.AsNoTracking().Include(x => x.Texts).Include(x => x.Revisions).SingleAsync(x => x.Id == barriers.Id));
        Assert.Equal("What prevents your participation in UN processes?", q.Texts.Single(t => t.Culture == "en").Text);
        var revision = Assert.Single(q.Revisions);
        Assert.Equal(("en", "What prevents your participation?", "Clearer"), (revision.Culture, revision.Text, revision.Note));

        var list = $"/admin/consultations/{c.Id}/questions";
        var notDeleted = await Staff.PostFormAsync(app.Editor, list, new Dictionary<string, string> { ["question"] = Id(barriers.Id) },
            formSelector: $"#q{barriers.Id} form", handler: "Delete");
        Assert.Contains("it cannot be deleted", await notDeleted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var deleted = await Staff.PostFormAsync(app.Editor, list, new Dictionary<string, string> { ["question"] = Id(country.Id) },
            formSelector: $"#q{country.Id} form", handler: "Delete");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.False(await app.WithDb(db => db.ConsultationQuestions.AnyAsync(x => x.Id == country.Id)));
        Assert.True(await app.WithDb(db => db.ConsultationQuestions.AnyAsync(x => x.Id == barriers.Id)));
    }

    [Fact]
    public async Task A_section_has_a_title_in_each_language_and_questions_are_shown_under_it()
    {
        var c = await app.AddConsultation("admin-sections");
        var added = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}/questions", new Dictionary<string, string>
        {
            ["SectionTitles[en]"] = "Your priorities", ["SectionTitles[ar]"] = "أولوياتكم",
        }, formSelector: "form[action$='handler=Section']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var section = await app.WithDb(db => db.Set<ConsultationSection>().AsNoTracking().Include(s => s.Texts).SingleAsync(s => s.ConsultationId == c.Id));
        Assert.Equal(["ar", "en"], section.Texts.Select(t => t.Culture).Order());
        var ranking = ConsultationsApp.Q(c, 1);
        var moved = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}/questions/{ranking.Id}",
            new Dictionary<string, string> { ["Input.SectionId"] = Id(section.Id) });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);

        var (_, page) = await app.GetHtml("/ar/consultations/admin-sections");
        Assert.Contains("أولوياتكم", page.QuerySelector("form.answers h3")!.TextContent, StringComparison.Ordinal);
        var missing = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}/questions", new Dictionary<string, string> { ["SectionTitles[ar]"] = "بلا عنوان" },
            formSelector: "form[action$='handler=Section']");
        Assert.Contains("Give the section a title.", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_translated_title_too_long_is_said_next_to_it_and_nothing_is_saved()
    {
        var c = await app.AddConsultation("admin-long-title");
        var response = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}", new Dictionary<string, string>
        {
            ["Input.Translations[ar].Title"] = new string('ع', 301),
        }, formSelector: "form.editor");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Keep the title under 300 characters.", html.QuerySelector("#t-title-ar + .error")?.TextContent.Trim());
        Assert.Equal($"استشارة {c.Slug}", await app.WithDb(db => db.Set<ConsultationTranslation>().Where(t => t.ConsultationId == c.Id && t.Culture == "ar")
            .Select(t => t.Title).SingleAsync()));
    }
}
