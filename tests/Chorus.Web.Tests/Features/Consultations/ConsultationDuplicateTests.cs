using System.Globalization;
using System.Net;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>One organisation, one voice: a second answer from the same organisation is kept beside the first, not counted twice.</summary>
public sealed class ConsultationDuplicateTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    private readonly HashSet<string> _read = [];

    /// <summary>Answers for the organisation by email and confirms by the emailed link; returns the confirmation page's text and the private link.</summary>
    private async Task<(string Confirmed, string Manage)> AnswerAndConfirm(Consultation c, string organisation, string person, string email, int regionPosition,
        string country = "ML")
    {
        var region = ConsultationsApp.Q(c, 0);
        var client = Staff.Client(app);
        var (sent, _) = await app.SubmitAsync(client, $"/en/consultations/{c.Slug}",
        [
            new("Input.Organisation", organisation), new("Input.Country", country), new("Input.Type", "Ngo"), new("Input.Name", person), new("Input.Email", email),
            new(ConsultationsApp.Answer(region, "Choice"), ConsultationsApp.Option(region, regionPosition).ToString(CultureInfo.InvariantCulture)),
            new(ConsultationsApp.Answer(ConsultationsApp.Q(c, 2), "Text"), $"{person}'s view"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // The same address answering twice gets two messages: each is read once.
        var message = await TestMail.ReceivedAsync(email, m => !_read.Contains(m.MessageId!));
        _read.Add(message.MessageId!);
        var confirmed = await Staff.PostFormAsync(client, ConsultationsApp.Link(message, "Your answers count once you confirm"), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await confirmed.Content.ReadAsStringAsync());
        return (page.QuerySelector("main")!.TextContent, ConsultationsApp.Link(message, "To change or withdraw"));
    }

    /// <summary>The published results' counts for the region question (Africa, Asia) and the organisations in the public turnout.</summary>
    private async Task<(string Africa, string Asia, string Turnout)> Figures(Consultation c)
    {
        var region = ConsultationsApp.Q(c, 0);
        var (_, results) = await app.GetHtml($"/en/consultations/{c.Slug}/results");
        var rows = results.QuerySelectorAll($"section[aria-labelledby='r{region.Id}'] tbody tr")
            .ToDictionary(tr => tr.QuerySelector("th")!.TextContent.Trim(), tr => tr.QuerySelectorAll("td")[0].TextContent.Trim());
        var (_, page) = await app.GetHtml($"/en/consultations/{c.Slug}");
        return (rows["Africa"], rows["Asia"], page.QuerySelector(".turnout p")!.TextContent.Trim());
    }

    private Task<ResponseState> StateOf(string email) => app.WithDb(db => db.ConsultationResponses.Where(r => r.Email == email).Select(r => r.State).SingleAsync());

    [SkippableFact]
    public async Task A_second_person_from_the_same_organisation_is_kept_beside_the_first_and_the_secretariat_chooses_which_counts()
    {
        await app.AddOrganisation("Sahel Rights Forum", "ML", Membership.Member, "https://sahel-rf.test/", "sahel-rf.test");
        var c = await app.AddConsultation("one-voice", x => x.ResultsPublished = true);
        var (awa, moussa) = ($"{ConsultationsApp.Unique("awa")}@sahel-rf.test", $"{ConsultationsApp.Unique("moussa")}@sahel-rf.test");

        var (first, _) = await AnswerAndConfirm(c, "Sahel Rights Forum", "Awa", awa, regionPosition: 0);
        Assert.Contains("your answers are confirmed and counted", first, StringComparison.Ordinal);
        var (second, moussaLink) = await AnswerAndConfirm(c, "Sahel Rights Forum", "Moussa", moussa, regionPosition: 1);
        Assert.Contains("Your organisation had already answered", second, StringComparison.Ordinal);

        // Counted once: Awa's answer; Moussa's waits beside it.
        Assert.Equal(("1", "0", "1 organisations and 0 individuals from 1 countries."), await Figures(c));
        Assert.Equal((ResponseState.Confirmed, ResponseState.Duplicate), (await StateOf(awa), await StateOf(moussa)));

        // The secretariat finds it among the duplicates and counts it instead.
        var list = $"/admin/consultations/{c.Id}/responses?state=Duplicate";
        var moussaId = await app.WithDb(db => db.ConsultationResponses.Where(r => r.Email == moussa).Select(r => r.Id).SingleAsync());
        var instead = await Staff.PostFormAsync(app.Editor, list, new Dictionary<string, string>(), formSelector: $"#r{moussaId} form.set-aside");
        Assert.Equal(HttpStatusCode.Redirect, instead.StatusCode);
        Assert.Equal(("0", "1", "1 organisations and 0 individuals from 1 countries."), await Figures(c));
        Assert.Equal((ResponseState.Duplicate, ResponseState.Confirmed), (await StateOf(awa), await StateOf(moussa)));

        // Moussa withdraws: the organisation keeps its voice through Awa's answer.
        AssertOk(await Staff.PostFormAsync(Staff.Client(app), moussaLink, new Dictionary<string, string>(), formSelector: "form[action$='handler=Withdraw']"));
        Assert.Equal(("1", "0", "1 organisations and 0 individuals from 1 countries."), await Figures(c));
        Assert.Equal(ResponseState.Confirmed, await StateOf(awa));
    }

    [SkippableFact]
    public async Task The_same_person_answering_afresh_replaces_their_earlier_answer_and_another_organisation_counts_apart()
    {
        var c = await app.AddConsultation("afresh", x => x.ResultsPublished = true);
        var email = $"{ConsultationsApp.Unique("lena")}@andes.test";

        await AnswerAndConfirm(c, "Red Andina de Migraciones", "Lena", email, regionPosition: 0, country: "PE");
        var (again, _) = await AnswerAndConfirm(c, "Red Andina de Migraciones", "Lena", email, regionPosition: 1, country: "PE");
        Assert.Contains("your answers are confirmed and counted", again, StringComparison.Ordinal);
        await AnswerAndConfirm(c, "Pacific Migrant Voices", "Sione", $"{ConsultationsApp.Unique("sione")}@pacific.test", regionPosition: 1, country: "FJ");

        Assert.Equal(("0", "2", "2 organisations and 0 individuals from 2 countries."), await Figures(c));
        var states = await app.WithDb(db => db.ConsultationResponses.Where(r => r.Email == email).OrderBy(r => r.Id).Select(r => r.State).ToListAsync());
        Assert.Equal([ResponseState.Duplicate, ResponseState.Confirmed], states);
    }

    private static void AssertOk(HttpResponseMessage response) => ConsultationsApp.AssertOk(response);

    [SkippableFact]
    public async Task When_the_counted_answer_is_sent_again_from_another_address_the_organisation_s_other_answer_counts_meanwhile()
    {
        await app.AddOrganisation("Mekong Migrant Network", "TH", Chorus.Web.Features.Organisations.Membership.Member, "https://mekong-mn.test/", "mekong-mn.test");
        var c = await app.AddConsultation("readdressed", x => x.ResultsPublished = true);
        var (nok, dara) = ($"{ConsultationsApp.Unique("nok")}@mekong-mn.test", $"{ConsultationsApp.Unique("dara")}@mekong-mn.test");
        var (_, nokLink) = await AnswerAndConfirm(c, "Mekong Migrant Network", "Nok", nok, regionPosition: 0, country: "TH");
        await AnswerAndConfirm(c, "Mekong Migrant Network", "Dara", dara, regionPosition: 1, country: "TH");
        Assert.Equal(("1", "0", "1 organisations and 0 individuals from 1 countries."), await Figures(c));

        // Nok sends her answers again from a new address: they wait for that address's confirmation, and Dara's count meanwhile.
        var moved = await Staff.PostFormAsync(Staff.Client(app), nokLink, new Dictionary<string, string> { ["Input.Email"] = $"{ConsultationsApp.Unique("nok2")}@mekong-mn.test" },
            formSelector: "form.answers", whileOpen: () =>
            {
                app.Clock.Advance(TimeSpan.FromSeconds(10)); // as long as a person takes to change it
                return Task.CompletedTask;
            });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(("0", "1", "1 organisations and 0 individuals from 1 countries."), await Figures(c));
        var nokState = await app.WithDb(db => db.ConsultationResponses.Where(r => r.ConsultationId == c.Id && r.RespondentName == "Nok").Select(r => r.State).SingleAsync());
        Assert.Equal((ResponseState.Unconfirmed, ResponseState.Confirmed), (nokState, await StateOf(dara)));
    }
}
