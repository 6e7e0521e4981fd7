using System.Net;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Infrastructure;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Localization;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>A consultations site with the real Apertium APy as its machine translation service.</summary>
public sealed class ConsultationsApertiumApp : ConsultationsApp
{
    private static readonly string? Apy = Environment.GetEnvironmentVariable("CHORUS_TEST_APY");

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        .. base.Settings,
        new("MachineTranslation:Providers:0:Kind", "apertium"),
        new("MachineTranslation:Providers:0:Url", Apy ?? "http://127.0.0.1:9"),
        new("MachineTranslation:Providers:0:Pairs:0", "en-es"),
        new("MachineTranslation:Providers:0:Pairs:1", "es-en"),
        new("MachineTranslation:Providers:0:Pairs:2", "es-fr"),
    ];
}

/// <summary>Machine drafts of a consultation's words, and of an answer for the reader, through the configured service.</summary>
public sealed class ConsultationTranslationTests(ConsultationsApertiumApp app) : IClassFixture<ConsultationsApertiumApp>
{
    [SkippableFact]
    public async Task Missing_languages_are_machine_drafted_through_the_translation_queue_labelled_and_unreachable_ones_are_named()
    {
        ApertiumApp.Require();
        var c = await app.AddConsultation("drafts");

        var drafted = await Staff.PostFormAsync(app.Editor, $"/admin/consultations/{c.Id}", new Dictionary<string, string>(), formSelector: "form[action$='handler=Draft']");
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var status = await app.Editor.GetStringAsync(new Uri($"/admin/consultations/{c.Id}", UriKind.Relative));
        Assert.Contains("Machine drafts queued for: French, Spanish.", status, StringComparison.Ordinal);
        Assert.Contains("No machine translation service reaches", status, StringComparison.Ordinal);
        // The queue's jobs, one a language a service reaches, none for those it does not.
        var queued = await app.WithDb(db => db.TranslationJobs.AsNoTracking().Where(j => j.ConsultationId == c.Id).Select(j => j.Culture).ToListAsync());
        Assert.Equal(["es", "fr"], queued.Order());

        // The background worker writes them (within a minute), and the translations page shows where each language stands.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await app.WithDb(db => db.TranslationJobs.AnyAsync(j => j.ConsultationId == c.Id && j.Status == QueueStatus.Pending)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        var texts = await app.WithDb(db => db.ConsultationQuestions.AsNoTracking().Include(q => q.Texts).Where(q => q.ConsultationId == c.Id).SelectMany(q => q.Texts).ToListAsync());
        Assert.Contains(texts, t => t.Culture == "es" && t.IsMachineDraft && t.Text.Length > 0);
        Assert.Contains(texts, t => t.Culture == "fr" && t.IsMachineDraft);
        Assert.DoesNotContain(texts, t => t.Culture is "zh" or "ru");
        Assert.Contains(texts, t => t.Culture == "ar" && !t.IsMachineDraft);
        var (_, spanish) = await app.GetHtml("/es/consultations/drafts");
        Assert.Contains("Traducción automática, aún sin revisar.", spanish.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var matrix = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await app.Editor.GetStringAsync(new Uri("/admin/translations", UriKind.Relative)));
        var row = matrix.QuerySelectorAll("table[aria-labelledby='consultations-heading'] tbody tr").Single(tr => tr.QuerySelector("th a")?.GetAttribute("href") == $"/admin/consultations/{c.Id}");
        Assert.Equal(["original text", "machine draft", "machine draft", "human", "missing", "missing"], row.QuerySelectorAll("td").Select(td => (td.QuerySelector("a")?.FirstChild ?? td).TextContent.Trim()));
    }

    [SkippableFact]
    public async Task An_answer_is_machine_translated_for_the_reader_on_request_labelled_and_not_stored_with_it()
    {
        ApertiumApp.Require();
        var c = await app.AddConsultation("answer-mt");
        var barriers = ConsultationsApp.Q(c, 2);
        var id = await app.WithDb(async db =>
        {
            var r = new Response
            {
                ConsultationId = c.Id, Name = "Red Andina", Country = "PE", Culture = "es", State = ResponseState.Confirmed,
                Answers = [new Answer { QuestionId = barriers.Id, Text = "Los documentos llegan tarde." }],
            };
            db.ConsultationResponses.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        });

        var page = await app.Editor.GetStringAsync(new Uri($"/admin/consultations/{c.Id}/responses?translate={id}", UriKind.Relative));

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        var machine = html.QuerySelector($"#r{id} p.machine")!;
        Assert.Equal("en", machine.GetAttribute("lang"));
        Assert.Contains("Machine translation, not yet reviewed.", machine.TextContent, StringComparison.Ordinal);
        Assert.Contains("documents", machine.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Los documentos llegan tarde.", (await app.WithDb(db => db.ConsultationAnswers.SingleAsync(a => a.ResponseId == id))).Text);
    }
}
