using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Consultations;

/// <summary>
/// /{culture}/consultations/{slug}/results: what was heard, once the secretariat publishes it (cached; evicted by a
/// confirmed answer or a change). Free-text answers appear only where the consultation allows it, named only with consent.
/// </summary>
internal sealed class ConsultationResultsModel(ChorusDb db, ShownData shown, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Slug { get; set; } = "";

    public Consultation Consultation { get; private set; } = null!;
    public ConsultationText Text { get; private set; } = null!;
    public IReadOnlyList<QuestionResult> Results { get; private set; } = [];
    public Turnout Turnout { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await ConsultationRules.LoadAsync(db, shown, Slug, ct) is not { ResultsPublished: true } c)
        {
            return NotFound();
        }
        (Consultation, Text) = (c, ConsultationRules.Best(c, Chain));
        Title = S["Results: {0}", Text.Title];
        Description = S["What the consultation “{0}” heard.", Text.Title];
        Results = await ConsultationResults.ComputeAsync(db, shown, c, Chain, c.AnswersPublishable ? QuoteSet.Highlighted : QuoteSet.None, ct);
        Turnout = await AnswerModel.TurnoutAsync(db, shown, c.Id, ct);
        return Page();
    }
}
