using System.Text.Json.Serialization;
using Chorus.Web.Data;
using Chorus.Web.Features.Api;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

internal enum ConsultationStatus { Open, Closed }

/// <summary>
/// A consultation: its figures count confirmed answers only. <paramref name="Results"/> is the API address of the results,
/// null until the secretariat publishes them. Nothing about who answered beyond counts.
/// </summary>
internal sealed record ApiConsultation(int Id, string Slug, string Title, string Language, string Status, DateTime OpensAt, DateTime ClosesAt,
    string Respondents, int Organisations, int Individuals, int Countries, string Url, string? Results, string? Event, string? Statement,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IntroductionHtml,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ApiQuestion>? Questions);

internal sealed record ApiQuestion(int Id, string Kind, string Text, bool Required, IReadOnlyList<ApiOption> Options);

internal sealed record ApiOption(int Id, string Text);

/// <summary>One option's figures: <paramref name="Id"/> null for "Other"; a ranking's options carry their average rank.</summary>
internal sealed record ApiOptionCount(int? Id, string Text, int Count, double Percent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AverageRank);

/// <summary>A published free-text answer: named only when the respondent consented, never with an email or a person's contact.</summary>
internal sealed record ApiQuote(string Text, string? Attribution, string? Country);

internal sealed record ApiQuestionResult(int Id, string Kind, string Text, int Answered, IReadOnlyList<ApiOptionCount> Counts, IReadOnlyList<ApiQuote> Quotes);

internal sealed record ApiRegionCount(string Region, int Count);

internal sealed record ApiConsultationResults(string Slug, string Title, string Language, int Organisations, int Individuals, int Countries,
    IReadOnlyList<ApiRegionCount> ByRegion, IReadOnlyList<ApiQuestionResult> Questions);

/// <summary>
/// /api/v1/consultations: consultations that have opened, newest first; /api/v1/consultations/{slug}: one with its questions;
/// /api/v1/consultations/{slug}/results: the published results with the counts.
/// </summary>
internal static class ConsultationsApi
{
    public static void MapConsultationsApi(this RouteGroupBuilder api)
    {
        var consultations = api.MapGroup("/consultations").WithTags("Consultations");
        consultations.MapRead("", ListAsync).Describe<ApiPage<ApiConsultation>>("List consultations",
            "Calls for input from civil society, newest first, with how many organisations, individuals and countries answered.");
        consultations.MapRead("/{slug}", ReadAsync).Describe<ApiConsultation>("Get a consultation",
            "One consultation with its introduction as sanitised HTML and its questions, in the requested language where translated.", found: true);
        consultations.MapRead("/{slug}/results", ResultsAsync).Describe<ApiConsultationResults>("Get a consultation's results",
            "Per question, the number of answers by option with percentages (a ranking's average rank), and the free-text answers the "
            + "secretariat highlighted where it allows publishing them, named only with the respondent's consent. Not found until the results are published.", found: true);
    }

    private static IQueryable<Consultation> Public(ChorusDb db, DateTime now) =>
        db.Consultations.AsNoTracking().Include(c => c.Translations).Listed(now);

    private static async Task<IResult> ListAsync(HttpContext http, ChorusDb db, ShownData shown, string? lang, string? limit, string? cursor, string? status, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var size = q.Limit(limit);
        var after = q.Cursor(cursor, instant: true);
        var state = q.Choice<ConsultationStatus>("status", status);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        var now = q.Now;
        var list = Public(db, now);
        list = state switch
        {
            ConsultationStatus.Open => list.Where(c => c.ClosesAt > now),
            ConsultationStatus.Closed => list.Where(c => c.ClosesAt <= now),
            _ => list,
        };
        if (after is { } k && k.TryGetInstant(out var at))
        {
            list = list.Where(c => c.OpensAt < at || (c.OpensAt == at && c.Id < k.Id));
        }
        var rows = await list.OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).Take(size + 1).ToListAsync(ct);
        var more = ApiResults.Cut(rows, size);
        var items = new List<ApiConsultation>();
        foreach (var c in rows)
        {
            items.Add(await ToApiAsync(db, shown, c, q, withQuestions: false, ct));
        }
        return ApiResults.Page(http, items, more ? new ApiCursor(rows[^1].OpensAt, rows[^1].Id) : null);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, ChorusDb db, ShownData shown, string slug, string? lang, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var key = q.Text("slug", slug);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        if (await ConsultationRules.LoadAsync(db, shown, key!, ct) is not { } c || c.OpensAt > q.Now)
        {
            return ApiResults.NotFound("consultation", slug);
        }
        return ApiResults.Item(http, await ToApiAsync(db, shown, c, q, withQuestions: true, ct));
    }

    private static async Task<IResult> ResultsAsync(HttpContext http, ChorusDb db, ShownData shown, string slug, string? lang, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var key = q.Text("slug", slug);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        if (await ConsultationRules.LoadAsync(db, shown, key!, ct) is not { ResultsPublished: true } c)
        {
            return ApiResults.NotFound("consultation with published results", slug);
        }
        var text = ConsultationRules.Best(c, q.Chain);
        var turnout = await AnswerModel.TurnoutAsync(db, shown, c.Id, ct);
        var results = await ConsultationResults.ComputeAsync(db, shown, c, q.Chain, c.AnswersPublishable ? QuoteSet.Highlighted : QuoteSet.None, ct);
        return ApiResults.Item(http, new ApiConsultationResults(c.Slug, text.Title, text.Culture, turnout.Organisations, turnout.Individuals, turnout.Countries,
            [.. turnout.ByRegion.Select(r => new ApiRegionCount(r.Region, r.Count))],
            [.. results.Select(r => new ApiQuestionResult(r.Question.Id, ApiQuery.Name(r.Question.Kind), r.Text, r.Answered,
                [.. r.Bars.Select((b, i) => new ApiOptionCount(OptionId(r, b), b.Label.Length == 0 ? "Other" : b.Label, b.Count, b.Percent, b.AverageRank))],
                [.. r.Quotes.Select(x => new ApiQuote(x.Text, x.Attribution, x.Country))]))]));
    }

    private static int? OptionId(QuestionResult r, Bar b) =>
        r.Question.IsChoice ? r.Question.Options.FirstOrDefault(o => o.Texts.Any(t => t.Text == b.Label))?.Id : null;

    private static async Task<ApiConsultation> ToApiAsync(ChorusDb db, ShownData shown, Consultation c, ApiQuery q, bool withQuestions, CancellationToken ct)
    {
        var text = ConsultationRules.Best(c, q.Chain);
        var turnout = await AnswerModel.TurnoutAsync(db, shown, c.Id, ct);
        var path = $"/consultations/{Uri.EscapeDataString(c.Slug)}";
        var eventSlug = c.EventId is { } e ? await db.Events.Where(x => x.Id == e && x.DeletedAt == null).Select(x => x.Slug).FirstOrDefaultAsync(ct) : null;
        var postSlug = c.PostId is { } p ? await db.Posts.AsNoTracking().Published(q.Now).Where(x => x.Id == p).Select(x => x.Slug).FirstOrDefaultAsync(ct) : null;
        return new ApiConsultation(c.Id, c.Slug, text.Title, text.Culture, ApiQuery.Name(c.IsOpen(q.Now) ? ConsultationStatus.Open : ConsultationStatus.Closed),
            c.OpensAt, c.ClosesAt, ApiQuery.Name(c.Respondents), turnout.Organisations, turnout.Individuals, turnout.Countries, $"{q.Origin}/{q.Culture}{path}",
            c.ResultsPublished ? $"{q.Origin}{ApiExtensions.Prefix}{path}/results?lang={q.Culture}" : null,
            eventSlug is null ? null : $"{q.Origin}/{q.Culture}/events/{Uri.EscapeDataString(eventSlug)}",
            postSlug is null ? null : q.Origin + PostQueries.NewsPath(q.Culture, postSlug),
            withQuestions ? text.IntroductionHtml : null,
            withQuestions ? [.. ConsultationRules.Ordered(c).Select(x => new ApiQuestion(x.Id, ApiQuery.Name(x.Kind),
                ConsultationRules.TextOf(x, q.Chain, c.Culture)?.Text ?? "", x.Required,
                [.. x.Options.OrderBy(o => o.Position).ThenBy(o => o.Id).Select(o => new ApiOption(o.Id, ConsultationRules.OptionLabel(o, q.Chain, c.Culture)))]))]
            : null);
    }
}
