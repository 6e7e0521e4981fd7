using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

/// <summary>A consultation linked from the event where it is presented or the statement that comes out of it.</summary>
internal sealed record ConsultationLink(string Slug, string Title, string Culture, bool ResultsPublished);

internal static class ConsultationLinks
{
    /// <summary>
    /// The consultations presented at an event, or followed by a post; the page showing them is tagged so a change to
    /// a consultation evicts it.
    /// </summary>
    public static async Task<IReadOnlyList<ConsultationLink>> OfAsync(ChorusDb db, HttpContext http, IReadOnlyList<string> chain, DateTime now,
        int? eventId, int? postId, CancellationToken ct)
    {
        http.Show(Shown.Consultations);
        var list = await db.Consultations.AsNoTracking().Include(c => c.Translations).Listed(now)
            .Where(c => (eventId != null && c.EventId == eventId) || (postId != null && c.PostId == postId))
            .OrderBy(c => c.OpensAt).ThenBy(c => c.Id).ToListAsync(ct);
        return [.. list.Select(c =>
        {
            var text = ConsultationRules.Best(c, chain);
            return new ConsultationLink(c.Slug, text.Title, text.Culture, c.ResultsPublished);
        })];
    }
}
