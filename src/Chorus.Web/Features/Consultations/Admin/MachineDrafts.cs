using Chorus.Web.Data;
using Chorus.Web.Features.Localization.Machine;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations.Admin;

/// <summary>
/// Fills the languages a consultation lacks (title and introduction, section titles, questions, help and options) with
/// machine drafts from its own language, through the configured providers and their cache, each marked as a machine
/// draft (shown with a label) until a person saves the words. Texts a person wrote are never replaced.
/// </summary>
internal static class MachineDrafts
{
    /// <summary>The languages drafted, and those no configured service reaches.</summary>
    public static async Task<(List<string> Drafted, List<string> Unreachable)> DraftAsync(ChorusDb db, MachineTranslator translator, int consultationId,
        IReadOnlyList<string> cultures, CancellationToken ct)
    {
        var c = await db.Consultations.Include(x => x.Translations).Include(x => x.Sections).ThenInclude(s => s.Texts)
            .Include(x => x.Questions).ThenInclude(q => q.Texts).Include(x => x.Questions).ThenInclude(q => q.Options).ThenInclude(o => o.Texts)
            .AsSplitQuery().SingleAsync(x => x.Id == consultationId, ct);
        var from = c.Culture;
        var (drafted, unreachable) = (new List<string>(), new List<string>());
        foreach (var to in cultures.Where(x => x != from))
        {
            if (translator.Route(from, to).Count == 0)
            {
                unreachable.Add(to);
                continue;
            }
            async Task<string> Plain(string text) => text.Length == 0 ? "" : (await translator.TranslatePlainAsync(db, text, from, to, ct)).Text;
            var any = false;
            if (c.Translations.All(t => t.Culture != to))
            {
                c.Translations.Add(new ConsultationTranslation
                {
                    Culture = to, Title = await Plain(c.Title), IsMachineDraft = true,
                    IntroductionMarkdown = c.IntroductionMarkdown.Length == 0 ? "" : await translator.TranslateMarkdownAsync(db, c.IntroductionMarkdown, from, to, ct),
                });
                any = true;
            }
            foreach (var s in c.Sections.Where(s => s.Texts.All(t => t.Culture != to) && s.Texts.Any(t => t.Culture == from)))
            {
                s.Texts.Add(new SectionText { Culture = to, Title = await Plain(s.Texts.First(t => t.Culture == from).Title), IsMachineDraft = true });
                any = true;
            }
            foreach (var q in c.Questions)
            {
                if (q.Texts.FirstOrDefault(t => t.Culture == from) is { } source && q.Texts.All(t => t.Culture != to))
                {
                    q.Texts.Add(new QuestionText
                    {
                        Culture = to, Text = await Plain(source.Text), Help = source.Help is { } help ? await Plain(help) : null, IsMachineDraft = true,
                    });
                    any = true;
                }
                foreach (var o in q.Options.Where(o => o.Texts.All(t => t.Culture != to) && o.Texts.Any(t => t.Culture == from)))
                {
                    o.Texts.Add(new OptionText { Culture = to, Text = await Plain(o.Texts.First(t => t.Culture == from).Text), IsMachineDraft = true });
                    any = true;
                }
            }
            if (any)
            {
                drafted.Add(to);
            }
        }
        await db.SaveChangesAsync(ct);
        return (drafted, unreachable);
    }
}
