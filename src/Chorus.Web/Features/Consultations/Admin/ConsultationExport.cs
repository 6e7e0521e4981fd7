using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations.Admin;

/// <summary>
/// The answers as a table, for the CSV, XLSX and JSON exports: one row per response, one column per question (a choice's
/// "Other" text in its own column beside it), option texts in one chosen language. Contact data is included: the file is
/// private to staff and every download is audited.
/// </summary>
internal static class ConsultationExport
{
    public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

    public static async Task<Table> BuildAsync(ChorusDb db, Consultation c, IQueryable<Response> responses, string culture, CancellationToken ct)
    {
        var questions = ConsultationRules.Ordered(c);
        var chain = new[] { culture };
        var header = new List<string> { "id", "state", "kind", "name", "country", "type", "badge", "language", "confirmed_utc", "highlight", "themes",
            "attribution_consent", "respondent", "role", "email" };
        foreach (var (q, i) in questions.Select((q, i) => (q, i + 1)))
        {
            var text = ConsultationRules.TextOf(q, chain, c.Culture)?.Text ?? "";
            header.Add($"Q{i}. {text}");
            if (q.AllowOther)
            {
                header.Add($"Q{i}. {text} (other)");
            }
        }
        var options = questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => ConsultationRules.OptionLabel(o, chain, c.Culture));
        var list = await responses.AsNoTracking().Include(r => r.Answers).OrderBy(r => r.Id).AsSplitQuery().ToListAsync(ct);
        var rows = new List<IReadOnlyList<string>>(list.Count);
        foreach (var r in list)
        {
            var row = new List<string>
            {
                r.Id.ToString(CultureInfo.InvariantCulture), r.State.ToString(), r.IsIndividual ? "individual" : "organisation", r.Name, r.Country ?? "",
                r.Type?.ToString() ?? "", r.Badge.ToString(), r.Culture, r.ConfirmedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "",
                r.Highlight ? "yes" : "no", string.Join("; ", r.Themes), r.AttributionConsent ? "yes" : "no", r.RespondentName ?? "", r.Role ?? "", r.Email ?? "",
            };
            foreach (var q in questions)
            {
                var mine = r.Answers.Where(a => a.QuestionId == q.Id).ToList();
                row.Add(q.Kind switch
                {
                    QuestionKind.SingleChoice or QuestionKind.MultipleChoice =>
                        string.Join("; ", mine.Where(a => a.OptionId is not null).Select(a => options.GetValueOrDefault(a.OptionId!.Value, "")).Concat(mine.Any(a => a.IsOther) ? ["Other"] : [])),
                    QuestionKind.Ranking => string.Join("; ", mine.Where(a => a.Rank is not null).OrderBy(a => a.Rank)
                        .Select(a => $"{a.Rank}. {options.GetValueOrDefault(a.OptionId ?? 0, "")}")),
                    QuestionKind.Scale => mine.FirstOrDefault()?.Number?.ToString(CultureInfo.InvariantCulture) ?? "",
                    QuestionKind.Country => mine.FirstOrDefault()?.Text is { } code ? code == "int" ? "International" : Countries.Name(code, culture) : "",
                    _ => mine.FirstOrDefault()?.Text ?? "",
                });
                if (q.AllowOther)
                {
                    row.Add(mine.FirstOrDefault(a => a.IsOther)?.Text ?? "");
                }
            }
            rows.Add(row);
        }
        return new Table(header, rows);
    }
}
