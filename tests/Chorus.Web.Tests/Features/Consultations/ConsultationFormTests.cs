using System.Net;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>The answer form: messages next to the questions, typed answers kept, ranking checks, saving for later, withdrawing, closing.</summary>
public sealed class ConsultationFormTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    [Fact]
    public async Task A_required_question_left_empty_gets_a_message_next_to_it_and_every_other_answer_is_kept()
    {
        var c = await app.AddConsultation("required");
        var (region, ranking, barriers, country) = (ConsultationsApp.Q(c, 0), ConsultationsApp.Q(c, 1), ConsultationsApp.Q(c, 2), ConsultationsApp.Q(c, 3));
        var email = $"{ConsultationsApp.Unique("kept")}@kept.test";

        var (response, page) = await app.SubmitAsync(Staff.Client(app), "/en/consultations/required",
        [
            new("Input.AnsweringAs", "individual"), new("Input.Name", "Kept Person"), new("Input.Email", email),
            new(ConsultationsApp.Answer(region, "Other"), "Oceania"),
            new(ConsultationsApp.Answer(ranking, $"Ranks[{ConsultationsApp.Option(ranking, 2)}]"), "1"),
            new(ConsultationsApp.Answer(country, "Text"), "FJ"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        // The long text was required and left empty: its message is inside its fieldset, and only there.
        Assert.Equal("This question needs an answer.", html.QuerySelector($"#q{barriers.Id} .error")!.TextContent.Trim());
        Assert.Equal($"q{barriers.Id}-error", html.QuerySelector($"#q{barriers.Id}")!.GetAttribute("aria-describedby"));
        Assert.Null(html.QuerySelector($"#q{ranking.Id} .error"));
        // Everything typed is still there.
        Assert.Equal("Oceania", html.QuerySelector($"input[name='Input.Answers[{region.Id}].Other']")!.GetAttribute("value"));
        Assert.Equal("1", ((AngleSharp.Html.Dom.IHtmlSelectElement)html.QuerySelector($"select[name='Input.Answers[{ranking.Id}].Ranks[{ConsultationsApp.Option(ranking, 2)}]']")!).Value);
        Assert.Equal("FJ", ((AngleSharp.Html.Dom.IHtmlSelectElement)html.QuerySelector($"select[name='Input.Answers[{country.Id}].Text']")!).Value);
        Assert.Equal(email, html.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("Kept Person", html.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.False(await app.WithDb(db => db.ConsultationResponses.AnyAsync(r => r.Email == email)));
    }

    [Fact]
    public async Task A_rank_given_twice_or_an_unknown_option_gets_a_message_never_an_error_page()
    {
        var c = await app.AddConsultation("ranks");
        var ranking = ConsultationsApp.Q(c, 1);
        var (twice, page) = await app.SubmitAsync(Staff.Client(app), "/en/consultations/ranks",
        [
            new(ConsultationsApp.Answer(ranking, $"Ranks[{ConsultationsApp.Option(ranking, 0)}]"), "1"),
            new(ConsultationsApp.Answer(ranking, $"Ranks[{ConsultationsApp.Option(ranking, 1)}]"), "1"),
            new(ConsultationsApp.Answer(ConsultationsApp.Q(c, 0), "Choice"), "999999"),
            new("Input.Email", "not an address"),
        ]);

        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("Give each rank to one option only.", page, StringComparison.Ordinal);
        Assert.Contains("Choose from the list.", page, StringComparison.Ordinal);
        // A screen reader hears each message with its field: the email's after its hint, the ranking's after how to rank.
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        var email = html.QuerySelector("#Input_Email")!;
        Assert.Equal(("true", "email-help Input_Email-error"), (email.GetAttribute("aria-invalid"), email.GetAttribute("aria-describedby")));
        Assert.Equal("This is not an email address.", html.GetElementById("Input_Email-error")!.TextContent.Trim());
        Assert.Null(html.QuerySelector("#Input_Role")!.GetAttribute("aria-invalid"));
        Assert.Equal($"q{ranking.Id}-how q{ranking.Id}-error", html.QuerySelector($"#q{ranking.Id}")!.GetAttribute("aria-describedby"));
        Assert.StartsWith("Give rank 1 to your first priority", html.GetElementById($"q{ranking.Id}-how")!.TextContent.Trim(), StringComparison.Ordinal);

        var (outOfRange, _) = await app.SubmitAsync(Staff.Client(app), "/en/consultations/ranks",
        [
            new(ConsultationsApp.Answer(ranking, $"Ranks[{ConsultationsApp.Option(ranking, 0)}]"), "3"),
            new(ConsultationsApp.Answer(ranking, "Ranks[abc]"), "x"), new("Input.Answers[abc].Text", "y"),
        ]);
        Assert.Equal(HttpStatusCode.OK, outOfRange.StatusCode);
    }

    [Fact]
    public async Task Words_too_long_for_other_or_a_rank_that_is_not_a_number_get_a_message_next_to_their_question()
    {
        var c = await app.AddConsultation("field-errors");
        var (region, ranking) = (ConsultationsApp.Q(c, 0), ConsultationsApp.Q(c, 1));
        var email = $"{ConsultationsApp.Unique("long")}@kept.test";

        var (response, page) = await app.SubmitAsync(Staff.Client(app), "/en/consultations/field-errors",
        [
            new("Input.AnsweringAs", "individual"), new("Input.Name", "Long Answer"), new("Input.Email", email),
            new(ConsultationsApp.Answer(region, "Choice"), "0"), new(ConsultationsApp.Answer(region, "Other"), new string('a', 1001)),
            new(ConsultationsApp.Answer(ranking, $"Ranks[{ConsultationsApp.Option(ranking, 0)}]"), "first"),
            new(ConsultationsApp.Answer(ConsultationsApp.Q(c, 2), "Text"), "Visas."),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        Assert.Equal("Keep the answer under 1,000 characters.", html.QuerySelector($"#q{region.Id} .error")?.TextContent.Trim());
        Assert.Equal($"q{region.Id}-error", html.QuerySelector($"#q{region.Id}")!.GetAttribute("aria-describedby"));
        Assert.False(string.IsNullOrWhiteSpace(html.QuerySelector($"#q{ranking.Id} .error")?.TextContent));
        Assert.Equal("Visas.", html.QuerySelector($"textarea[name='Input.Answers[{ConsultationsApp.Q(c, 2).Id}].Text']")!.TextContent.Trim());
        Assert.False(await app.WithDb(db => db.ConsultationResponses.AnyAsync(r => r.Email == email)));
    }

    [SkippableFact]
    public async Task Saving_for_later_sends_a_private_link_that_brings_the_answers_back_and_can_withdraw_them()
    {
        var c = await app.AddConsultation("later");
        var barriers = ConsultationsApp.Q(c, 2);
        var email = $"{ConsultationsApp.Unique("later")}@later.test";
        var client = Staff.Client(app);

        var (saved, _) = await app.SubmitAsync(client, "/en/consultations/later",
            [new("Input.Email", email), new(ConsultationsApp.Answer(barriers, "Text"), "Half written")], handler: "Save");

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var link = saved.Headers.Location!.OriginalString.Split('?')[0];
        Assert.Equal(ResponseState.Draft, (await app.WithDb(db => db.ConsultationResponses.SingleAsync(r => r.Email == email))).State);
        var message = await TestMail.ReceivedAsync(email);
        Assert.Contains(link, message.TextBody, StringComparison.Ordinal);
        var (_, back) = await app.GetHtml(link);
        Assert.Equal("Half written", back.QuerySelector($"textarea[name='Input.Answers[{barriers.Id}].Text']")!.TextContent);
        Assert.Equal("noindex", back.QuerySelector("meta[name=robots]")?.GetAttribute("content")?.Split(',')[0]);

        var withdrawn = await Staff.PostFormAsync(client, link, new Dictionary<string, string>(), formSelector: "form[action$='handler=Withdraw']");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var after = await app.WithDb(db => db.ConsultationResponses.SingleAsync(r => r.ConsultationId == c.Id));
        Assert.Equal((ResponseState.Withdrawn, null), (after.State, after.Email));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_honeypot_keeps_nothing_and_a_form_sent_too_fast_is_refused()
    {
        var c = await app.AddConsultation("robots");
        var email = $"{ConsultationsApp.Unique("robot")}@robot.test";
        var (trapped, _) = await app.SubmitAsync(Staff.Client(app), "/en/consultations/robots",
            [new("Input.Email", email), new("Input.Name", "Robot"), new("Input.Extra", "http://spam.test"), new(ConsultationsApp.Answer(ConsultationsApp.Q(c, 2), "Text"), "x")]);
        Assert.Equal("/en/consultations/robots?sent=1#done", trapped.Headers.Location!.OriginalString);
        Assert.False(await app.WithDb(db => db.ConsultationResponses.AnyAsync(r => r.Email == email)));

        // Sent back a moment after it was shown (no time passes on the test clock): refused with a message.
        var client = Staff.Client(app);
        var page = await client.GetStringAsync(new Uri("/en/consultations/robots", UriKind.Relative));
        var started = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page).QuerySelector("input[name='Input.Started']")!.GetAttribute("value")!;
        var fast = await Staff.PostFormAsync(client, "/en/consultations/robots", new Dictionary<string, string>
        {
            ["Input.Started"] = started, ["Input.Email"] = email, ["Input.AnsweringAs"] = "individual", ["Input.Name"] = "Fast",
            [ConsultationsApp.Answer(ConsultationsApp.Q(c, 0), "Choice")] = ConsultationsApp.Option(ConsultationsApp.Q(c, 0), 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ConsultationsApp.Answer(ConsultationsApp.Q(c, 2), "Text")] = "x",
        }, formSelector: "form.answers");
        Assert.Equal(HttpStatusCode.OK, fast.StatusCode);
        Assert.Contains("That was very quick.", await fast.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.ConsultationResponses.AnyAsync(r => r.Email == email)));
    }

    [Fact]
    public async Task Closing_evicts_the_cached_list_at_the_instant_and_the_form_becomes_a_notice()
    {
        var closes = app.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        await app.AddConsultation("closing", x => x.ClosesAt = closes);
        var anonymous = app.CreatePlainClient();
        string State(string page) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page)
            .QuerySelectorAll("ul.cards li").Single(li => li.TextContent.Contains("Consultation closing", StringComparison.Ordinal)).QuerySelector(".state")!.TextContent;

        var before = await anonymous.GetAsync(new Uri("/en/consultations", UriKind.Relative));
        Assert.Equal("Open", State(await before.Content.ReadAsStringAsync()));
        var cached = await anonymous.GetAsync(new Uri("/en/consultations", UriKind.Relative));
        Assert.Equal("Open", State(await cached.Content.ReadAsStringAsync()));

        app.Clock.SetUtcNow(closes.AddSeconds(1));

        var after = await anonymous.GetStringAsync(new Uri("/en/consultations", UriKind.Relative));
        Assert.Equal("Closed", State(after));
        var (_, form) = await app.GetHtml("/en/consultations/closing");
        Assert.Null(form.QuerySelector("form.answers"));
        Assert.Contains("This consultation has closed", form.QuerySelector("#answer")!.TextContent, StringComparison.Ordinal);
    }
}
