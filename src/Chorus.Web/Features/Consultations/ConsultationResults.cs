using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

/// <summary>One bar: an option (or "Other", or a scale value, or a region) with its count and share of those who answered.</summary>
internal sealed record Bar(string Label, int Count, double Percent, double? AverageRank = null, string? Culture = null);

/// <summary>A free-text answer as the results show it: attributed only with consent.</summary>
internal sealed record Quote(string Text, string? Attribution, string? Country, bool Highlight, IReadOnlyList<string> Themes, string Culture);

internal enum QuoteSet { None, Highlighted, All }

internal sealed record QuestionResult(Question Question, string Text, int Answered, IReadOnlyList<Bar> Bars, IReadOnlyList<Quote> Quotes, string Culture);

/// <summary>
/// Counts of confirmed answers, per question and option. Percentages are of the respondents who answered the question (a
/// multiple choice adds up to more than 100%); a ranking shows each option's average rank among those who ranked it.
/// </summary>
internal static class ConsultationResults
{
    /// <summary>A count of answer rows with the same question, option, "Other" mark, scale value and country.</summary>
    internal sealed record Group(int QuestionId, int? OptionId, bool IsOther, int? Number, string? Country, int Count, double? Rank);

    internal sealed record QuoteRow(int QuestionId, string Text, bool IsOther, bool AttributionConsent, string Name, string? Country, bool Highlight, List<string> Themes, string Culture);

    /// <summary>The confirmed answers' counts (and, when asked, up to <see cref="QuotesPerQuestion"/> texts a question, highlights first).</summary>
    internal sealed record Counts(IReadOnlyList<Group> Groups, IReadOnlyDictionary<int, int> Answered, IReadOnlyList<QuoteRow> Quotes);

    public const int QuotesPerQuestion = 100;

    /// <summary>
    /// The counts of one consultation, read once and kept in memory (<see cref="ShownData"/>) until a write evicts the
    /// consultations tag (a response confirmed, changed or withdrawn; a question edited): a results page then costs its
    /// rendering, not a pass over every answer.
    /// </summary>
    public static Task<Counts> CountsAsync(ChorusDb db, ShownData shown, Consultation c, bool withQuotes, CancellationToken ct) =>
        shown.GetAsync($"consultation-counts:{c.Id}:{withQuotes}", [Shown.Consultations], async ct2 =>
        {
            var counted = db.ConsultationResponses.Counted(c.Id).Select(r => r.Id);
            // Texts are grouped only for country questions (their text is a country code); other texts would make a group each.
            var countryQuestions = c.Questions.Where(q => q.Kind == QuestionKind.Country).Select(q => q.Id).ToList();
            var groups = await db.ConsultationAnswers.AsNoTracking().Where(a => counted.Contains(a.ResponseId))
                .GroupBy(a => new { a.QuestionId, a.OptionId, a.IsOther, a.Number, Country = countryQuestions.Contains(a.QuestionId) ? a.Text : null })
                .Select(g => new Group(g.Key.QuestionId, g.Key.OptionId, g.Key.IsOther, g.Key.Number, g.Key.Country, g.Count(), g.Average(a => (double?)a.Rank)))
                .ToListAsync(ct2);
            var answered = await db.ConsultationAnswers.AsNoTracking().Where(a => counted.Contains(a.ResponseId))
                .GroupBy(a => a.QuestionId).Select(g => new { Question = g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
                .ToDictionaryAsync(g => g.Question, g => g.Count, ct2);
            var quotes = new List<QuoteRow>();
            foreach (var q in withQuotes ? c.Questions : [])
            {
                if (q.Kind is not (QuestionKind.ShortText or QuestionKind.LongText) && !q.AllowOther)
                {
                    continue;
                }
                quotes.AddRange(await db.ConsultationAnswers.AsNoTracking()
                    .Where(a => a.QuestionId == q.Id && counted.Contains(a.ResponseId) && a.Text != null && (a.IsOther || a.OptionId == null))
                    .Join(db.ConsultationResponses, a => a.ResponseId, r => r.Id, (a, r) => new { a, r })
                    .OrderByDescending(x => x.r.Highlight).ThenBy(x => x.a.Id).Take(QuotesPerQuestion)
                    .Select(x => new QuoteRow(x.a.QuestionId, x.a.Text!, x.a.IsOther, x.r.AttributionConsent, x.r.Name, x.r.Country, x.r.Highlight, x.r.Themes, x.r.Culture))
                    .ToListAsync(ct2));
            }
            return new Counts(groups, answered, quotes);
        }, ct);

    /// <summary>Quotes a public page shows a question: the secretariat's highlights only.</summary>
    public const int PublicQuotes = 20;

    /// <summary>
    /// Every question's figures; with <paramref name="quotes"/>, its free-text answers: for the public (results page, API)
    /// only those the secretariat highlighted, for staff every one read.
    /// </summary>
    public static async Task<IReadOnlyList<QuestionResult>> ComputeAsync(ChorusDb db, ShownData shown, Consultation c, IReadOnlyList<string> chain,
        QuoteSet quotes, CancellationToken ct)
    {
        var withQuotes = quotes != QuoteSet.None;
        var (groups, answered, texts) = await CountsAsync(db, shown, c, withQuotes, ct);
        var results = new List<QuestionResult>();
        foreach (var q in ConsultationRules.Ordered(c))
        {
            var n = answered.GetValueOrDefault(q.Id);
            double Pct(int count) => n == 0 ? 0 : Math.Round(100.0 * count / n, 1);
            var mine = groups.Where(g => g.QuestionId == q.Id).ToList();
            var bars = new List<Bar>();
            switch (q.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Ranking:
                    foreach (var o in q.Options.OrderBy(o => o.Position).ThenBy(o => o.Id))
                    {
                        var g = mine.FirstOrDefault(x => x.OptionId == o.Id);
                        bars.Add(new Bar(ConsultationRules.OptionLabel(o, chain, c.Culture), g?.Count ?? 0, Pct(g?.Count ?? 0),
                            q.Kind == QuestionKind.Ranking ? g?.Rank is { } r ? Math.Round(r, 2) : null : null,
                            ConsultationRules.Best(o.Texts, t => t.Culture, chain, c.Culture)?.Culture));
                    }
                    if (q.Kind == QuestionKind.Ranking)
                    {
                        bars = [.. bars.OrderBy(b => b.AverageRank ?? double.MaxValue)];
                    }
                    if (q.AllowOther)
                    {
                        var other = mine.Where(x => x.IsOther).Sum(x => x.Count);
                        bars.Add(new Bar("", other, Pct(other)));
                    }
                    break;
                case QuestionKind.Scale:
                    for (var v = 1; v <= 5; v++)
                    {
                        var count = mine.Where(x => x.Number == v).Sum(x => x.Count);
                        bars.Add(new Bar(v.ToString(System.Globalization.CultureInfo.InvariantCulture), count, Pct(count)));
                    }
                    break;
                case QuestionKind.Country:
                    foreach (var region in mine.GroupBy(x => Countries.Get(x.Country)?.Region).OrderByDescending(g => g.Sum(x => x.Count)))
                    {
                        var count = region.Sum(x => x.Count);
                        bars.Add(new Bar(region.Key is { } code ? Countries.Area(code)!.Name : "International", count, Pct(count)));
                    }
                    break;
            }
            var chosen = texts.Where(t => t.QuestionId == q.Id && (quotes != QuoteSet.Highlighted || t.Highlight)).Take(quotes == QuoteSet.Highlighted ? PublicQuotes : QuotesPerQuestion);
            var shownQuotes = chosen.Select(t => new Quote(t.Text!, t.AttributionConsent && t.Name.Length > 0 ? t.Name : null,
                t.Country, t.Highlight, t.Themes, t.Culture)).ToList();
            var text = ConsultationRules.TextOf(q, chain, c.Culture);
            results.Add(new QuestionResult(q, text?.Text ?? "", n, bars, shownQuotes, text?.Culture ?? c.Culture));
        }
        return results;
    }
}
