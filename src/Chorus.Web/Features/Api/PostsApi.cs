using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Features.Statements;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Api;

internal sealed record ApiCategory(string Slug, string Name);

internal sealed record ApiOrganisationLink(string Slug, string Name, string? Acronym, string Url);

/// <summary>A statement's other-language version published elsewhere.</summary>
internal sealed record ApiLanguageVersion(string Language, string Title, string Url);

/// <summary>Who delivered a statement, where, to whom and when; role, venue and addressee in the item's language.</summary>
internal sealed record ApiStatementFacts(string Type, DateOnly DeliveredOn, string? SpeakerName, string? SpeakerRole, string? SpeakerOrganisation,
    string? Venue, string? Addressee, IReadOnlyList<ApiLanguageVersion> OtherLanguages);

/// <summary>A post or statement in a list; <paramref name="Language"/> is the language of its title and excerpt.</summary>
internal sealed record ApiPostItem(int Id, string Slug, string Kind, string Title, string Excerpt, string Language, DateTime PublishedAt,
    IReadOnlyList<ApiCategory> Categories, string Url,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    ApiStatementFacts? Statement);

/// <summary>A whole post or statement; <paramref name="Languages"/> are those a person wrote or translated it in.</summary>
internal sealed record ApiPost(int Id, string Slug, string Kind, string Title, string Excerpt, string BodyHtml, string Language,
    IReadOnlyList<string> Languages, DateTime PublishedAt, DateTime UpdatedAt, string Author, string? FeaturedImage, IReadOnlyList<string> Tags,
    IReadOnlyList<ApiCategory> Categories, IReadOnlyList<ApiOrganisationLink> Issuers, string Url,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    ApiStatementFacts? Statement);

/// <summary>
/// /api/v1/posts and /api/v1/statements: published news, updates, reports and statements, newest first. Keyset on
/// (publication instant, id) descending: a post published while a client walks the pages lands before its first page,
/// so the walk neither repeats nor skips one. Drafts, scheduled posts, the bin and static pages never appear.
/// </summary>
internal static class PostsApi
{
    private static readonly PostKind[] PostKinds = [PostKind.News, PostKind.Update, PostKind.Report];

    public static void MapPostsApi(this RouteGroupBuilder api)
    {
        var posts = api.MapGroup("/posts").WithTags("Posts");
        posts.MapRead("", (HttpContext http, ChorusDb db, string? lang, string? limit, string? cursor, string? kind, string? category,
                string? since, string? until, CancellationToken ct) =>
            ListAsync(http, db, statements: false, lang, limit, cursor, kind, category, since, until, ct))
            .Describe<ApiPage<ApiPostItem>>("List news, updates and reports",
                "Published posts, newest first, with their title and excerpt in the requested language where a person wrote or translated them.");
        MapItem(posts, statements: false, "Get a post", "One published news item, update or report with its body as sanitised HTML.");

        // Statements take no kind: every one is a statement.
        var statements = api.MapGroup("/statements").WithTags("Statements");
        statements.MapRead("", (HttpContext http, ChorusDb db, string? lang, string? limit, string? cursor, string? category,
                string? since, string? until, CancellationToken ct) =>
            ListAsync(http, db, statements: true, lang, limit, cursor, null, category, since, until, ct))
            .Describe<ApiPage<ApiPostItem>>("List statements",
                "Published statements, interventions and open letters, newest publication first, with who delivered them, where, when and to whom.");
        MapItem(statements, statements: true, "Get a statement", "One published statement with its body as sanitised HTML and its facts.");
    }

    private static void MapItem(RouteGroupBuilder group, bool statements, string summary, string description) =>
        group.MapRead("/{slug}", (HttpContext http, ChorusDb db, string slug, string? lang, CancellationToken ct) =>
            ReadAsync(http, db, statements, slug, lang, ct)).Describe<ApiPost>(summary, description, found: true);

    private static IQueryable<Post> Public(ChorusDb db, DateTime now, bool statements) => statements
        ? db.Posts.AsNoTracking().Published(now).Where(p => p.Kind == PostKind.Statement && p.Statement != null)
        : db.Posts.AsNoTracking().Published(now).Where(p => PostKinds.Contains(p.Kind));

    private static async Task<IResult> ListAsync(HttpContext http, ChorusDb db, bool statements, string? lang, string? limit, string? cursor,
        string? kind, string? category, string? since, string? until, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var size = q.Limit(limit);
        var after = q.Cursor(cursor, instant: true);
        var postKind = q.Choice("kind", kind, PostKinds);
        var categorySlug = await q.CategoryAsync(db, category, ct);
        var (from, to) = (q.Instant("since", since), q.Instant("until", until));
        if (q.Problem is { } problem)
        {
            return problem;
        }

        var posts = Public(db, q.Now, statements)
            .WhereIf(postKind is not null, p => p.Kind == postKind)
            .WhereIf(categorySlug is not null, p => p.Categories.Any(c => c.Slug == categorySlug))
            .WhereIf(from is not null, p => p.PublishedAt >= from)
            .WhereIf(to is not null, p => p.PublishedAt < to);
        if (after is { } c && c.TryGetInstant(out var at))
        {
            posts = posts.Where(p => p.PublishedAt < at || (p.PublishedAt == at && p.Id < c.Id));
        }
        var rows = await posts.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(size + 1)
            .Select(p => new { p.Id, p.Slug, p.Kind, p.Title, p.Excerpt, p.Culture, PublishedAt = p.PublishedAt!.Value, p.Statement })
            .ToListAsync(ct);
        var more = ApiResults.Cut(rows, size);

        var ids = rows.Select(r => r.Id).ToArray();
        var texts = await PostVersions.BestTextsAsync(db, [.. rows.Select(r => (r.Id, r.Culture))], q.Chain, ct);
        var categories = await PostQueries.CategoriesOfAsync(db, ids, q.Culture, ct);
        // A statement's role, venue and addressee come from the translation its title came from.
        var translated = texts.Keys.ToArray();
        var translations = statements
            ? (await db.PostTranslations.AsNoTracking().Where(t => translated.Contains(t.PostId) && t.State == TranslationState.Human).ToListAsync(ct))
                .Where(t => texts[t.PostId].Culture == t.Culture).ToDictionary(t => t.PostId)
            : [];
        var items = rows.Select(r =>
        {
            var (culture, title, excerpt) = texts.TryGetValue(r.Id, out var text) ? text : (r.Culture, r.Title, r.Excerpt);
            var facts = translations.TryGetValue(r.Id, out var translation) ? PostVersions.Translated(r.Statement, translation) : r.Statement;
            return new ApiPostItem(r.Id, r.Slug, ApiQuery.Name(r.Kind), title, excerpt, culture, r.PublishedAt,
                [.. categories[r.Id].Select(x => new ApiCategory(x.Slug, x.Name))], q.Origin + PostQueries.NewsPath(q.Culture, r.Slug),
                statements ? Facts(facts) : null);
        }).ToList();
        return ApiResults.Page(http, items, more ? new ApiCursor(rows[^1].PublishedAt, rows[^1].Id) : null);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, ChorusDb db, bool statements, string slug, string? lang, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var key = q.Text("slug", slug);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        if (await PostVersions.ReadAsync(db, Public(db, q.Now, statements), key!, q.Chain, wantMachine: false, ct) is not { } view)
        {
            return ApiResults.NotFound(statements ? "statement" : "post", slug);
        }
        var p = view.Post;
        var categories = await PostQueries.CategoriesOfAsync(db, [p.Id], q.Culture, ct);
        var issuers = await IssuerLink.OfAsync(db, p.Id, ct);
        return ApiResults.Item(http, new ApiPost(p.Id, p.Slug, ApiQuery.Name(p.Kind), view.Title, view.Excerpt, view.BodyHtml, view.Culture,
            [.. view.TranslatedCultures.Order(StringComparer.Ordinal)], p.PublishedAt!.Value, p.UpdatedAt, p.AuthorName, q.Absolute(p.Image?.Url()), p.Tags,
            [.. categories[p.Id].Select(x => new ApiCategory(x.Slug, x.Name))],
            [.. issuers.Select(i => new ApiOrganisationLink(i.Slug, i.Name, i.Acronym, q.Origin + OrganisationsApi.ProfilePath(q.Culture, i.Slug)))],
            q.Origin + PostQueries.NewsPath(q.Culture, p.Slug), statements ? Facts(view.Statement) : null));
    }

    private static ApiStatementFacts? Facts(StatementDetails? s) => s is null ? null : new ApiStatementFacts(ApiQuery.Name(s.Type), s.DeliveredOn,
        s.SpeakerName, s.SpeakerRole, s.SpeakerOrganisation, s.Venue, s.Addressee,
        [.. s.Versions.OrderBy(v => v.Culture, StringComparer.Ordinal).Select(v => new ApiLanguageVersion(v.Culture, v.Title, v.Url))]);
}
