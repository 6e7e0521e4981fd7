using System.Globalization;
using Chorus.Web.Features.Consultations;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>The demo's 2021 consultation: its answers in several languages, its published results equal to a count made by hand from the rows.</summary>
public sealed class DemoConsultationTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    [Fact]
    public async Task The_2021_consultation_has_its_answers_and_its_published_results_equal_a_hand_count()
    {
        var (c, responses) = await app.WithDb(async db =>
        {
            var c = await db.Consultations.AsNoTracking().Include(x => x.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Texts)
                .Include(x => x.Questions).ThenInclude(q => q.Texts).AsSplitQuery().SingleAsync(x => x.Slug == DemoConsultations.Slug);
            var responses = await db.ConsultationResponses.AsNoTracking().Include(r => r.Answers).Where(r => r.ConsultationId == c.Id).ToListAsync();
            return (c, responses);
        });
        Assert.True(responses.Count(r => r.State == ResponseState.Confirmed) >= 150);
        Assert.Superset(new HashSet<string> { "en", "fr", "es", "ar" }, responses.Select(r => r.Culture).ToHashSet());
        Assert.Equal(8, c.Questions.Count);
        Assert.All(responses, r => Assert.Null(r.Email));

        var (_, page) = await app.GetHtml($"/en/consultations/{DemoConsultations.Slug}/results");
        foreach (var q in c.Questions.Where(q => q.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice))
        {
            var table = page.QuerySelectorAll($"section[aria-labelledby='r{q.Id}'] tbody tr")
                .ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelectorAll("td")[0].TextContent.Trim());
            var confirmed = responses.Where(r => r.State == ResponseState.Confirmed).ToList();
            foreach (var o in q.Options)
            {
                var byHand = confirmed.Count(r => r.Answers.Any(a => a.QuestionId == q.Id && a.OptionId == o.Id));
                Assert.Equal(byHand.ToString("N0", CultureInfo.GetCultureInfo("en")), table[o.Texts.Single(t => t.Culture == "en").Text]);
            }
            var answered = confirmed.Count(r => r.Answers.Any(a => a.QuestionId == q.Id));
            Assert.Contains($"{answered.ToString("N0", CultureInfo.GetCultureInfo("en"))} answered this question.",
                page.QuerySelector($"section[aria-labelledby='r{q.Id}']")!.TextContent, StringComparison.Ordinal);
        }
        var (_, dialogue) = await app.GetHtml("/en/events/member-states-dialogue-2021");
        Assert.NotNull(dialogue.QuerySelector($"aside.consultation-links a[href='/en/consultations/{DemoConsultations.Slug}']"));
    }
}
