using Chorus.Web.Data;
using Chorus.Web.Features.Statements;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Content;

/// <summary>The text of a post as one reader sees it, and what the page must say about its language.</summary>
internal sealed record PostView(
    Post Post,
    StatementDetails? Statement,
    string Culture,
    string Title,
    string Excerpt,
    string BodyHtml,
    bool IsMachine,
    bool IsOutdated,
    string? Note,
    bool MachineAvailable,
    IReadOnlyCollection<string> TranslatedCultures);

internal static class PostVersions
{
    /// <summary>
    /// Loads a published post by slug and picks its text for a reader of <paramref name="chain"/>[0]:
    /// the original or a human translation, first in the fallback chain; a released machine
    /// translation only when the reader asks for it.
    /// </summary>
    public static async Task<PostView?> ReadAsync(
        ChorusDb db, IQueryable<Post> published, string slug, IReadOnlyList<string> chain, bool wantMachine, CancellationToken ct)
    {
        var post = await published.AsNoTracking().Include(p => p.Image).FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (post is null)
        {
            return null;
        }
        var translations = await db.PostTranslations.AsNoTracking().Where(t => t.PostId == post.Id).ToListAsync(ct);
        var reader = chain[0];
        var machine = translations.Find(t => t.Culture == reader && t.State == TranslationState.MachinePublished);
        var translated = translations.Where(t => t.State == TranslationState.Human).Select(t => t.Culture).Append(post.Culture).ToHashSet();

        if (wantMachine && machine is not null && post.Culture != reader)
        {
            return View(post, machine, machine: true, machineAvailable: true, translated);
        }
        foreach (var culture in chain)
        {
            if (culture == post.Culture)
            {
                break;
            }
            if (translations.Find(t => t.Culture == culture && t.State == TranslationState.Human) is { } human)
            {
                return View(post, human, machine: false, machine is not null, translated);
            }
        }
        return new PostView(post, post.Statement, post.Culture, post.Title, post.Excerpt, post.BodyHtml, false, false, null, machine is not null, translated);
    }

    private static PostView View(Post post, PostTranslation t, bool machine, bool machineAvailable, IReadOnlyCollection<string> translated) =>
        new(post, Translated(post.Statement, t), t.Culture, t.Title, t.Excerpt, t.BodyHtml, machine, t.SourceHash != post.ContentHash, t.Note, machineAvailable, translated);

    /// <summary>A statement's facts with the translation's wording where it has one.</summary>
    public static StatementDetails? Translated(StatementDetails? original, PostTranslation t) => original is null ? null : new StatementDetails
    {
        Type = original.Type,
        DeliveredOn = original.DeliveredOn,
        SpeakerName = original.SpeakerName,
        SpeakerOrganisation = original.SpeakerOrganisation,
        SpeakerRole = t.StatementSpeakerRole ?? original.SpeakerRole,
        Venue = t.StatementVenue ?? original.Venue,
        Addressee = t.StatementAddressee ?? original.Addressee,
        Versions = original.Versions,
    };

    // Compiled, as PostQueries.CategoriesOf is (and why).
    private static readonly Func<ChorusDb, int[], string[], IAsyncEnumerable<HumanText>> HumanTexts =
        EF.CompileAsyncQuery((ChorusDb db, int[] ids, string[] cultures) => db.PostTranslations.AsNoTracking()
            .Where(t => ids.Contains(t.PostId) && cultures.Contains(t.Culture) && t.State == TranslationState.Human)
            .Select(t => new HumanText(t.PostId, t.Culture, t.Title, t.Excerpt)));

    private sealed record HumanText(int PostId, string Culture, string Title, string Excerpt);

    /// <summary>For listings: each post's title and excerpt in the best language of the chain a person wrote.</summary>
    public static async Task<Dictionary<int, (string Culture, string Title, string Excerpt)>> BestTextsAsync(
        ChorusDb db, IReadOnlyList<(int Id, string Culture)> posts, IReadOnlyList<string> chain, CancellationToken ct)
    {
        var human = new List<HumanText>();
        await foreach (var text in HumanTexts(db, [.. posts.Select(p => p.Id)], [.. chain]).WithCancellation(ct))
        {
            human.Add(text);
        }
        var best = new Dictionary<int, (string, string, string)>();
        foreach (var (id, original) in posts)
        {
            foreach (var culture in chain)
            {
                if (culture == original)
                {
                    break;
                }
                if (human.Find(t => t.PostId == id && t.Culture == culture) is { } t)
                {
                    best[id] = (t.Culture, t.Title, t.Excerpt);
                    break;
                }
            }
        }
        return best;
    }
}
