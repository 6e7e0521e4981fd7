using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

/// <summary>A consultation linked from the event where it is presented or the statement that comes out of it.</summary>
internal sealed record ConsultationLink(string Slug, string Title, string Culture, bool ResultsPublished);

internal static class ConsultationLinks
{
    /// <summary>A linked consultation as kept in memory: every language's title, and when it opens.</summary>
    internal sealed record Linked(int? EventId, int? PostId, DateTime OpensAt, int Id, Consultation Consultation);

    /// <summary>
    /// The consultations presented at an event, or followed by a post. Every event and post page asks, so the few
    /// consultations linked to anything are kept in memory (<see cref="ShownData"/>) until a write to a consultation: the
    /// pages send no statement more. The page is tagged so such a write evicts it.
    /// </summary>
    public static async Task<IReadOnlyList<ConsultationLink>> OfAsync(ChorusDb db, ShownData shown, HttpContext http, IReadOnlyList<string> chain,
        DateTime now, int? eventId, int? postId, CancellationToken ct)
    {
        http.Show(Shown.Consultations);
        var linked = await shown.GetAsync("consultation-links", [Shown.Consultations], async ct2 =>
            (await db.Consultations.AsNoTracking().Include(c => c.Translations).Where(c => c.DeletedAt == null && (c.EventId != null || c.PostId != null))
                .OrderBy(c => c.OpensAt).ThenBy(c => c.Id).ToListAsync(ct2))
            .Select(c => new Linked(c.EventId, c.PostId, c.OpensAt, c.Id, c)).ToList(), ct);
        return [.. linked.Where(l => l.OpensAt <= now && ((eventId != null && l.EventId == eventId) || (postId != null && l.PostId == postId))).Select(l =>
        {
            var text = ConsultationRules.Best(l.Consultation, chain);
            return new ConsultationLink(l.Consultation.Slug, text.Title, text.Culture, l.Consultation.ResultsPublished);
        })];
    }
}
