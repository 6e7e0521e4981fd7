using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Consultations;

internal sealed record ConsultationSummary(string Slug, ConsultationText Text, DateTime ClosesAt, bool Open, bool ResultsPublished);

/// <summary>/{culture}/consultations: every consultation, newest first, open or closed (cached; evicted as one opens or closes).</summary>
internal sealed class ConsultationsIndexModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<ConsultationSummary> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Consultations"];
        var now = clock.GetUtcNow().UtcDateTime;
        var list = await db.Consultations.AsNoTracking().Listed(now).Include(c => c.Translations)
            .OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        Items = [.. list.Select(c => new ConsultationSummary(c.Slug, ConsultationRules.Best(c, Chain), c.ClosesAt, c.IsOpen(now), c.ResultsPublished))];
    }
}
