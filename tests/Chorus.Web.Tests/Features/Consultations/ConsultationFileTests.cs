using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Consultations;

/// <summary>A file question: a PDF sent with the answers, for the secretariat's eyes only.</summary>
public sealed class ConsultationFileTests(ConsultationsApp app) : IClassFixture<ConsultationsApp>
{
    private static readonly HtmlParser Parser = new();

    /// <summary>A small PDF as a word processor writes one (its first bytes are what the check reads).</summary>
    private static byte[] Pdf(string text, int padding = 0) =>
        [.. Encoding.ASCII.GetBytes($"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n% {text}\n"), .. new byte[padding], .. "%%EOF\n"u8.ToArray()];

    private Task<Consultation> AddWithFileQuestion(string slug) => app.AddConsultation(slug, c => c.Questions.Add(new Question
    {
        Position = 4, Kind = QuestionKind.File, MaxFileMegabytes = 1,
        Texts = [new QuestionText { Culture = "en", Text = "Attach your written submission" }, new QuestionText { Culture = "ar", Text = "أرفقوا مساهمتكم المكتوبة" }],
    }));

    [SkippableFact]
    public async Task A_pdf_survives_a_correction_reaches_staff_only_as_a_download_and_goes_with_a_withdrawal()
    {
        var c = await AddWithFileQuestion("files");
        var (region, barriers, file) = (ConsultationsApp.Q(c, 0), ConsultationsApp.Q(c, 2), ConsultationsApp.Q(c, 4));
        var email = $"{ConsultationsApp.Unique("file")}@delta-rights.test";
        var pdf = Pdf("Delta Rights submission", padding: 20_000);
        var client = Staff.Client(app);
        KeyValuePair<string, string>[] about =
        [
            new("Input.Organisation", "Delta Rights Collective"), new("Input.Country", "BD"), new("Input.Type", "Ngo"), new("Input.Name", "Rina Das"),
            new("Input.Email", email), new(ConsultationsApp.Answer(region, "Choice"), ConsultationsApp.Option(region, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ];

        // Sent without the required text: the message is next to that question, and the PDF is kept (no need to choose it again).
        var (first, page) = await app.SubmitAsync(client, "/en/consultations/files", about,
            files: [(ConsultationsApp.Answer(file, "Upload"), "Our submission.pdf", pdf)]);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = Parser.ParseDocument(page);
        Assert.Equal("This question needs an answer.", html.QuerySelector($"#q{barriers.Id} .error")!.TextContent);
        Assert.Contains("Received: Our submission.pdf", html.QuerySelector($"#q{file.Id}")!.TextContent, StringComparison.Ordinal);
        var token = html.QuerySelector($"input[name='{ConsultationsApp.Answer(file, "File")}']")!.GetAttribute("value")!;

        var (sent, _) = await app.SubmitAsync(client, "/en/consultations/files",
            [.. about, new(ConsultationsApp.Answer(file, "File"), token), new(ConsultationsApp.Answer(barriers, "Text"), "Our delegates get no visas.")], files: []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var message = await TestMail.ReceivedAsync(email);
        AssertOk(await Staff.PostFormAsync(client, ConsultationsApp.Link(message, "Your answers count once you confirm"), new Dictionary<string, string>()));
        var stored = await app.WithDb(db => db.ConsultationResponses.AsNoTracking().Include(r => r.Answers).SingleAsync(r => r.Email == email));
        Assert.Equal(ResponseState.Confirmed, stored.State);
        var answer = stored.Answers.Single(a => a.QuestionId == file.Id);
        Assert.Equal("Our submission.pdf", answer.Text);

        // Staff: the answers table links it; the download is the very file, as an attachment, and is recorded in the audit log.
        var table = Parser.ParseDocument(await app.Editor.GetStringAsync(new Uri($"/admin/consultations/{c.Id}/responses", UriKind.Relative)));
        var link = table.QuerySelector($"#r{stored.Id} a[href*='handler=File']")!;
        Assert.Equal("Our submission.pdf", link.TextContent);
        var download = await app.Editor.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.True(await app.WithDb(db => db.AuditLog.AnyAsync(e => e.Entity == nameof(ConsultationFile) && e.EntityId == answer.FileId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        // Nobody else: a visitor is sent to sign in, and the file is in no public page or API answer.
        var stranger = await app.CreatePlainClient().GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, stranger.StatusCode);
        Assert.Contains("/account/login", stranger.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await app.WithDb(db => db.Consultations.Where(x => x.Id == c.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ResultsPublished, true)));
        foreach (var path in new[] { "/en/consultations/files", "/en/consultations/files/results", "/api/v1/consultations/files/results", "/api/v1/consultations/files" })
        {
            var body = await app.CreatePlainClient().GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.DoesNotContain("Our submission", body, StringComparison.Ordinal);
        }
        var (_, results) = await app.GetHtml("/en/consultations/files/results");
        Assert.Contains("1 answered this question.", results.QuerySelector($"section[aria-labelledby='r{file.Id}']")!.TextContent, StringComparison.Ordinal);

        // The private link shows the file kept; withdrawing deletes it.
        var manage = ConsultationsApp.Link(message, "To change or withdraw");
        var (_, back) = await app.GetHtml(manage);
        Assert.Contains("Received: Our submission.pdf", back.QuerySelector($"#q{file.Id}")!.TextContent, StringComparison.Ordinal);
        AssertOk(await Staff.PostFormAsync(client, manage, new Dictionary<string, string>(), formSelector: "form[action$='handler=Withdraw']"));
        Assert.False(await app.WithDb(db => db.ConsultationFiles.AnyAsync(f => f.ConsultationId == c.Id)));
    }

    [SkippableFact]
    public async Task A_file_that_is_not_a_pdf_or_too_large_is_refused_next_to_its_question_and_a_file_never_sent_is_deleted_a_day_later()
    {
        var c = await AddWithFileQuestion("file-refusals");
        var (barriers, file) = (ConsultationsApp.Q(c, 2), ConsultationsApp.Q(c, 4));
        var client = Staff.Client(app);
        KeyValuePair<string, string>[] typed = [new("Input.Email", "someone@refusals.test"), new(ConsultationsApp.Answer(barriers, "Text"), "Typed before the upload failed")];

        var png = "\x89PNG\r\n\x1a\n"u8.ToArray().Concat(new byte[100]).ToArray();
        var (notPdf, page) = await app.SubmitAsync(client, "/en/consultations/file-refusals", typed, files: [(ConsultationsApp.Answer(file, "Upload"), "photo.pdf", png)]);
        Assert.Equal(HttpStatusCode.OK, notPdf.StatusCode);
        var html = Parser.ParseDocument(page);
        Assert.Equal("Only PDF files are taken, and this file is not a PDF.", html.QuerySelector($"#q{file.Id} .error")!.TextContent);
        Assert.Equal("Typed before the upload failed", html.QuerySelector($"#q{barriers.Id} textarea")!.TextContent);

        var (tooLarge, page2) = await app.SubmitAsync(client, "/en/consultations/file-refusals", typed,
            files: [(ConsultationsApp.Answer(file, "Upload"), "big.pdf", Pdf("big", padding: 1024 * 1024 + 1))]);
        Assert.Equal(HttpStatusCode.OK, tooLarge.StatusCode);
        Assert.Equal("This file is larger than 1 MB: send a smaller PDF.", Parser.ParseDocument(page2).QuerySelector($"#q{file.Id} .error")!.TextContent);
        Assert.False(await app.WithDb(db => db.ConsultationFiles.AnyAsync(f => f.ConsultationId == c.Id)));

        // A PDF taken on a form that was then never sent: kept a day for the respondent to come back, then deleted.
        var (_, page3) = await app.SubmitAsync(client, "/en/consultations/file-refusals", [new("Input.Email", "not-an-address")],
            files: [(ConsultationsApp.Answer(file, "Upload"), "draft.pdf", Pdf("draft"))]);
        Assert.Contains("Received: draft.pdf", Parser.ParseDocument(page3).QuerySelector($"#q{file.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.ConsultationFiles.AnyAsync(f => f.ConsultationId == c.Id)));
        // A second file refused (not a PDF) leaves the one received in place.
        var token = Parser.ParseDocument(page3).QuerySelector($"input[name='{ConsultationsApp.Answer(file, "File")}']")!.GetAttribute("value")!;
        var (_, page4) = await app.SubmitAsync(client, "/en/consultations/file-refusals", [new("Input.Email", "not-an-address"), new(ConsultationsApp.Answer(file, "File"), token)],
            files: [(ConsultationsApp.Answer(file, "Upload"), "photo.pdf", png)]);
        var kept = Parser.ParseDocument(page4).QuerySelector($"#q{file.Id}")!;
        Assert.Contains("Only PDF files are taken", kept.TextContent, StringComparison.Ordinal);
        Assert.Contains("Received: draft.pdf", kept.TextContent, StringComparison.Ordinal);
        // A form sent faster than a person could: refused, and its file not stored.
        var (_, robot) = await app.SubmitAsync(client, "/en/consultations/file-refusals", typed, files: [(ConsultationsApp.Answer(file, "Upload"), "robot.pdf", Pdf("robot"))],
            typing: TimeSpan.Zero);
        Assert.Contains("That was very quick", robot, StringComparison.Ordinal);
        Assert.Equal(["draft.pdf"], await app.WithDb(db => db.ConsultationFiles.Where(f => f.ConsultationId == c.Id).Select(f => f.FileName).ToListAsync()));
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDb(db => ConsultationRetention.RunAsync(db, now.AddHours(12), CancellationToken.None));
        Assert.True(await app.WithDb(db => db.ConsultationFiles.AnyAsync(f => f.ConsultationId == c.Id)));
        await app.WithDb(db => ConsultationRetention.RunAsync(db, now.AddDays(2), CancellationToken.None));
        Assert.False(await app.WithDb(db => db.ConsultationFiles.AnyAsync(f => f.ConsultationId == c.Id)));
    }

    private static void AssertOk(HttpResponseMessage response) => ConsultationsApp.AssertOk(response);
}
