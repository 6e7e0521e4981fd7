using Chorus.Web.Data;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Search;

/// <summary>
/// Keeps <see cref="SearchDocument"/>s current: whenever a save writes a post, event, campaign or organisation
/// (or one of their translations or sessions), that item's documents are rewritten in the same save, so the
/// index can never be behind what readers see. Registered after the features' own hooks, which it relies on.
/// </summary>
internal sealed class SearchIndexer(IOptions<SiteOptions> site) : SaveChangesInterceptor
{
    private const int MaxBody = 100_000;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is ChorusDb db)
        {
            await IndexChangesAsync(db, site.Value, cancellationToken);
        }
        return result;
    }

    // Nothing in the app saves synchronously; should something, it still must not leave the index behind.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
        SavingChangesAsync(eventData, result).AsTask().GetAwaiter().GetResult();

    private static async Task IndexChangesAsync(ChorusDb db, SiteOptions site, CancellationToken ct)
    {
        var written = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).ToList();
        // Items written themselves, and the items whose translations or sessions were written (by key: a new
        // translation of a new item has no key yet, and its item is written anyway).
        var items = written.Where(e => e.Entity is Post or Event or Campaign or Organisation or Consultation).Select(e => e.Entity).ToList();
        foreach (var entry in written)
        {
            var owner = entry.Entity switch
            {
                PostTranslation t => await Owner<Post>(db, t.PostId, ct),
                EventTranslation t => await Owner<Event>(db, t.EventId, ct),
                EventSession s => await Owner<Event>(db, s.EventId, ct),
                CampaignTranslation t => await Owner<Campaign>(db, t.CampaignId, ct),
                OrganisationTranslation t => await Owner<Organisation>(db, t.OrganisationId, ct),
                ConsultationTranslation t => await Owner<Consultation>(db, t.ConsultationId, ct),
                _ => null,
            };
            if (owner is not null)
            {
                items.Add(owner);
            }
        }
        foreach (var item in items.Distinct())
        {
            if (db.Entry(item).State != EntityState.Deleted)
            {
                await IndexAsync(db, site, item, isNew: db.Entry(item).State == EntityState.Added, ct);
            }
        }
    }

    private static async Task<object?> Owner<T>(ChorusDb db, int id, CancellationToken ct) where T : class =>
        id == 0 ? null : await db.Set<T>().FindAsync([id], ct);

    /// <summary>
    /// Rewrites every document (after a migration added the index to a site that already had content, or to follow
    /// new languages). Searches list the most recently written texts first, so organisations are written first, then
    /// campaigns, events and posts, each oldest first.
    /// </summary>
    public static async Task RebuildAsync(ChorusDb db, SiteOptions site, CancellationToken ct)
    {
        await db.SearchDocuments.ExecuteDeleteAsync(ct);
        await RebuildAsync(db, site, await db.Organisations.OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct),
            ids => db.Organisations.Include(o => o.Translations).Where(o => ids.Contains(o.Id)), o => o.Id, ct);
        await RebuildAsync(db, site, await db.Campaigns.OrderBy(c => c.OpensAt).Select(c => c.Id).ToListAsync(ct),
            ids => db.Campaigns.Include(c => c.Translations).Where(c => ids.Contains(c.Id)), c => c.Id, ct);
        await RebuildAsync(db, site, await db.Consultations.OrderBy(c => c.OpensAt).Select(c => c.Id).ToListAsync(ct),
            ids => db.Consultations.Include(c => c.Translations).Where(c => ids.Contains(c.Id)), c => c.Id, ct);
        await RebuildAsync(db, site, await db.Events.OrderBy(e => e.StartsAt).Select(e => e.Id).ToListAsync(ct),
            ids => db.Events.Include(e => e.Translations).Include(e => e.Sessions).AsSplitQuery().Where(e => ids.Contains(e.Id)), e => e.Id, ct);
        await RebuildAsync(db, site, await db.Posts.OrderBy(p => p.PublishedAt).ThenBy(p => p.Id).Select(p => p.Id).ToListAsync(ct),
            ids => db.Posts.Include(p => p.Translations).Where(p => ids.Contains(p.Id)), p => p.Id, ct);
        await SearchExtensions.OptimizeAsync(db, ct);
    }

    private static async Task RebuildAsync<T>(ChorusDb db, SiteOptions site, List<int> order, Func<int[], IQueryable<T>> load, Func<T, int> id,
        CancellationToken ct) where T : class
    {
        foreach (var chunk in order.Chunk(500))
        {
            db.ChangeTracker.Clear();
            var items = (await load(chunk).ToListAsync(ct)).ToDictionary(id);
            foreach (var key in chunk)
            {
                await IndexAsync(db, site, items[key], isNew: false, ct);
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task IndexAsync(ChorusDb db, SiteOptions site, object item, bool isNew, CancellationToken ct)
    {
        var documents = item switch
        {
            Post post => await PostDocumentsAsync(db, post, isNew, ct),
            Event e => await EventDocumentsAsync(db, e, isNew, ct),
            Campaign c => await CampaignDocumentsAsync(db, c, isNew, ct),
            Organisation o => await OrganisationDocumentsAsync(db, o, isNew, ct),
            Consultation c => await ConsultationDocumentsAsync(db, c, isNew, ct),
            _ => [],
        };
        // A consultation's documents are known by their address (its old one too, when the slug changed): they have no key of theirs.
        var paths = item is Consultation consultation
            ? new[] { Address("consultations", consultation.Slug), Address("consultations", (string)db.Entry(consultation).Property(nameof(Consultation.Slug)).OriginalValue!) }
            : [];
        SetFacets(documents, site);
        var existing = isNew ? [] : await db.SearchDocuments.Where(item switch
        {
            Post post => d => d.PostId == post.Id,
            Event e => d => d.EventId == e.Id,
            Campaign c => d => d.CampaignId == c.Id,
            Organisation o => (System.Linq.Expressions.Expression<Func<SearchDocument, bool>>)(d => d.OrganisationId == o.Id),
            Consultation => d => d.Kind == SearchKind.Consultation && paths.Contains(d.Path),
            _ => d => false,
        }).ToListAsync(ct);
        foreach (var stale in existing.Where(d => !documents.Any(n => n.Culture == d.Culture)))
        {
            db.Remove(stale);
        }
        foreach (var document in documents)
        {
            if (existing.Find(d => d.Culture == document.Culture) is { } current)
            {
                (current.Kind, current.Title, current.Body, current.Path, current.Date, current.VisibleFrom, current.Facets) =
                    (document.Kind, document.Title, document.Body, document.Path, document.Date, document.VisibleFrom, document.Facets);
                continue;
            }
            switch (item)
            {
                case Post post: document.Post = post; break;
                case Event e: document.Event = e; break;
                case Campaign c: document.Campaign = c; break;
                case Organisation o: document.Organisation = o; break;
            }
            db.Add(document);
        }
    }

    /// <summary>
    /// Names each text's kind and language, and the reader languages it is not shown in: those whose fallback chain
    /// reaches another of the item's texts first (a reader whose chain reaches none is shown the original, the first).
    /// </summary>
    private static void SetFacets(List<SearchDocument> documents, SiteOptions site)
    {
        foreach (var document in documents)
        {
            var others = site.Cultures.Where(reader =>
                (site.FallbackChain(reader).FirstOrDefault(c => documents.Exists(d => d.Culture == c)) ?? documents[0].Culture) != document.Culture);
            document.Facets = string.Join(' ', others.Select(SearchFacets.NotShownTo).Prepend(SearchFacets.Language(document.Culture)).Prepend(SearchFacets.Kind(document.Kind)));
        }
    }

    /// <summary>The item's translations as this save leaves them (tracked changes included, deletions left out).</summary>
    private static async Task<List<TText>> Current<TItem, TText>(ChorusDb db, TItem item, bool isNew,
        System.Linq.Expressions.Expression<Func<TItem, IEnumerable<TText>>> collection, CancellationToken ct) where TItem : class where TText : class
    {
        var navigation = db.Entry(item).Collection(collection);
        if (!isNew && !navigation.IsLoaded)
        {
            await navigation.LoadAsync(ct);
        }
        return [.. (navigation.CurrentValue ?? []).Where(t => db.Entry(t).State != EntityState.Deleted)];
    }

    private static SearchDocument Document(SearchKind kind, string culture, string title, string body, string path, DateTime? date, DateTime? visibleFrom = null) =>
        new()
        {
            Kind = kind,
            Culture = culture,
            Title = SearchText.ForIndex(title.Length > 1000 ? title[..1000] : title),
            Body = SearchText.ForIndex(body.Length > MaxBody ? body[..MaxBody] : body),
            Path = path,
            Date = date,
            VisibleFrom = visibleFrom,
        };

    private static string Address(string section, string slug) => $"/{section}/{Uri.EscapeDataString(slug)}";

    private static string Plain(params string?[] parts) =>
        string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => ContentMarkdown.ToPlainText(p!)));

    /// <summary>Published and scheduled posts (never drafts or the bin): the original and every translation readers are offered.</summary>
    private static async Task<List<SearchDocument>> PostDocumentsAsync(ChorusDb db, Post post, bool isNew, CancellationToken ct)
    {
        var translations = await Current(db, post, isNew, p => p.Translations, ct);
        if (post.Status == PostStatus.Draft || post.PublishedAt is null || post.DeletedAt is not null)
        {
            return [];
        }
        var (kind, path) = post.Kind switch
        {
            PostKind.Page => (SearchKind.Page, Address("pages", post.Slug)),
            PostKind.Statement => (SearchKind.Statement, Address("news", post.Slug)),
            _ => (SearchKind.News, Address("news", post.Slug)),
        };
        return
        [
            Document(kind, post.Culture, post.Title, Plain(post.Summary, post.BodyMarkdown), path, post.PublishedAt, post.PublishedAt),
            .. translations.Where(t => t.State != TranslationState.MachineDraft && t.Culture != post.Culture)
                .Select(t => Document(kind, t.Culture, t.Title, Plain(t.Summary, t.BodyMarkdown), path, post.PublishedAt, post.PublishedAt)),
        ];
    }

    /// <summary>Events and series (with their sessions' topics), in every language they are written in.</summary>
    private static async Task<List<SearchDocument>> EventDocumentsAsync(ChorusDb db, Event e, bool isNew, CancellationToken ct)
    {
        var translations = await Current(db, e, isNew, x => x.Translations, ct);
        var sessions = await Current(db, e, isNew, x => x.Sessions, ct);
        if (e.DeletedAt is not null)
        {
            return [];
        }
        var topics = Plain([.. sessions.OrderBy(s => s.Number).SelectMany(s => new[] { s.Title, s.Description })]);
        var path = Address("events", e.Slug);
        return
        [
            Document(SearchKind.Event, e.Culture, e.Title, Plain(e.Summary, e.BodyMarkdown, e.Venue, topics), path, e.StartsAt),
            .. translations.Where(t => t.Culture != e.Culture)
                .Select(t => Document(SearchKind.Event, t.Culture, t.Title, Plain(t.Summary, t.BodyMarkdown, e.Venue), path, e.StartsAt)),
        ];
    }

    /// <summary>Campaigns from their opening instant, with their texts in every language.</summary>
    private static async Task<List<SearchDocument>> CampaignDocumentsAsync(ChorusDb db, Campaign c, bool isNew, CancellationToken ct)
    {
        var translations = await Current(db, c, isNew, x => x.Translations, ct);
        if (c.DeletedAt is not null)
        {
            return [];
        }
        var path = Address("campaigns", c.Slug);
        return
        [
            Document(SearchKind.Campaign, c.Culture, c.Title, Plain(c.TextMarkdown), path, c.OpensAt, c.OpensAt),
            .. translations.Where(t => t.Culture != c.Culture)
                .Select(t => Document(SearchKind.Campaign, t.Culture, t.Title, Plain(t.TextMarkdown), path, c.OpensAt, c.OpensAt)),
        ];
    }

    /// <summary>Consultations from their opening instant: title and introduction in every language (never the answers).</summary>
    private static async Task<List<SearchDocument>> ConsultationDocumentsAsync(ChorusDb db, Consultation c, bool isNew, CancellationToken ct)
    {
        var translations = await Current(db, c, isNew, x => x.Translations, ct);
        if (c.DeletedAt is not null)
        {
            return [];
        }
        var path = Address("consultations", c.Slug);
        return
        [
            Document(SearchKind.Consultation, c.Culture, c.Title, Plain(c.IntroductionMarkdown), path, c.OpensAt, c.OpensAt),
            .. translations.Where(t => t.Culture != c.Culture)
                .Select(t => Document(SearchKind.Consultation, t.Culture, t.Title, Plain(t.IntroductionMarkdown), path, c.OpensAt, c.OpensAt)),
        ];
    }

    /// <summary>Listed directory entries: the name (and acronym) with the description in each language.</summary>
    private static async Task<List<SearchDocument>> OrganisationDocumentsAsync(ChorusDb db, Organisation o, bool isNew, CancellationToken ct)
    {
        var translations = await Current(db, o, isNew, x => x.Translations, ct);
        if (!o.IsListed || o.MergedIntoId is not null)
        {
            return [];
        }
        var title = string.IsNullOrWhiteSpace(o.Acronym) ? o.Name : $"{o.Name} ({o.Acronym})";
        var path = Address("organizations", o.Slug);
        return
        [
            Document(SearchKind.Organisation, o.Culture, title, Plain(o.DescriptionMarkdown), path, null),
            .. translations.Where(t => t.Culture != o.Culture)
                .Select(t => Document(SearchKind.Organisation, t.Culture, title, Plain(t.DescriptionMarkdown), path, null)),
        ];
    }
}
