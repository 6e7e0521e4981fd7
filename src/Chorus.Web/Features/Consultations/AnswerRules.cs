using Chorus.Web.Features.Organisations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Consultations;

/// <summary>Turns typed answers into answer rows and back, with a message next to each question that needs one.</summary>
internal static class AnswerRules
{
    public static string Key(int questionId) => $"Input.Answers[{questionId}]";

    /// <summary>
    /// The rows for these answers. A required question left empty gets a message when <paramref name="complete"/> (sending;
    /// saving a draft asks nothing); anything the form cannot have sent (an unknown option, a rank out of range) too.
    /// </summary>
    public static List<Answer> Read(IReadOnlyList<Question> questions, IReadOnlyDictionary<int, AnswerInput> input, bool complete,
        ModelStateDictionary errors, IStringLocalizer S, IReadOnlyDictionary<int, ReceivedFile>? files = null)
    {
        var rows = new List<Answer>();
        foreach (var q in questions)
        {
            var a = input.GetValueOrDefault(q.Id) ?? new AnswerInput();
            var before = rows.Count;
            var key = Key(q.Id);
            var options = q.Options.Select(o => o.Id).ToHashSet();
            switch (q.Kind)
            {
                case QuestionKind.ShortText or QuestionKind.LongText:
                    if (!string.IsNullOrWhiteSpace(a.Text))
                    {
                        rows.Add(new Answer { QuestionId = q.Id, Text = a.Text.Trim() });
                    }
                    break;
                case QuestionKind.Country:
                    if (!string.IsNullOrEmpty(a.Text))
                    {
                        if (a.Text == "int" || Countries.Get(a.Text) is not null)
                        {
                            rows.Add(new Answer { QuestionId = q.Id, Text = a.Text == "int" ? "int" : Countries.Get(a.Text)!.Code });
                        }
                        else
                        {
                            errors.AddModelError(key, S["Choose a country from the list."]);
                        }
                    }
                    break;
                case QuestionKind.Scale:
                    if (a.Scale is { } n)
                    {
                        if (n is >= 1 and <= 5)
                        {
                            rows.Add(new Answer { QuestionId = q.Id, Number = n });
                        }
                        else
                        {
                            errors.AddModelError(key, S["Choose a value from 1 to 5."]);
                        }
                    }
                    break;
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    var chosen = q.Kind == QuestionKind.SingleChoice ? (a.Choice is { } c ? [c] : []) : a.Choices.Distinct().ToList();
                    if (chosen.Any(c => c != 0 && !options.Contains(c)) || (chosen.Contains(0) && !q.AllowOther))
                    {
                        errors.AddModelError(key, S["Choose from the list."]);
                        break;
                    }
                    foreach (var option in chosen.Where(c => c != 0))
                    {
                        rows.Add(new Answer { QuestionId = q.Id, OptionId = option });
                    }
                    if (chosen.Contains(0))
                    {
                        if (string.IsNullOrWhiteSpace(a.Other))
                        {
                            errors.AddModelError(key, S["You chose “Other”: say what."]);
                        }
                        rows.Add(new Answer { QuestionId = q.Id, IsOther = true, Text = a.Other?.Trim() });
                    }
                    else if (q.AllowOther && !string.IsNullOrWhiteSpace(a.Other) && (q.Kind == QuestionKind.MultipleChoice || chosen.Count == 0))
                    {
                        // Typed into "Other" without ticking it: the text is what they meant (unless they then picked one
                        // option of a single choice: that is their one answer).
                        rows.Add(new Answer { QuestionId = q.Id, IsOther = true, Text = a.Other.Trim() });
                    }
                    break;
                case QuestionKind.File:
                    if (files?.GetValueOrDefault(q.Id) is { } file)
                    {
                        rows.Add(new Answer { QuestionId = q.Id, FileId = file.Id, Text = file.Name });
                    }
                    break;
                case QuestionKind.Ranking:
                    var max = Math.Min(q.MaxRanked ?? q.Options.Count, q.Options.Count);
                    var ranked = a.Ranks.Where(r => r.Value is not null).ToList();
                    if (ranked.Any(r => !options.Contains(r.Key) || r.Value < 1 || r.Value > max))
                    {
                        errors.AddModelError(key, S["Choose from the list."]);
                        break;
                    }
                    if (ranked.GroupBy(r => r.Value).Any(g => g.Count() > 1))
                    {
                        errors.AddModelError(key, S["Give each rank to one option only."]);
                        break;
                    }
                    rows.AddRange(ranked.Select(r => new Answer { QuestionId = q.Id, OptionId = r.Key, Rank = r.Value }));
                    break;
            }
            if (complete && q.Required && rows.Count == before && errors.GetFieldValidationState(key) != ModelValidationState.Invalid)
            {
                errors.AddModelError(key, S["This question needs an answer."]);
            }
        }
        return rows;
    }

    /// <summary>The form's values for stored rows (a draft or an answer being changed through the private link).</summary>
    public static Dictionary<int, AnswerInput> ToInput(IEnumerable<Answer> rows)
    {
        var result = new Dictionary<int, AnswerInput>();
        foreach (var row in rows)
        {
            if (!result.TryGetValue(row.QuestionId, out var a))
            {
                result[row.QuestionId] = a = new AnswerInput();
            }
            if (row.FileId is not null)
            {
                a.File = AnswerFiles.Kept;
            }
            else if (row.IsOther)
            {
                // An option row of a single choice wins over "Other" (answers stored before the rule above had both).
                (a.Other, a.Choice) = (row.Text, a.Choice ?? 0);
                a.Choices.Add(0);
            }
            else if (row is { OptionId: { } option, Rank: { } rank })
            {
                a.Ranks[option] = rank;
            }
            else if (row.OptionId is { } chosen)
            {
                a.Choice = chosen;
                a.Choices.Add(chosen);
            }
            else if (row.Number is { } n)
            {
                a.Scale = n;
            }
            else
            {
                a.Text = row.Text;
            }
        }
        return result;
    }
}
