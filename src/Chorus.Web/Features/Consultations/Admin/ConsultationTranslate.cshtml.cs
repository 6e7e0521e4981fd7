using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Localization.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Consultations.Admin;

/// <summary>What a translator types: the consultation's words in one language, each beside its original.</summary>
internal sealed class ConsultationWordsInput
{
    [MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string? Title { get; set; }

    [MaxLength(50_000, ErrorMessage = "The text is too long.")]
    public string? Introduction { get; set; }

    /// <summary>Section titles, by section id.</summary>
    public Dictionary<int, string?> Sections { get; set; } = [];

    /// <summary>Question texts, by question id.</summary>
    public Dictionary<int, string?> Questions { get; set; } = [];

    /// <summary>Questions' help, by question id.</summary>
    public Dictionary<int, string?> Help { get; set; } = [];

    /// <summary>Option texts, by option id.</summary>
    public Dictionary<int, string?> Options { get; set; } = [];
}

/// <summary>
/// /admin/translations/consultations/{id}/{culture}: every word of a consultation (title, introduction, sections,
/// questions, help, options) in its own language beside a field for one other language, machine drafts marked. Saving
/// makes every text on the page a person's. Translators may open only the languages assigned to them, as for posts;
/// a question that has answers keeps its earlier words in its history when they change.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Editor},{Roles.Translator}")]
internal sealed class ConsultationTranslateModel(ChorusDb db, UserManager<ChorusUser> users, TimeProvider clock, IOptions<SiteOptions> site,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int Id { get; set; }

    [FromRoute(Name = "culture")] public string Target { get; set; } = "";

    [BindProperty] public ConsultationWordsInput Input { get; set; } = new();

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];

    /// <summary>Whether the text now stored in the target language is an unreviewed machine draft (by field name).</summary>
    public IReadOnlySet<string> MachineDrafts { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var c = Consultation;
        var t = c.Translations.FirstOrDefault(x => x.Culture == Target);
        Input = new ConsultationWordsInput
        {
            Title = t?.Title, Introduction = t?.IntroductionMarkdown,
            Sections = c.Sections.ToDictionary(s => s.Id, s => s.Texts.FirstOrDefault(x => x.Culture == Target)?.Title),
            Questions = Questions.ToDictionary(q => q.Id, q => q.Texts.FirstOrDefault(x => x.Culture == Target)?.Text),
            Help = Questions.ToDictionary(q => q.Id, q => q.Texts.FirstOrDefault(x => x.Culture == Target)?.Help),
            Options = Questions.SelectMany(q => q.Options).ToDictionary(o => o.Id, o => o.Texts.FirstOrDefault(x => x.Culture == Target)?.Text),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refused)
        {
            return refused;
        }
        var c = Consultation;
        foreach (var (id, text) in Input.Sections.Where(x => x.Value?.Length > 300))
        {
            ModelState.AddModelError($"Input.Sections[{id}]", S["Keep the title under 300 characters."]);
        }
        foreach (var (id, text) in Input.Questions.Where(x => x.Value?.Length > 1000))
        {
            ModelState.AddModelError($"Input.Questions[{id}]", S["Keep the question under 1,000 characters."]);
        }
        foreach (var (id, text) in Input.Help.Where(x => x.Value?.Length > 2000))
        {
            ModelState.AddModelError($"Input.Help[{id}]", S["Keep the help under 2,000 characters."]);
        }
        foreach (var (id, text) in Input.Options.Where(x => x.Value?.Length > 500))
        {
            ModelState.AddModelError($"Input.Options[{id}]", S["Keep the option under 500 characters."]);
        }
        // Options line up by position in the question editor: a language has all of a question's options or none.
        foreach (var q in Questions.Where(q => q.Options.Count > 1))
        {
            var given = q.Options.Count(o => !string.IsNullOrWhiteSpace(Input.Options.GetValueOrDefault(o.Id)));
            if (given > 0 && given < q.Options.Count)
            {
                foreach (var o in q.Options.Where(o => string.IsNullOrWhiteSpace(Input.Options.GetValueOrDefault(o.Id))))
                {
                    ModelState.AddModelError($"Input.Options[{o.Id}]", S["Give every option of this question in this language, or none."]);
                }
            }
        }
        if (string.IsNullOrWhiteSpace(Input.Title) && !string.IsNullOrWhiteSpace(Input.Introduction))
        {
            ModelState.AddModelError("Input.Title", S["Give the title in this language too, or leave both empty."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        static string? Typed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        var translation = c.Translations.FirstOrDefault(x => x.Culture == Target);
        if (Typed(Input.Title) is { } title)
        {
            translation ??= Added(c.Translations, new ConsultationTranslation { Culture = Target, Title = title });
            (translation.Title, translation.IntroductionMarkdown, translation.IsMachineDraft) = (title, Input.Introduction?.Trim() ?? "", false);
        }
        else if (translation is not null)
        {
            c.Translations.Remove(translation);
        }
        // Only what the form carried: a section, question or option added since it was opened keeps its words.
        foreach (var s in c.Sections.Where(s => Input.Sections.ContainsKey(s.Id)))
        {
            Put(s.Texts, t => t.Culture, Typed(Input.Sections.GetValueOrDefault(s.Id)), (t, v) => (t.Title, t.IsMachineDraft) = (v, false),
                v => new SectionText { Culture = Target, Title = v });
        }
        var ids = Questions.Select(q => q.Id).ToList();
        var answered = await db.ConsultationAnswers.Where(a => ids.Contains(a.QuestionId)).Select(a => a.QuestionId).Distinct().ToListAsync(ct);
        foreach (var q in Questions.Where(q => Input.Questions.ContainsKey(q.Id)))
        {
            var existing = q.Texts.FirstOrDefault(t => t.Culture == Target);
            var text = Typed(Input.Questions.GetValueOrDefault(q.Id));
            if (existing is not null && text != existing.Text && answered.Contains(q.Id))
            {
                // Answers exist: the words they answered stay on record.
                q.Revisions.Add(new QuestionRevision { Culture = Target, Text = existing.Text, Note = S["Translation corrected"], ReplacedAt = now });
            }
            Put(q.Texts, t => t.Culture, text, (t, v) => (t.Text, t.Help, t.IsMachineDraft) = (v, Typed(Input.Help.GetValueOrDefault(q.Id)), false),
                v => new QuestionText { Culture = Target, Text = v });
            foreach (var o in q.Options.Where(o => Input.Options.ContainsKey(o.Id)))
            {
                Put(o.Texts, t => t.Culture, Typed(Input.Options.GetValueOrDefault(o.Id)), (t, v) => (t.Text, t.IsMachineDraft) = (v, false),
                    v => new OptionText { Culture = Target, Text = v });
            }
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return Redirect($"/admin/translations/consultations/{c.Id}/{Target}");
    }

    /// <summary>Sets the text in the target language: written, added when missing, removed when left empty.</summary>
    private void Put<T>(List<T> texts, Func<T, string> culture, string? value, Action<T, string> write, Func<string, T> create) where T : class
    {
        var existing = texts.FirstOrDefault(t => culture(t) == Target);
        if (value is null)
        {
            if (existing is not null)
            {
                texts.Remove(existing);
            }
            return;
        }
        write(existing ?? Added(texts, create(value)), value);
    }

    private static T Added<T>(List<T> list, T item)
    {
        list.Add(item);
        return item;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var editable = await TranslatorRights.EditableCulturesAsync(users, User, site.Value.Cultures);
        if (!site.Value.Cultures.Contains(Target))
        {
            return NotFound();
        }
        if (!editable.Contains(Target))
        {
            return Forbid();
        }
        var c = await db.Consultations.WithWords().SingleOrDefaultAsync(x => x.Id == Id && x.DeletedAt == null, ct);
        if (c is null || c.Culture == Target)
        {
            return NotFound();
        }
        (Consultation, Questions) = (c, ConsultationRules.Ordered(c));
        Title = S["“{0}” in {1}", c.Title, S[Infrastructure.Cultures.NameKey(Target)]];
        var drafts = new HashSet<string>();
        if (c.Translations.FirstOrDefault(t => t.Culture == Target) is { IsMachineDraft: true })
        {
            drafts.Add("Input.Title");
        }
        drafts.UnionWith(c.Sections.Where(s => s.Texts.Any(t => t.Culture == Target && t.IsMachineDraft)).Select(s => $"Input.Sections[{s.Id}]"));
        drafts.UnionWith(c.Questions.Where(q => q.Texts.Any(t => t.Culture == Target && t.IsMachineDraft)).Select(q => $"Input.Questions[{q.Id}]"));
        drafts.UnionWith(c.Questions.SelectMany(q => q.Options).Where(o => o.Texts.Any(t => t.Culture == Target && t.IsMachineDraft)).Select(o => $"Input.Options[{o.Id}]"));
        MachineDrafts = drafts;
        return null;
    }
}
