using System.Globalization;
using System.Text.Json;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Audit;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Localization.Machine;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Consultations.Admin;

/// <summary>A machine translation of one answer, for the reader; never stored with the answer nor published.</summary>
internal sealed record AnswerTranslation(int AnswerId, string Text, string To);

/// <summary>
/// /admin/consultations/{id}/responses: the answers, filtered by state, badge, country, region, type, language and question;
/// highlight and themes per response; a machine translation of a response's texts into the reader's language on request;
/// the exports (CSV, XLSX, JSON), each audited.
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class ResponsesModel(ChorusDb db, TimeProvider clock, MachineTranslator translator, IOptions<SiteOptions> site,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 50;

    [FromRoute] public int Id { get; set; }
    [FromQuery(Name = "state")] public ResponseState? State { get; set; }
    [FromQuery(Name = "badge")] public Badge? BadgeFilter { get; set; }
    [FromQuery(Name = "country")] public string? Country { get; set; }
    [FromQuery(Name = "region")] public string? Region { get; set; }
    [FromQuery(Name = "type")] public OrganisationType? Type { get; set; }
    [FromQuery(Name = "language")] public string? Language { get; set; }
    [FromQuery(Name = "question")] public int? QuestionFilter { get; set; }
    [FromQuery(Name = "after")] public int? After { get; set; }
    [FromQuery(Name = "translate")] public int? Translate { get; set; }

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public IReadOnlyList<Response> Rows { get; private set; } = [];
    public IReadOnlyList<AnswerTranslation> Translations { get; private set; } = [];
    public string? TranslationProblem { get; private set; }
    public IReadOnlyList<string> Cultures => site.Value.Cultures;
    public string ReaderCulture => Culture.Split('-')[0];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var query = Filtered();
        if (After is { } after)
        {
            query = query.Where(r => r.Id > after);
        }
        Rows = await query.Include(r => r.Answers).OrderBy(r => r.Id).Take(PageSize).AsSplitQuery().ToListAsync(ct);
        if (Translate is { } rid && Rows.FirstOrDefault(r => r.Id == rid) is { } shown && shown.Culture != ReaderCulture)
        {
            Translations = await TranslateAsync(shown, ct);
        }
        return Page();
    }

    /// <summary>Marks a response as a highlight for the synthesis, and sets its themes (comma-separated).</summary>
    public async Task<IActionResult> OnPostMarkAsync(int response, bool highlight, string? themes, CancellationToken ct)
    {
        var r = await db.ConsultationResponses.SingleOrDefaultAsync(x => x.Id == response && x.ConsultationId == Id, ct);
        if (r is null)
        {
            return NotFound();
        }
        r.Highlight = highlight;
        r.Themes = [.. (themes ?? "").Split(',').Select(t => t.Trim()).Where(t => t.Length > 0).Select(t => t.Length > 60 ? t[..60] : t).Distinct().Take(10)];
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/consultations/{Id}/responses{Request.QueryString}#r{response}");
    }

    /// <summary>
    /// Moderation: sets a confirmed response aside (spam; no longer counted: a duplicate of the same respondent counts in
    /// its place), restores one set aside (counted unless its respondent has another that counts), or counts a duplicate
    /// instead of the response of the same respondent that counted.
    /// </summary>
    public async Task<IActionResult> OnPostSetAsideAsync(int response, bool restore, bool instead, CancellationToken ct)
    {
        var from = instead ? ResponseState.Duplicate : restore ? ResponseState.SetAside : ResponseState.Confirmed;
        var found = await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct2 =>
        {
            var r = await db.ConsultationResponses.SingleOrDefaultAsync(x => x.Id == response && x.ConsultationId == Id && x.State == from, ct2);
            if (r is null)
            {
                return false;
            }
            await (instead ? CountedOnce.CountInsteadAsync(db, r, ct2) : restore ? CountedOnce.CountAsync(db, r, ct2)
                : CountedOnce.StopCountingAsync(db, r, ResponseState.SetAside, ct2));
            await db.SaveChangesAsync(ct2);
            return true;
        }, ct);
        return found ? Redirect($"/admin/consultations/{Id}/responses{Request.QueryString}#r{response}") : NotFound();
    }

    /// <summary>A PDF sent with an answer, as a download (never shown in the browser, so it runs nothing here); audited.</summary>
    public async Task<IActionResult> OnGetFileAsync(int file, CancellationToken ct)
    {
        var found = await db.ConsultationFiles.AsNoTracking().Where(f => f.Id == file && f.ConsultationId == Id
            && db.ConsultationAnswers.Any(a => a.FileId == f.Id)).Select(f => new { f.FileName, f.Content }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return NotFound();
        }
        db.RecordExport(HttpContext, clock, nameof(ConsultationFile), file.ToString(CultureInfo.InvariantCulture),
            $"PDF “{found.FileName}” sent to consultation {Id}");
        await db.SaveChangesAsync(ct);
        return File(found.Content, "application/pdf", found.FileName);
    }

    /// <summary>The filtered answers as CSV, XLSX or JSON, option texts in <paramref name="optionLanguage"/>; the download is audited.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, string? optionLanguage, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var culture = optionLanguage is { } l && Cultures.Contains(l) ? l : Consultation.Culture;
        format = format is "xlsx" or "json" ? format : "csv";
        var table = await ConsultationExport.BuildAsync(db, Consultation, Filtered(), culture, ct);
        db.RecordExport(HttpContext, clock, nameof(Response), Id.ToString(CultureInfo.InvariantCulture),
            $"Answers to consultation {Id} with contact data ({format}, {table.Rows.Count} rows)");
        await db.SaveChangesAsync(ct);
        var name = $"consultation-{Consultation.Slug}-answers";
        switch (format)
        {
            case "xlsx":
                var stream = new MemoryStream();
                var sheet = table.Rows.Select(row => (IDictionary<string, object>)table.Header.Select((h, i) => (h, i))
                    .ToDictionary(x => Unique(table.Header, x.i), x => (object)SpreadsheetText.Safe(row[x.i])));
                await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheet, cancellationToken: ct);
                stream.Position = 0;
                return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            case "json":
                var json = table.Rows.Select(row => table.Header.Select((h, i) => (h, i)).ToDictionary(x => Unique(table.Header, x.i), x => row[x.i]));
                return File(JsonSerializer.SerializeToUtf8Bytes(json), "application/json", name + ".json");
            default:
                return CsvDownload.File(name + ".csv", [.. table.Header], table.Rows.Select(r => r.ToArray()).ToAsyncEnumerable(), r => r);
        }
    }

    // Two questions with the same words would make the same column name: the second gets its position.
    private static string Unique(IReadOnlyList<string> header, int i) =>
        header.Take(i).Contains(header[i]) ? $"{header[i]} ({i + 1})" : header[i];

    private IQueryable<Response> Filtered()
    {
        var query = db.ConsultationResponses.AsNoTracking().Where(r => r.ConsultationId == Id);
        query = State is { } state ? query.Where(r => r.State == state) : query.Where(r => r.State == ResponseState.Confirmed);
        if (BadgeFilter is { } badge)
        {
            query = query.Where(r => r.Badge == badge);
        }
        if (!string.IsNullOrEmpty(Country))
        {
            query = Country == "int" ? query.Where(r => r.Country == null) : query.Where(r => r.Country == Country);
        }
        if (!string.IsNullOrEmpty(Region))
        {
            var codes = Countries.In(Region);
            query = query.Where(r => r.Country != null && codes.Contains(r.Country));
        }
        if (Type is { } type)
        {
            query = query.Where(r => r.Type == type);
        }
        if (!string.IsNullOrEmpty(Language))
        {
            query = query.Where(r => r.Culture == Language);
        }
        if (QuestionFilter is { } question)
        {
            query = query.Where(r => r.Answers.Any(a => a.QuestionId == question));
        }
        return query;
    }

    private async Task<IReadOnlyList<AnswerTranslation>> TranslateAsync(Response r, CancellationToken ct)
    {
        var result = new List<AnswerTranslation>();
        try
        {
            foreach (var a in r.Answers.Where(a => !string.IsNullOrWhiteSpace(a.Text) && a.OptionId is null && Questions.Any(q => q.Id == a.QuestionId && q.Kind is not (QuestionKind.Country or QuestionKind.File))))
            {
                result.Add(new AnswerTranslation(a.Id, (await translator.TranslatePlainAsync(db, a.Text!, r.Culture, ReaderCulture, ct)).Text, ReaderCulture));
            }
        }
        catch (NoTranslationRouteException)
        {
            TranslationProblem = S["No machine translation service translates {0} into {1}.", S[Infrastructure.Cultures.NameKey(r.Culture)], S[Infrastructure.Cultures.NameKey(ReaderCulture)]];
        }
        catch (Exception e) when (e is TranslationProviderException or HttpRequestException or TaskCanceledException)
        {
            TranslationProblem = S["The machine translation service did not answer; try again later."];
        }
        return result;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().Include(x => x.Sections).Include(x => x.Questions).ThenInclude(q => q.Texts)
            .Include(x => x.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Texts)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == Id && x.DeletedAt == null, ct);
        if (c is null)
        {
            return false;
        }
        (Consultation, Questions) = (c, ConsultationRules.Ordered(c));
        Title = S["Answers to “{0}”", c.Title];
        return true;
    }

    public string QuestionText(Question q) => ConsultationRules.TextOf(q, [ReaderCulture], Consultation.Culture)?.Text ?? "";

    public string Summary(Question q, IEnumerable<Answer> answers)
    {
        var mine = answers.Where(a => a.QuestionId == q.Id).ToList();
        string Option(int? id) => q.Options.FirstOrDefault(o => o.Id == id) is { } o ? ConsultationRules.OptionLabel(o, [ReaderCulture], Consultation.Culture) : "";
        return q.Kind switch
        {
            QuestionKind.SingleChoice or QuestionKind.MultipleChoice => string.Join("; ", mine.Select(a => a.IsOther ? $"{S["Other"]}: {a.Text}" : Option(a.OptionId))),
            QuestionKind.Ranking => string.Join("; ", mine.OrderBy(a => a.Rank).Select(a => $"{a.Rank}. {Option(a.OptionId)}")),
            QuestionKind.Scale => mine.FirstOrDefault()?.Number?.ToString(CultureInfo.CurrentCulture) ?? "",
            QuestionKind.Country => mine.FirstOrDefault()?.Text is { } code ? code == "int" ? S["International"] : Countries.Name(code, ReaderCulture) : "",
            _ => mine.FirstOrDefault()?.Text ?? "",
        };
    }

    /// <summary>The page's address with one filter changed (for the "next page" link and the export links).</summary>
    public string With(string key, string? value)
    {
        var q = Request.Query.Where(p => p.Key != key && p.Key != "handler" && p.Key != "translate").ToDictionary(p => p.Key, p => p.Value.ToString());
        if (value is not null)
        {
            q[key] = value;
        }
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/admin/consultations/{Id}/responses", q!);
    }
}
