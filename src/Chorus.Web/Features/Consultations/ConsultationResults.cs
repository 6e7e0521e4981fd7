using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

/// <summary>One bar: an option (or "Other", or a scale value, or a region) with its count and share of those who answered.</summary>
internal sealed record Bar(string Label, int Count, double Percent, double? AverageRank = null);

/// <summary>A free-text answer as the results show it: attributed only with consent.</summary>
internal sealed record Quote(string Text, string? Attribution, string? Country, bool Highlight, IReadOnlyList<string> Themes);

internal sealed record QuestionResult(Question Question, string Text, int Answered, IReadOnlyList<Bar> Bars, IReadOnlyList<Quote> Quotes);

/// <summary>
/// Counts of confirmed answers, per question and option. Percentages are of the respondents who answered the question (a
/// multiple choice adds up to more than 100%); a ranking shows each option's average rank among those who ranked it.
/// </summary>
internal static class ConsultationResults
{
    public static async Task<IReadOnlyList<QuestionResult>> ComputeAsync(ChorusDb db, Consultation c, IReadOnlyList<string> chain,
        string culture, bool withQuotes, CancellationToken ct)
    {
        var counted = db.ConsultationResponses.Counted(c.Id).Select(r => r.Id);
        var groups = await db.ConsultationAnswers.AsNoTracking().Where(a => counted.Contains(a.ResponseId))
            .GroupBy(a => new { a.QuestionId, a.OptionId, a.IsOther, a.Number, Country = a.OptionId == null && a.Number == null && !a.IsOther ? a.Text : null })
            .Select(g => new { g.Key.QuestionId, g.Key.OptionId, g.Key.IsOther, g.Key.Number, g.Key.Country, Count = g.Count(), Rank = g.Average(a => (double?)a.Rank) })
            .ToListAsync(ct);
        var answered = await db.ConsultationAnswers.AsNoTracking().Where(a => counted.Contains(a.ResponseId))
            .GroupBy(a => a.QuestionId).Select(g => new { Question = g.Key, Count = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Question, g => g.Count, ct);
        var texts = withQuotes
            ? await db.ConsultationAnswers.AsNoTracking().Where(a => counted.Contains(a.ResponseId) && a.Text != null && a.OptionId == null)
                .Join(db.ConsultationResponses, a => a.ResponseId, r => r.Id, (a, r) => new
                {
                    a.QuestionId, a.Text, a.IsOther, r.AttributionConsent, r.Name, r.Country, r.Highlight, r.Themes, a.Id,
                }).OrderBy(x => x.Id).ToListAsync(ct)
            : [];
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
                            q.Kind == QuestionKind.Ranking ? g?.Rank is { } r ? Math.Round(r, 2) : null : null));
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
            var quotes = texts.Where(t => t.QuestionId == q.Id && (t.IsOther || q.Kind is QuestionKind.ShortText or QuestionKind.LongText)).Select(t => new Quote(t.Text!, t.AttributionConsent && t.Name.Length > 0 ? t.Name : null,
                t.Country, t.Highlight, t.Themes)).ToList();
            results.Add(new QuestionResult(q, ConsultationRules.TextOf(q, chain, c.Culture)?.Text ?? "", n, bars, quotes));
        }
        return results;
    }
}
