using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>What the private link lets a respondent do to answers already sent, set aside or confirmed, and what it does not.</summary>
public sealed class ConsultationPrivateLinkTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    private static KeyValuePair<string, string> Region(Consultation c, int position) =>
        new(ConsultationsApp.Answer(ConsultationsApp.Q(c, 0), "Choice"), ConsultationsApp.Option(ConsultationsApp.Q(c, 0), position).ToString(CultureInfo.InvariantCulture));

    private static List<KeyValuePair<string, string>> Fields(Consultation c, string organisation, string email, string view = "Our view") =>
    [
        new("Input.Organisation", organisation), new("Input.Country", "KE"), new("Input.Type", "Ngo"), new("Input.Name", "Wanjiru"), new("Input.Email", email),
        Region(c, 0), new(ConsultationsApp.Answer(ConsultationsApp.Q(c, 2), "Text"), view),
    ];

    private Task<Response> ResponseOf(int consultationId) =>
        app.WithDb(db => db.ConsultationResponses.AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.ConsultationId == consultationId));

    [SkippableFact]
    public async Task Saving_sent_answers_as_a_draft_voids_the_emailed_confirmation_so_a_changed_address_cannot_borrow_a_member_badge()
    {
        await app.AddOrganisation("Nairobi Migrant Alliance", "KE", Membership.Member, "https://nma.test/", "nma.test");
        var c = await app.AddConsultation("borrowed-badge");
        var attacker = $"{ConsultationsApp.Unique("mallory")}@evil.test";
        var client = Staff.Client(app);

        // Sent under the member's name from an address of someone else's: the confirmation goes to that address.
        var (sent, _) = await app.SubmitAsync(client, $"/en/consultations/{c.Slug}", Fields(c, "Nairobi Migrant Alliance", attacker));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var message = await TestMail.ReceivedAsync(attacker);
        var confirm = ConsultationsApp.Link(message, "Your answers count once you confirm");
        var manage = ConsultationsApp.Link(message, "To change or withdraw");

        // Through the private link, the address becomes one of the member's domain and the answers are saved, not sent.
        var (saved, _) = await app.SubmitAsync(client, manage, Fields(c, "Nairobi Migrant Alliance", "someone@nma.test"), handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        // The link emailed before no longer confirms anything: nothing counts, no badge is given.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(confirm, UriKind.Relative))).StatusCode);
        var r = await ResponseOf(c.Id);
        Assert.Equal((ResponseState.Draft, null, null), (r.State, r.ConfirmTokenHash, r.ConfirmedAt));
        Assert.NotEqual(Badge.Member, r.Badge);
    }

    [SkippableFact]
    public async Task Confirmed_answers_offer_no_draft_and_a_draft_sent_by_hand_changes_nothing()
    {
        var c = await app.AddConsultation("confirmed-no-draft");
        var email = $"{ConsultationsApp.Unique("amina")}@example.org";
        var client = Staff.Client(app);
        await app.SubmitAsync(client, $"/en/consultations/{c.Slug}", Fields(c, "Mombasa Rights Network", email, "Counted view"));
        var message = await TestMail.ReceivedAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(client, ConsultationsApp.Link(message, "Your answers count once you confirm"), new Dictionary<string, string>())).StatusCode);
        var manage = ConsultationsApp.Link(message, "To change or withdraw");

        var form = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(manage, UriKind.Relative)));
        Assert.Equal(["Send my answers"], form.QuerySelectorAll("#answer form.answers button").Select(b => b.TextContent.Trim()));

        // Sent as "Save" anyway (an old page, a crafted request): refused, with a message; still confirmed, answers as they were.
        var (refused, page) = await app.SubmitAsync(client, manage, Fields(c, "Mombasa Rights Network", "other@example.org", "Draft view"), handler: "Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("These answers are already sent: to change them, send them again.", page, StringComparison.Ordinal);
        var r = await ResponseOf(c.Id);
        Assert.Equal((ResponseState.Confirmed, email), (r.State, r.Email));
        Assert.Contains(r.Answers, a => a.Text == "Counted view");
    }

    [SkippableFact]
    public async Task Answers_the_secretariat_set_aside_cannot_be_sent_again_through_the_private_link_but_can_be_withdrawn()
    {
        var c = await app.AddConsultation("set-aside-link");
        var email = $"{ConsultationsApp.Unique("spam")}@example.org";
        var client = Staff.Client(app);
        await app.SubmitAsync(client, $"/en/consultations/{c.Slug}", Fields(c, "Bulk Offers Ltd", email));
        var message = await TestMail.ReceivedAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(client, ConsultationsApp.Link(message, "Your answers count once you confirm"), new Dictionary<string, string>())).StatusCode);
        var manage = ConsultationsApp.Link(message, "To change or withdraw");
        var id = (await ResponseOf(c.Id)).Id;
        var aside = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}/responses", new Dictionary<string, string>(), formSelector: $"#r{id} form.set-aside");
        Assert.Equal(HttpStatusCode.Redirect, aside.StatusCode);
        Assert.Equal(ResponseState.SetAside, (await ResponseOf(c.Id)).State);

        // The page says so and offers no answer form; a request sent anyway is refused and no new confirmation is emailed.
        var html = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(manage, UriKind.Relative)));
        Assert.Null(html.QuerySelector("#answer form.answers"));
        Assert.Contains("The secretariat has set these answers aside", html.QuerySelector("#answer .notice")!.TextContent, StringComparison.Ordinal);
        var token = html.QuerySelector("#answer form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var resent = await client.PostAsync(new Uri(manage, UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), .. Fields(c, "Bulk Offers Ltd", email, "Count me again")]));
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        var r = await ResponseOf(c.Id);
        Assert.Equal((ResponseState.SetAside, null), (r.State, r.ConfirmTokenHash));
        Assert.DoesNotContain(r.Answers, a => a.Text == "Count me again");
        Assert.Equal(1, await app.WithDb(db => db.Outbox.CountAsync(m => m.To == email)));

        var withdrawn = await Staff.PostFormAsync(client, manage, new Dictionary<string, string>(), formSelector: "form[action$='handler=Withdraw']");
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(ResponseState.Withdrawn, (await ResponseOf(c.Id)).State);
    }

    [SkippableFact]
    public async Task A_single_choice_with_words_left_in_other_counts_the_option_picked_once_and_shows_it_picked_again()
    {
        var c = await app.AddConsultation("single-other");
        var region = ConsultationsApp.Q(c, 0);
        var email = $"{ConsultationsApp.Unique("asha")}@example.org";
        var client = Staff.Client(app);

        // JavaScript off: words typed under "Other", then "Asia" picked after all.
        var (sent, _) = await app.SubmitAsync(client, $"/en/consultations/{c.Slug}",
            [.. Fields(c, "Kampala Voices", email).Where(f => !f.Key.EndsWith(".Choice", StringComparison.Ordinal)), Region(c, 1),
                new(ConsultationsApp.Answer(region, "Other"), "Pacific")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var answers = (await ResponseOf(c.Id)).Answers.Where(a => a.QuestionId == region.Id).ToList();
        Assert.Equal([(ConsultationsApp.Option(region, 1), false)], answers.Select(a => ((int)a.OptionId!, a.IsOther)));
        var manage = ConsultationsApp.Link(await TestMail.ReceivedAsync(email), "To change or withdraw");
        var form = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(manage, UriKind.Relative)));
        var picked = form.QuerySelector($"input[name='{ConsultationsApp.Answer(region, "Choice")}'][checked]")!;
        Assert.Equal(ConsultationsApp.Option(region, 1).ToString(CultureInfo.InvariantCulture), picked.GetAttribute("value"));
    }

    /// <summary>The answer form of <paramref name="url"/> as loaded now: its action and its hidden values.</summary>
    private static async Task<(string Action, List<KeyValuePair<string, string>> Hidden)> OpenAsync(HttpClient client, string url)
    {
        var form = ConsultationsApp.AnswerForm(await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri(url, UriKind.Relative))));
        return (form.GetAttribute("action")!, ConsultationsApp.Hidden(form));
    }

    private async Task<(string Email, string Manage, HttpClient Client)> ConfirmedAsync(Consultation c, string who)
    {
        var email = $"{ConsultationsApp.Unique(who)}@example.org";
        var client = Staff.Client(app);
        await app.SubmitAsync(client, $"/en/consultations/{c.Slug}", Fields(c, "Two Tabs Collective", email, "First view"));
        var message = await TestMail.ReceivedAsync(email);
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(client, ConsultationsApp.Link(message, "Your answers count once you confirm"), new Dictionary<string, string>())).StatusCode);
        return (email, ConsultationsApp.Link(message, "To change or withdraw"), client);
    }

    private async Task<List<string?>> ViewsAsync(Consultation c) => (await ResponseOf(c.Id)).Answers
        .Where(a => a.QuestionId == ConsultationsApp.Q(c, 2).Id).Select(a => a.Text).ToList();

    [SkippableFact]
    public async Task A_change_made_in_another_tab_meanwhile_is_not_overwritten_unseen()
    {
        var c = await app.AddConsultation("two-tabs");
        var (email, manage, client) = await ConfirmedAsync(c, "tabs");
        var one = await OpenAsync(client, manage);
        var two = await OpenAsync(client, manage);
        app.Clock.Advance(TimeSpan.FromSeconds(10));

        var first = await client.PostAsync(new Uri(one.Action, UriKind.Relative), new FormUrlEncodedContent([.. one.Hidden, .. Fields(c, "Two Tabs Collective", email, "View from tab one")]));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await client.PostAsync(new Uri(two.Action, UriKind.Relative), new FormUrlEncodedContent([.. two.Hidden, .. Fields(c, "Two Tabs Collective", email, "View from tab two")]));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await second.Content.ReadAsStringAsync());
        Assert.Contains("These answers were changed elsewhere after you opened this page", page.QuerySelector("#answer .errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("View from tab two", page.QuerySelector($"textarea[name='{ConsultationsApp.Answer(ConsultationsApp.Q(c, 2), "Text")}']")!.TextContent.Trim());
        Assert.Equal(["View from tab one"], await ViewsAsync(c));

        // Sent again from the page that said so, knowingly (after reading it): it goes through.
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        var again = await client.PostAsync(new Uri(two.Action, UriKind.Relative), new FormUrlEncodedContent(
            [.. ConsultationsApp.Hidden(ConsultationsApp.AnswerForm(page)), .. Fields(c, "Two Tabs Collective", email, "View from tab two")]));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(["View from tab two"], await ViewsAsync(c));
    }

    [SkippableFact]
    public async Task Send_pressed_several_times_at_once_keeps_one_set_of_answers_and_never_shows_an_error_page()
    {
        var c = await app.AddConsultation("double-press");
        var (email, manage, client) = await ConfirmedAsync(c, "press");
        var form = await OpenAsync(client, manage);
        app.Clock.Advance(TimeSpan.FromSeconds(10));

        var presses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync(new Uri(form.Action, UriKind.Relative),
            new FormUrlEncodedContent([.. form.Hidden, .. Fields(c, "Two Tabs Collective", email, "Pressed view")]))));

        Assert.All(presses, p => Assert.True(p.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{p.StatusCode}"));
        Assert.Contains(presses, p => p.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(["Pressed view"], await ViewsAsync(c));
    }
}
