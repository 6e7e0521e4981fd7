using System.Net;
using System.Text.Json;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>The secretariat's side: the filtered table, highlights and themes, the exports, the synthesis draft.</summary>
public sealed class ConsultationReviewTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    private async Task<(Consultation C, Question Region)> SeedAsync(string slug)
    {
        var c = await app.AddConsultation(slug);
        var region = ConsultationsApp.Q(c, 0);
        var barriers = ConsultationsApp.Q(c, 2);
        await app.WithDb(async db =>
        {
            db.ConsultationResponses.AddRange(
                new Response
                {
                    ConsultationId = c.Id, Name = "Pacific Voices", Country = "FJ", Culture = "en", State = ResponseState.Confirmed, Email = "pv@pacific.test",
                    RespondentName = "Mere Tui", AttributionConsent = true,
                    Answers = [new Answer { QuestionId = region.Id, IsOther = true, Text = "Oceania, =HYPERLINK(\"http://evil.test\")" },
                        new Answer { QuestionId = barriers.Id, Text = "Distance and cost of travel." }],
                },
                new Response
                {
                    ConsultationId = c.Id, Name = "Sahel Network", Country = "ML", Culture = "fr", State = ResponseState.Confirmed, Email = "sn@sahel.test",
                    Answers = [new Answer { QuestionId = region.Id, OptionId = ConsultationsApp.Option(region, 0) },
                        new Answer { QuestionId = barriers.Id, Text = "=1+1 les visas" }],
                },
                new Response
                {
                    ConsultationId = c.Id, Name = "Unconfirmed Org", Country = "FR", State = ResponseState.Unconfirmed, Email = "u@u.test",
                    Answers = [new Answer { QuestionId = region.Id, OptionId = ConsultationsApp.Option(region, 1) }],
                });
            await db.SaveChangesAsync();
        });
        return (c, region);
    }

    [Fact]
    public async Task The_other_text_survives_into_csv_xlsx_and_json_beside_the_choice_formulas_neutralised_and_audited()
    {
        var (c, _) = await SeedAsync("export");

        var csv = await app.Editor.GetAsync(new Uri($"/admin/consultations/{c.Id}/responses?handler=Export&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Q1. Which region do you work in?,Q1. Which region do you work in? (other)", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("Other,\"Oceania, =HYPERLINK(\"\"http://evil.test\"\")\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Africa,", StringComparison.Ordinal) && l.Contains("'=1+1 les visas", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Unconfirmed Org", StringComparison.Ordinal));

        var xlsx = await app.Editor.GetAsync(new Uri($"/admin/consultations/{c.Id}/responses?handler=Export&format=xlsx&optionLanguage=ar", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(2, rows.Count);
        var pacific = rows.Single(r => (string)r["name"] == "Pacific Voices");
        Assert.Equal("Other", pacific["Q1. في أي منطقة تعملون؟"]);
        Assert.Equal("Oceania, =HYPERLINK(\"http://evil.test\")", pacific["Q1. في أي منطقة تعملون؟ (other)"]);
        var sahel = rows.Single(r => (string)r["name"] == "Sahel Network");
        Assert.Equal("أفريقيا", sahel["Q1. في أي منطقة تعملون؟"]);
        Assert.Equal("'=1+1 les visas", sahel["Q3. ما الذي يمنع مشاركتكم؟"]);

        var json = await app.Editor.GetAsync(new Uri($"/admin/consultations/{c.Id}/responses?handler=Export&format=json&country=FJ", UriKind.Relative));
        var only = Assert.Single(JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement.EnumerateArray());
        Assert.Equal("Oceania, =HYPERLINK(\"http://evil.test\")", only.GetProperty("Q1. Which region do you work in? (other)").GetString());

        var key = c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audited = await app.WithDb(db => db.AuditLog.Where(e => e.Action == "exported" && e.Entity == "Response" && e.EntityId == key).CountAsync());
        Assert.Equal(3, audited);
        // Not for anyone else.
        var stranger = await Staff.Client(app).GetAsync(new Uri($"/admin/consultations/{c.Id}/responses?handler=Export&format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Contains("/account/login", stranger.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_filters_by_region_and_language_and_a_highlight_with_themes_reaches_the_synthesis_draft_anonymised_without_consent()
    {
        var (c, _) = await SeedAsync("review");

        var (_, africa) = await app.Editor.GetAsync(new Uri($"/admin/consultations/{c.Id}/responses?region=002", UriKind.Relative)) is var r
            ? (r, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await r.Content.ReadAsStringAsync())) : default;
        Assert.Equal(["Sahel Network"], africa.QuerySelectorAll("table.responses tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()));
        var french = await app.Editor.GetStringAsync(new Uri($"/admin/consultations/{c.Id}/responses?language=fr", UriKind.Relative));
        Assert.Contains("Sahel Network", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Pacific Voices", french, StringComparison.Ordinal);

        var ids = await app.WithDb(db => db.ConsultationResponses.Where(x => x.ConsultationId == c.Id && x.State == ResponseState.Confirmed).OrderBy(x => x.Name)
            .Select(x => x.Id).ToListAsync());
        foreach (var id in ids)
        {
            var marked = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}/responses", new Dictionary<string, string>
            {
                ["highlight"] = "true", ["themes"] = "Visas, Travel costs",
            }, formSelector: $"#r{id} form");
            Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        }
        var saved = await app.WithDb(db => db.ConsultationResponses.AsNoTracking().SingleAsync(x => x.Id == ids[0]));
        Assert.True(saved.Highlight);
        Assert.Equal(["Visas", "Travel costs"], saved.Themes);

        var synthesis = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await app.Editor.GetStringAsync(new Uri($"/admin/consultations/{c.Id}/synthesis", UriKind.Relative)));
        var breakdown = synthesis.QuerySelector("table.breakdown")!.QuerySelectorAll("tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());
        // Columns: Africa, Americas, Asia, Europe, Oceania, international, then members.
        Assert.Equal(["1", "0", "0", "0", "0", "0", "0"], breakdown["Africa"]);
        Assert.Equal(["0", "0", "0", "0", "1", "0", "0"], breakdown["Other"]);

        // Respondents were not told their words may be published: the draft has the figures and no quote.
        async Task<Chorus.Web.Features.Content.Post> DraftAsync()
        {
            var draft = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}/synthesis", new Dictionary<string, string>(), formSelector: "form[action$='handler=Draft']");
            Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
            return await app.WithDb(db => db.Posts.AsNoTracking().OrderByDescending(p => p.Id).FirstAsync());
        }
        var unquoted = await DraftAsync();
        Assert.Contains("| Africa | 1 | 50 |", unquoted.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Distance and cost of travel.", unquoted.BodyMarkdown, StringComparison.Ordinal);

        await app.WithDb(async db =>
        {
            (await db.Consultations.SingleAsync(x => x.Id == c.Id)).AnswersPublishable = true;
            await db.SaveChangesAsync();
        });
        var post = await DraftAsync();
        Assert.Equal(Chorus.Web.Features.Content.PostStatus.Draft, post.Status);
        Assert.Contains("| Africa | 1 | 50 |", post.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("Distance and cost of travel.", post.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("— Pacific Voices", post.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Sahel Network", post.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Mere Tui", post.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@", post.BodyMarkdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_set_aside_is_no_longer_counted_in_the_published_results_and_can_be_counted_again()
    {
        var (c, region) = await SeedAsync("aside");
        await app.WithDb(async db =>
        {
            (await db.Consultations.SingleAsync(x => x.Id == c.Id)).ResultsPublished = true;
            await db.SaveChangesAsync();
        });
        var sahel = await app.WithDb(db => db.ConsultationResponses.Where(r => r.ConsultationId == c.Id && r.Name == "Sahel Network").Select(r => r.Id).SingleAsync());
        async Task<string> Africa()
        {
            var (_, page) = await app.GetHtml("/en/consultations/aside/results");
            return page.QuerySelectorAll($"section[aria-labelledby='r{region.Id}'] tbody tr")
                .Single(tr => tr.QuerySelector("th")!.TextContent.Trim() == "Africa").QuerySelectorAll("td")[0].TextContent.Trim();
        }
        Assert.Equal("1", await Africa());

        var aside = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}/responses", new Dictionary<string, string>(), formSelector: $"#r{sahel} form.set-aside");
        Assert.Equal(HttpStatusCode.Redirect, aside.StatusCode);
        Assert.Equal(ResponseState.SetAside, (await app.WithDb(db => db.ConsultationResponses.SingleAsync(r => r.Id == sahel))).State);
        Assert.Equal("0", await Africa());

        var back = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}/responses?state=SetAside", new Dictionary<string, string>(), formSelector: $"#r{sahel} form.set-aside");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.Equal("1", await Africa());
    }
}
