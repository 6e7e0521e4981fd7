using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Chorus.Web.Features.Consultations;

/// <summary>A consultation's words in the best language available for a reader.</summary>
internal sealed record ConsultationText(string Title, string IntroductionMarkdown, string IntroductionHtml, string Culture, bool IsMachineDraft);

/// <summary>What counts, which words a reader sees, and which cached pages a response changes.</summary>
internal static class ConsultationRules
{
    /// <summary>
    /// A response changes public pages (counts, results) only when it is or was confirmed: drafts and unconfirmed answers
    /// change nothing shown, so a stranger sending forms cannot empty the cache.
    /// </summary>
    public static IEnumerable<string> ShownOn(EntityEntry entry)
    {
        var r = (Response)entry.Entity;
        return entry.Before<ResponseState>(nameof(Response.State)) == ResponseState.Confirmed || r.State == ResponseState.Confirmed
            ? [Shown.Consultations] : [];
    }

    /// <summary>Counted in the results and the public figures.</summary>
    public static IQueryable<Response> Counted(this IQueryable<Response> responses, int consultationId) =>
        responses.Where(r => r.ConsultationId == consultationId && r.State == ResponseState.Confirmed);

    /// <summary>With every word it has in every language: translations, sections, questions and options with their texts.</summary>
    public static IQueryable<Consultation> WithWords(this IQueryable<Consultation> consultations) =>
        consultations.Include(c => c.Translations).Include(c => c.Sections).ThenInclude(s => s.Texts)
            .Include(c => c.Questions).ThenInclude(q => q.Texts).Include(c => c.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Texts)
            .AsSplitQuery();

    public static IQueryable<Consultation> Listed(this IQueryable<Consultation> consultations, DateTime now) =>
        consultations.Where(c => c.DeletedAt == null && c.OpensAt <= now);

    public static ConsultationText Best(Consultation c, IReadOnlyList<string> chain)
    {
        foreach (var culture in chain)
        {
            if (culture == c.Culture)
            {
                break;
            }
            if (c.Translations.FirstOrDefault(t => t.Culture == culture) is { } t)
            {
                return new ConsultationText(t.Title, t.IntroductionMarkdown, t.IntroductionHtml, t.Culture, t.IsMachineDraft);
            }
        }
        return new ConsultationText(c.Title, c.IntroductionMarkdown, c.IntroductionHtml, c.Culture, false);
    }

    /// <summary>The first text in the reader's chain of languages, else the consultation's own language, else any.</summary>
    public static T? Best<T>(IReadOnlyList<T> texts, Func<T, string> culture, IReadOnlyList<string> chain, string original) where T : class =>
        chain.Select(c => texts.FirstOrDefault(t => culture(t) == c)).FirstOrDefault(t => t is not null)
        ?? texts.FirstOrDefault(t => culture(t) == original) ?? (texts.Count > 0 ? texts[0] : null);

    public static QuestionText? TextOf(Question q, IReadOnlyList<string> chain, string original) => Best(q.Texts, t => t.Culture, chain, original);

    public static string OptionLabel(QuestionOption o, IReadOnlyList<string> chain, string original) =>
        Best(o.Texts, t => t.Culture, chain, original)?.Text ?? "";

    public static string SectionTitle(ConsultationSection s, IReadOnlyList<string> chain, string original) =>
        Best(s.Texts, t => t.Culture, chain, original)?.Title ?? "";

    /// <summary>The language of the section title a reader is shown.</summary>
    public static string? SectionCulture(ConsultationSection s, IReadOnlyList<string> chain, string original) =>
        Best(s.Texts, t => t.Culture, chain, original)?.Culture;

    /// <summary>
    /// A consultation with everything its form and results show, kept in memory (<see cref="ShownData"/>) until a write
    /// to any consultation evicts it: every answer page reads it. Only slugs that exist get an entry.
    /// </summary>
    public static async Task<Consultation?> LoadAsync(ChorusDb db, ShownData shown, string slug, CancellationToken ct)
    {
        var id = await db.Consultations.Where(c => c.Slug == slug && c.DeletedAt == null).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await shown.GetAsync($"consultation:{id}", [Shown.Consultations], ct2 =>
            db.Consultations.AsNoTracking().WithWords().Include(c => c.Event).Include(c => c.Post)
                .FirstOrDefaultAsync(c => c.Id == id && c.DeletedAt == null, ct2), ct);
    }

    /// <summary>Questions in order: by their section's position (none first), then their own.</summary>
    public static IReadOnlyList<Question> Ordered(Consultation c)
    {
        var sections = c.Sections.ToDictionary(s => s.Id, s => s.Position);
        return [.. c.Questions.OrderBy(q => q.SectionId is { } s && sections.TryGetValue(s, out var p) ? p + 1 : 0).ThenBy(q => q.Position).ThenBy(q => q.Id)];
    }

    /// <summary>Forgets who answered (email, name, role, consent to contact, and the mail sent to them); the answers stay.</summary>
    public static async Task EraseContactAsync(ChorusDb db, Response r, DateTime now, CancellationToken ct)
    {
        await db.ForgetMailToAsync(r.Email, ct);
        (r.Email, r.Role, r.RespondentName, r.ContactConsent, r.ContactErasedAt) = (null, null, null, false, now);
        if (r.IsIndividual)
        {
            // A person's key is a hash of their email: it goes with the address.
            r.RespondentKey = null;
            r.Name = r.AttributionConsent ? r.Name : "";
        }
    }
}
