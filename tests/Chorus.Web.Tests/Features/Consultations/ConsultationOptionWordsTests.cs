using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>Answers point at an option: once there are answers, an option's words change only as a correction, and never its place.</summary>
public sealed class ConsultationOptionWordsTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    [Fact]
    public async Task An_option_with_answers_keeps_its_place_and_is_reworded_only_as_a_correction_with_its_earlier_words_kept()
    {
        var c = await app.AddConsultation("option-words");
        var region = ConsultationsApp.Q(c, 0);
        var africa = ConsultationsApp.Option(region, 0);
        await app.WithDb(async db =>
        {
            db.ConsultationResponses.Add(new Response
            {
                ConsultationId = c.Id, Name = "Answered Org", State = ResponseState.Confirmed, Answers = [new Answer { QuestionId = region.Id, OptionId = africa }],
            });
            await db.SaveChangesAsync();
        });
        var url = $"/admin/consultations/{c.Id}/questions/{region.Id}";
        async Task<string> Options() => string.Join('|', await app.WithDb(db => db.Set<QuestionOption>().Where(o => o.QuestionId == region.Id)
            .OrderBy(o => o.Position).Select(o => o.Texts.Single(t => t.Culture == "en").Text).ToListAsync()));

        // Swapped, the Africa answer would read "Asia"; a line inserted before it, the same: refused even as a correction.
        foreach (var lines in new[] { "Asia\nAfrica", "Europe\nAfrica\nAsia" })
        {
            var moved = await Staff.PostFormAsync(app.Editor, url, new Dictionary<string, string>
            {
                ["Input.Texts[en].Options"] = lines, ["Input.Texts[ar].Options"] = "", ["Input.Correction"] = "true",
            });
            Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
            Assert.Contains("keep its options in their order and add new ones at the end", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Reworded without saying it is a correction: refused.
        var reworded = await Staff.PostFormAsync(app.Editor, url, new Dictionary<string, string> { ["Input.Texts[en].Options"] = "Sub-Saharan Africa\nAsia" });
        Assert.Contains("a change of words must be a correction", await reworded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Africa|Asia", await Options());

        // As a correction, with a new option at the end: saved, the answer still on the first option, its earlier words kept.
        var corrected = await Staff.PostFormAsync(app.Editor, url, new Dictionary<string, string>
        {
            ["Input.Texts[en].Options"] = "Sub-Saharan Africa\nAsia\nEurope", ["Input.Texts[ar].Options"] = "أفريقيا جنوب الصحراء\nآسيا\nأوروبا",
            ["Input.Correction"] = "true", ["Input.Note"] = "More precise",
        });
        Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        Assert.Equal("Sub-Saharan Africa|Asia|Europe", await Options());
        Assert.Equal(africa, await app.WithDb(db => db.ConsultationAnswers.Where(a => a.QuestionId == region.Id).Select(a => a.OptionId).SingleAsync()));
        var history = await app.WithDb(db => db.Set<QuestionRevision>().Where(r => r.QuestionId == region.Id).OrderBy(r => r.Culture).ToListAsync());
        Assert.Equal([("ar", "أفريقيا", "Option 1: More precise"), ("en", "Africa", "Option 1: More precise")], history.Select(r => (r.Culture, r.Text, r.Note)));
        var page = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Contains("Africa", page.QuerySelector("section[aria-labelledby=history]")!.TextContent, StringComparison.Ordinal);
    }
}
