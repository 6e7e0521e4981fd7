using System.Net;
using System.Text.RegularExpressions;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>The whole loop through HTTP: the secretariat sets a consultation up, someone answers in Arabic with no script, confirms by email, the results are published.</summary>
public sealed partial class ConsultationFlowTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    [GeneratedRegex(@"https?://\S+/confirm/\S+")]
    private static partial Regex ConfirmLink();

    [SkippableFact]
    public async Task An_editor_sets_it_up_an_organisation_answers_in_arabic_and_the_published_results_equal_a_hand_count()
    {
        // The secretariat creates the consultation and its questions through the admin pages, English and Arabic.
        var created = await Staff.PostFormAsync(app.Editor, "/admin/consultations/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Open global consultation", ["Input.Slug"] = "flow", ["Input.Introduction"] = "Tell us what matters.",
            ["Input.Translations[ar].Title"] = "استشارة عالمية مفتوحة", ["Input.Translations[ar].Introduction"] = "أخبرونا بما يهم.",
            ["Input.Respondents"] = "Both",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDb(db => db.Consultations.Where(c => c.Slug == "flow").Select(c => c.Id).SingleAsync());
        var first = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{id}/questions/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "LongText", ["Input.Required"] = "true",
            ["Input.Texts[en].Text"] = "What prevents your participation?", ["Input.Texts[ar].Text"] = "ما الذي يمنع مشاركتكم؟",
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{id}/questions/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "SingleChoice", ["Input.Required"] = "true", ["Input.AllowOther"] = "true",
            ["Input.Texts[en].Text"] = "Which region do you work in?", ["Input.Texts[en].Options"] = "Africa\nAsia",
            ["Input.Texts[ar].Text"] = "في أي منطقة تعملون؟", ["Input.Texts[ar].Options"] = "أفريقيا\nآسيا",
        });
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        // The region question goes first: moved up with a button.
        var regionId = await app.WithDb(db => db.ConsultationQuestions.Where(q => q.ConsultationId == id && q.Kind == QuestionKind.SingleChoice).Select(q => q.Id).SingleAsync());
        var moved = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{id}/questions", new Dictionary<string, string>
        {
            ["question"] = regionId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["direction"] = "up",
        }, formSelector: $"#q{regionId} form", handler: "Move");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var c = await app.Load("flow");
        var region = c.Questions.OrderBy(q => q.Position).First();
        var barriers = c.Questions.OrderBy(q => q.Position).Last();
        Assert.Equal(QuestionKind.SingleChoice, region.Kind);

        // A member organisation answers from the Arabic page, with no script: the form works as plain HTML.
        await app.AddOrganisation("Nile Migrant Network", "EG", Membership.Member, "https://nile-mn.test/", "nile-mn.test");
        var email = $"{ConsultationsApp.Unique("amal")}@nile-mn.test";
        var client = Staff.Client(app);
        var (_, arabic) = await app.GetHtml("/ar/consultations/flow");
        Assert.Equal("rtl", arabic.DocumentElement.GetAttribute("dir"));
        Assert.Contains("في أي منطقة تعملون؟", arabic.QuerySelector($"#q{region.Id} legend")!.TextContent, StringComparison.Ordinal);
        var (sent, _) = await app.SubmitAsync(client, "/ar/consultations/flow",
        [
            new("Input.Organisation", "Nile Migrant Network"), new("Input.Name", "Amal Hassan"), new("Input.Role", "Coordinator"), new("Input.Email", email),
            new(ConsultationsApp.Answer(region, "Choice"), "0"), new(ConsultationsApp.Answer(region, "Other"), "Middle East and North Africa"),
            new(ConsultationsApp.Answer(barriers, "Text"), "Visas are refused to our delegates."),
        ]);
        Assert.Equal("/ar/consultations/flow?sent=1#done", sent.Headers.Location!.OriginalString);
        Assert.Equal(ResponseState.Unconfirmed, (await app.WithDb(db => db.ConsultationResponses.SingleAsync(r => r.Email == email))).State);

        // The confirmation email, in Arabic, read at the SMTP server; its link confirms.
        var message = await TestMail.ReceivedAsync(email);
        TestMail.AssertWrittenIn(message, "ar");
        var confirm = new Uri(ConfirmLink().Match(message.TextBody!).Value).PathAndQuery;
        var confirmed = await Staff.PostFormAsync(client, confirm, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var response = await app.WithDb(db => db.ConsultationResponses.Include(r => r.Answers).SingleAsync(r => r.Email == email));
        Assert.Equal((ResponseState.Confirmed, Badge.Member, "ar"), (response.State, response.Badge, response.Culture));
        Assert.Contains(response.Answers, a => a.IsOther && a.Text == "Middle East and North Africa");

        // Results are not public until published.
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreatePlainClient().GetAsync(new Uri("/en/consultations/flow/results", UriKind.Relative))).StatusCode);

        // More confirmed answers, and some that must not count (unconfirmed, withdrawn, drafts).
        var africa = ConsultationsApp.Option(region, 0);
        var asia = ConsultationsApp.Option(region, 1);
        var picks = new[] { africa, africa, asia, africa, asia, africa, 0 };
        await app.WithDb(async db =>
        {
            foreach (var (pick, i) in picks.Select((p, i) => (p, i)))
            {
                db.ConsultationResponses.Add(new Response
                {
                    ConsultationId = id, Name = $"Seeded {i}", Country = i % 2 == 0 ? "KE" : "IN", State = ResponseState.Confirmed, Email = $"seed{i}@x.test",
                    Answers = [pick == 0 ? new Answer { QuestionId = region.Id, IsOther = true, Text = "Everywhere" } : new Answer { QuestionId = region.Id, OptionId = pick }],
                });
            }
            foreach (var state in new[] { ResponseState.Unconfirmed, ResponseState.Withdrawn, ResponseState.Draft })
            {
                db.ConsultationResponses.Add(new Response
                {
                    ConsultationId = id, Name = "Not counted", State = state, Answers = [new Answer { QuestionId = region.Id, OptionId = asia }],
                });
            }
            await db.SaveChangesAsync();
        });

        // The editor publishes the results.
        var published = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{id}", new Dictionary<string, string> { ["Input.ResultsPublished"] = "true" },
            formSelector: "form.editor");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var (_, results) = await app.GetHtml("/en/consultations/flow/results");
        var rows = results.QuerySelectorAll($"section[aria-labelledby='r{region.Id}'] tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelectorAll("td")[0].TextContent.Trim());
        // By hand: Africa 4, Asia 2, Other 1 of the seeded, plus the Arabic answer's "Other".
        Assert.Equal("4", rows["Africa"]);
        Assert.Equal("2", rows["Asia"]);
        Assert.Equal("2", rows["Other"]);
        Assert.Contains("8 answered this question.", results.QuerySelector($"section[aria-labelledby='r{region.Id}']")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(results.QuerySelector($"section[aria-labelledby='r{region.Id}'] svg[role=img] title"));

        // Nothing private reaches a public page: not the email, not the respondent's name, not the organisation (no consent).
        foreach (var url in new[] { "/en/consultations", "/en/consultations/flow", "/en/consultations/flow/results", "/ar/consultations/flow/results" })
        {
            var text = await app.CreatePlainClient().GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.DoesNotContain(email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Amal Hassan", text, StringComparison.Ordinal);
            Assert.DoesNotContain("seed0@x.test", text, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task Published_quotes_are_the_highlighted_ones_anonymous_unless_the_respondent_allowed_attribution()
    {
        var c = await app.AddConsultation("quotes", x => (x.AnswersPublishable, x.ResultsPublished) = (true, true));
        var barriers = ConsultationsApp.Q(c, 2);
        var region = ConsultationsApp.Q(c, 0);
        await app.WithDb(async db =>
        {
            foreach (var (name, consent, highlight) in new[] { ("Named Org", true, true), ("Hidden Org", false, true), ("Unhighlighted Org", true, false) })
            {
                db.ConsultationResponses.Add(new Response
                {
                    ConsultationId = c.Id, Name = name, AttributionConsent = consent, State = ResponseState.Confirmed, Email = $"{name.Replace(' ', '.')}@q.test",
                    Highlight = highlight,
                    RespondentName = $"Person of {name}",
                    Answers = [new Answer { QuestionId = barriers.Id, Text = $"Quote from {name}" }, new Answer { QuestionId = region.Id, OptionId = ConsultationsApp.Option(region, 0) }],
                });
            }
            await db.SaveChangesAsync();
        });

        var page = await app.CreatePlainClient().GetStringAsync(new Uri("/en/consultations/quotes/results", UriKind.Relative));

        var attributions = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelectorAll("ul.quotes p.meta").Select(p => p.TextContent.Trim()).ToList();
        Assert.Contains("Quote from Named Org", page, StringComparison.Ordinal);
        Assert.Contains("— Named Org", attributions);
        Assert.Contains("Quote from Hidden Org", page, StringComparison.Ordinal);
        Assert.Contains("— Anonymous", attributions);
        Assert.DoesNotContain("Hidden Org", string.Join("\n", attributions), StringComparison.Ordinal);
        Assert.DoesNotContain("Person of", page, StringComparison.Ordinal);
        // Only the answers the secretariat highlighted are published.
        Assert.DoesNotContain("Quote from Unhighlighted Org", page, StringComparison.Ordinal);
        Assert.DoesNotContain("@q.test", page, StringComparison.Ordinal);
    }
}
