using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Consultations.Admin;

/// <summary>/admin/consultations/{id}/questions: the questions in order, moved up and down with buttons (no script needed), and the sections.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class QuestionsModel(ChorusDb db, Microsoft.Extensions.Options.IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int Id { get; set; }

    /// <summary>The new section's title in each language (the consultation's own is required).</summary>
    [BindProperty]
    public Dictionary<string, string?> SectionTitles { get; set; } = [];

    public Consultation Consultation { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>Swaps a question with its neighbour in the same section.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int question, string direction, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var list = Questions.ToList();
        var i = list.FindIndex(q => q.Id == question);
        var j = direction == "up" ? i - 1 : i + 1;
        if (i >= 0 && j >= 0 && j < list.Count)
        {
            var (a, b) = (await db.ConsultationQuestions.SingleAsync(q => q.Id == list[i].Id, ct), await db.ConsultationQuestions.SingleAsync(q => q.Id == list[j].Id, ct));
            // Moving past the first or last question of a section moves the question into the next section.
            (a.SectionId, b.SectionId) = (b.SectionId, a.SectionId);
            // Renumber the whole list so positions are distinct, then swap.
            var all = await db.ConsultationQuestions.Where(q => q.ConsultationId == Id).ToListAsync(ct);
            foreach (var q in all)
            {
                q.Position = list.FindIndex(x => x.Id == q.Id);
            }
            (a.Position, b.Position) = (j, i);
            await db.SaveChangesAsync(ct);
        }
        return Redirect($"/admin/consultations/{Id}/questions#q{question}");
    }

    public async Task<IActionResult> OnPostSectionAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        var titles = SectionTitles.Where(t => Cultures.Contains(t.Key) && !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => t.Key, t => t.Value!.Trim() is var v && v.Length > 300 ? v[..300] : t.Value!.Trim());
        if (!titles.ContainsKey(Consultation.Culture))
        {
            ModelState.AddModelError($"SectionTitles[{Consultation.Culture}]", S["Give the section a title."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.Add(new ConsultationSection
        {
            ConsultationId = Id, Position = Consultation.Sections.Count == 0 ? 0 : Consultation.Sections.Max(s => s.Position) + 1,
            Texts = [.. titles.Select(t => new SectionText { Culture = t.Key, Title = t.Value })],
        });
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/consultations/{Id}/questions");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().Include(x => x.Sections).ThenInclude(s => s.Texts)
            .Include(x => x.Questions).ThenInclude(q => q.Texts).Include(x => x.Questions).ThenInclude(q => q.Options)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == Id && x.DeletedAt == null, ct);
        if (c is null)
        {
            return false;
        }
        (Consultation, Questions) = (c, ConsultationRules.Ordered(c));
        Title = S["Questions of “{0}”", c.Title];
        return true;
    }

    /// <summary>Deletes a question that has no answers yet (one with answers stays: they would lose their meaning).</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int question, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (await db.ConsultationAnswers.AnyAsync(a => a.QuestionId == question, ct))
        {
            ModelState.AddModelError("", S["This question has answers: it cannot be deleted."]);
            return Page();
        }
        if (await db.ConsultationQuestions.SingleOrDefaultAsync(q => q.Id == question && q.ConsultationId == Id, ct) is { } q)
        {
            db.ConsultationQuestions.Remove(q);
            await db.SaveChangesAsync(ct);
        }
        return Redirect($"/admin/consultations/{Id}/questions");
    }

    /// <summary>The site's languages, the consultation's own first.</summary>
    public IReadOnlyList<string> Cultures => [Consultation.Culture, .. site.Value.Cultures.Where(c => c != Consultation.Culture)];

    public string Label(QuestionKind kind) => S[ConsultationLabels.Of(kind)];

    public static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
