using Chorus.Web.Data;
using Chorus.Web.Features.Localization.Machine;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

/// <summary>
/// Machine drafts of the words a consultation lacks in a language (title and introduction, section titles, questions, help
/// and options), made from its own language through the translation queue, like posts: the editor asks, the queue's worker
/// calls the configured providers (with their cache and retries), and each text is marked as a machine draft (shown with
/// a label) until a person saves the words. Texts a person wrote are never replaced.
/// </summary>
internal static class MachineDrafts
{
    /// <summary>Queues a draft for each language that lacks words; returns those queued and those no configured service reaches.</summary>
    public static async Task<(List<string> Queued, List<string> Unreachable)> EnqueueAsync(ChorusDb db, TranslationJobs jobs, MachineTranslator translator,
        int consultationId, IReadOnlyList<string> cultures, CancellationToken ct)
    {
        var c = await LoadAsync(db, consultationId, tracked: false, ct);
        var (queued, unreachable) = (new List<string>(), new List<string>());
        foreach (var to in cultures.Where(x => x != c.Culture && Lacks(c, x)))
        {
            if (translator.Route(c.Culture, to).Count == 0)
            {
                unreachable.Add(to);
                continue;
            }
            await jobs.EnqueueConsultationAsync(db, c.Id, to, ct);
            queued.Add(to);
        }
        return (queued, unreachable);
    }

    /// <summary>Whether any of the consultation's words has no text in <paramref name="culture"/>.</summary>
    public static bool Lacks(Consultation c, string culture) =>
        c.Translations.All(t => t.Culture != culture)
        || c.Sections.Any(s => s.Texts.All(t => t.Culture != culture) && s.Texts.Any(t => t.Culture == c.Culture))
        || c.Questions.Any(q => (q.Texts.All(t => t.Culture != culture) && q.Texts.Any(t => t.Culture == c.Culture))
            || q.Options.Any(o => o.Texts.All(t => t.Culture != culture) && o.Texts.Any(t => t.Culture == c.Culture)));

    /// <summary>
    /// Writes the drafts for one language (run by the queue's worker). A provider's failure propagates; drafts made before
    /// it may already be saved (the translator saves its cache as it goes, and the context with it), and the retry fills
    /// in whatever is still missing.
    /// </summary>
    public static async Task DraftAsync(ChorusDb db, MachineTranslator translator, int consultationId, string to, CancellationToken ct)
    {
        if (await db.Consultations.AnyAsync(c => c.Id == consultationId && c.DeletedAt == null, ct) is false)
        {
            return;
        }
        var c = await LoadAsync(db, consultationId, tracked: true, ct);
        var from = c.Culture;
        async Task<string> Plain(string text) => text.Length == 0 ? "" : (await translator.TranslatePlainAsync(db, text, from, to, ct)).Text;
        if (c.Translations.All(t => t.Culture != to))
        {
            c.Translations.Add(new ConsultationTranslation
            {
                Culture = to, Title = await Plain(c.Title), IsMachineDraft = true,
                IntroductionMarkdown = c.IntroductionMarkdown.Length == 0 ? "" : await translator.TranslateMarkdownAsync(db, c.IntroductionMarkdown, from, to, ct),
            });
        }
        foreach (var s in c.Sections.Where(s => s.Texts.All(t => t.Culture != to) && s.Texts.Any(t => t.Culture == from)))
        {
            s.Texts.Add(new SectionText { Culture = to, Title = await Plain(s.Texts.First(t => t.Culture == from).Title), IsMachineDraft = true });
        }
        foreach (var q in c.Questions)
        {
            if (q.Texts.FirstOrDefault(t => t.Culture == from) is { } source && q.Texts.All(t => t.Culture != to))
            {
                q.Texts.Add(new QuestionText
                {
                    Culture = to, Text = await Plain(source.Text), Help = source.Help is { } help ? await Plain(help) : null, IsMachineDraft = true,
                });
            }
            foreach (var o in q.Options.Where(o => o.Texts.All(t => t.Culture != to) && o.Texts.Any(t => t.Culture == from)))
            {
                o.Texts.Add(new OptionText { Culture = to, Text = await Plain(o.Texts.First(t => t.Culture == from).Text), IsMachineDraft = true });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static Task<Consultation> LoadAsync(ChorusDb db, int id, bool tracked, CancellationToken ct)
    {
        var query = db.Consultations.WithWords();
        return (tracked ? query : query.AsNoTracking()).SingleAsync(x => x.Id == id, ct);
    }
}
