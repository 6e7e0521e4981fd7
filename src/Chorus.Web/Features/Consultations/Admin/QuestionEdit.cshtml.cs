using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Consultations.Admin;

internal sealed class QuestionInput
{
    public QuestionKind Kind { get; set; }
    public bool Required { get; set; }
    public bool AllowOther { get; set; }

    [Range(1, 50, ErrorMessage = "Between 1 and 50.")]
    public int? MaxRanked { get; set; }

    [Range(1, Question.MostFileMegabytes, ErrorMessage = "Between 1 and 20.")]
    public int? MaxFileMegabytes { get; set; }

    public int? SectionId { get; set; }

    /// <summary>The question's words by culture; options one a line, in the same order in every language.</summary>
    public Dictionary<string, QuestionTextInput> Texts { get; set; } = [];

    /// <summary>Once answers exist: confirms the change of words is a correction, not a new question.</summary>
    public bool Correction { get; set; }

    [MaxLength(500, ErrorMessage = "Keep the note under 500 characters.")]
    public string? Note { get; set; }
}

internal sealed class QuestionTextInput
{
    [MaxLength(1000, ErrorMessage = "Keep the question under 1,000 characters.")] public string? Text { get; set; }
    [MaxLength(2000, ErrorMessage = "Keep the help under 2,000 characters.")] public string? Help { get; set; }
    [MaxLength(20_000, ErrorMessage = "The options are too long.")] public string? Options { get; set; }
}

/// <summary>
/// /admin/consultations/{id}/questions/{question|new}: a question's kind, words and options in each language. Once it
/// has answers its kind and options stay, and its words change only as a correction (the earlier words are kept).
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class QuestionEditModel(ChorusDb db, TimeProvider clock, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int Id { get; set; }
    [FromRoute] public string Question { get; set; } = "";

    [BindProperty] public QuestionInput Input { get; set; } = new();

    public Consultation Consultation { get; private set; } = null!;
    public Question? Existing { get; private set; }
    public int Answers { get; private set; }
    public IReadOnlyList<string> Cultures => [Consultation.Culture, .. site.Value.Cultures.Where(c => c != Consultation.Culture)];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(keepInput: false, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(keepInput: true, ct))
        {
            return NotFound();
        }
        var main = Input.Texts.GetValueOrDefault(Consultation.Culture);
        var key = $"Input.Texts[{Consultation.Culture}].Text";
        if (string.IsNullOrWhiteSpace(main?.Text))
        {
            ModelState.AddModelError(key, S["Write the question."]);
        }
        var choice = Input.Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Ranking;
        var lines = Cultures.ToDictionary(c => c, c => Lines(Input.Texts.GetValueOrDefault(c)?.Options));
        var count = lines[Consultation.Culture].Count;
        if (choice && count < 2)
        {
            ModelState.AddModelError($"Input.Texts[{Consultation.Culture}].Options", S["Write at least two options, one a line."]);
        }
        foreach (var c in Cultures.Skip(1).Where(c => lines[c].Count > 0 && lines[c].Count != count))
        {
            ModelState.AddModelError($"Input.Texts[{c}].Options", S["Write as many options as in the first language, in the same order."]);
        }
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", S["Choose from the list."]);
        }
        if (Input.SectionId is { } section && Consultation.Sections.All(s => s.Id != section))
        {
            ModelState.AddModelError("Input.SectionId", S["Choose from the list."]);
        }
        var q = Existing ?? new Question { ConsultationId = Id, Position = Consultation.Questions.Count == 0 ? 0 : Consultation.Questions.Max(x => x.Position) + 1 };
        var reworded = Existing is not null && Existing.Texts.Any(t => Input.Texts.GetValueOrDefault(t.Culture)?.Text?.Trim() != t.Text);
        var ordered = q.Options.OrderBy(o => o.Position).ThenBy(o => o.Id).ToList();
        // Options are matched to the stored ones by line: answers point at the option, so its words are the question's too.
        var optionChanges = (choice ? Cultures : []).SelectMany(c => ordered.Take(lines[c].Count).Select((o, i) => (Culture: c, Index: i,
            Before: o.Texts.FirstOrDefault(t => t.Culture == c)?.Text))).Where(x => x.Before is not null && x.Before != lines[x.Culture][x.Index]).ToList();
        if (Answers > 0)
        {
            if (Input.Kind != q.Kind || (choice && count < q.Options.Count))
            {
                ModelState.AddModelError("Input.Kind", S["This question has answers: its kind and options stay; add a new question instead."]);
            }
            // An option moved (or one inserted before it) would give its answers to another option's words.
            foreach (var c in optionChanges.Where(x => lines[x.Culture].Contains(x.Before!)).Select(x => x.Culture).Distinct())
            {
                ModelState.AddModelError($"Input.Texts[{c}].Options", S["This question has answers: keep its options in their order and add new ones at the end."]);
            }
            reworded |= optionChanges.Count > 0;
            if (reworded && !Input.Correction)
            {
                ModelState.AddModelError("Input.Correction", S["This question has answers: a change of words must be a correction (tick the box), or add a new question."]);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (Answers > 0 && reworded)
        {
            var note = string.IsNullOrWhiteSpace(Input.Note) ? null : Input.Note.Trim();
            foreach (var t in q.Texts.Where(t => Input.Texts.GetValueOrDefault(t.Culture)?.Text?.Trim() != t.Text))
            {
                q.Revisions.Add(new QuestionRevision { Culture = t.Culture, Text = t.Text, Note = note, ReplacedAt = now });
            }
            foreach (var (culture, index, before) in optionChanges)
            {
                var which = note is null ? S["Option {0}", index + 1].Value : S["Option {0}: {1}", index + 1, note].Value;
                q.Revisions.Add(new QuestionRevision { Culture = culture, Text = before!, Note = which.Length > 500 ? which[..500] : which, ReplacedAt = now });
            }
        }
        (q.Kind, q.Required, q.AllowOther, q.SectionId) = (Input.Kind, Input.Required, choice && Input.Kind != QuestionKind.Ranking && Input.AllowOther, Input.SectionId);
        q.MaxRanked = Input.Kind == QuestionKind.Ranking ? Input.MaxRanked : null;
        q.MaxFileMegabytes = Input.Kind == QuestionKind.File ? Input.MaxFileMegabytes : null;
        foreach (var c in Cultures)
        {
            var typed = Input.Texts.GetValueOrDefault(c);
            var existing = q.Texts.FirstOrDefault(t => t.Culture == c);
            if (string.IsNullOrWhiteSpace(typed?.Text))
            {
                if (existing is not null)
                {
                    q.Texts.Remove(existing);
                }
                continue;
            }
            if (existing is null)
            {
                q.Texts.Add(existing = new QuestionText { Culture = c, Text = "" });
            }
            var help = string.IsNullOrWhiteSpace(typed.Help) ? null : typed.Help.Trim();
            if (existing.Text != typed.Text.Trim() || existing.Help != help)
            {
                (existing.Text, existing.Help, existing.IsMachineDraft) = (typed.Text.Trim(), help, false);
            }
        }
        for (var i = 0; i < (choice ? count : 0); i++)
        {
            var option = i < ordered.Count ? ordered[i] : null;
            if (option is null)
            {
                q.Options.Add(option = new QuestionOption { Position = i });
            }
            option.Position = i;
            foreach (var c in Cultures)
            {
                var text = lines[c].Count > i ? lines[c][i] : null;
                var existing = option.Texts.FirstOrDefault(t => t.Culture == c);
                if (text is null)
                {
                    if (existing is not null)
                    {
                        option.Texts.Remove(existing);
                    }
                }
                else if (existing is null)
                {
                    option.Texts.Add(new OptionText { Culture = c, Text = text });
                }
                else if (existing.Text != text)
                {
                    (existing.Text, existing.IsMachineDraft) = (text, false);
                }
            }
        }
        foreach (var extra in ordered.Skip(choice ? count : 0))
        {
            q.Options.Remove(extra);
        }
        if (Existing is null)
        {
            db.ConsultationQuestions.Add(q);
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return Redirect($"/admin/consultations/{Id}/questions#q{q.Id}");
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => l.Length > 500 ? l[..500] : l)];

    private async Task<bool> LoadAsync(bool keepInput, CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().Include(x => x.Sections).ThenInclude(s => s.Texts).Include(x => x.Questions)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == Id && x.DeletedAt == null, ct);
        if (c is null)
        {
            return false;
        }
        Consultation = c;
        if (Question == "new")
        {
            Title = S["New question"];
            return true;
        }
        if (!int.TryParse(Question, CultureInfo.InvariantCulture, out var qid))
        {
            return false;
        }
        Existing = await db.ConsultationQuestions.Include(q => q.Texts).Include(q => q.Options).ThenInclude(o => o.Texts).Include(q => q.Revisions)
            .AsSplitQuery().SingleOrDefaultAsync(q => q.Id == qid && q.ConsultationId == Id, ct);
        if (Existing is not { } q)
        {
            return false;
        }
        Answers = await db.ConsultationAnswers.CountAsync(a => a.QuestionId == q.Id, ct);
        Title = S["Edit a question"];
        if (!keepInput)
        {
            var options = q.Options.OrderBy(o => o.Position).ThenBy(o => o.Id).ToList();
            Input = new QuestionInput
            {
                Kind = q.Kind, Required = q.Required, AllowOther = q.AllowOther, MaxRanked = q.MaxRanked, MaxFileMegabytes = q.MaxFileMegabytes, SectionId = q.SectionId,
                Texts = Cultures.ToDictionary(culture => culture, culture => new QuestionTextInput
                {
                    Text = q.Texts.FirstOrDefault(t => t.Culture == culture)?.Text, Help = q.Texts.FirstOrDefault(t => t.Culture == culture)?.Help,
                    Options = string.Join('\n', options.Select(o => o.Texts.FirstOrDefault(t => t.Culture == culture)?.Text).OfType<string>()),
                }),
            };
        }
        return true;
    }

    public string Label(QuestionKind kind) => S[ConsultationLabels.Of(kind)];
}
