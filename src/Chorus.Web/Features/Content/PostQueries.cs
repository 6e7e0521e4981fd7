using System.Globalization;
using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Content;

internal sealed record CategoryLink(string Name, string Slug);

/// <summary>A post in a listing; <paramref name="Culture"/> is the language its title and excerpt are in.</summary>
internal sealed record PostSummary(
    int Id, string Title, string Slug, PostKind Kind, DateTime PublishedAt, string Excerpt, string Culture, IReadOnlyList<CategoryLink> Categories,
    Media.MediaItem? Image = null);

/// <summary>One page of a listing, with the cursors that lead to the neighbouring pages.</summary>
internal sealed record PostListing(IReadOnlyList<PostSummary> Items, string? OlderCursor, string? NewerCursor);

/// <summary>A keyset position (publication instant, id) written as "ticks-id" in the query string.</summary>
internal readonly record struct PostCursor(DateTime At, int Id)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{At.Ticks}-{Id}");

    /// <summary>Empty input is no cursor; malformed input is false (the page answers 400).</summary>
    public static bool TryParse(string? text, out PostCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTime.MaxValue.Ticks
            && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            cursor = new PostCursor(new DateTime(ticks, DateTimeKind.Utc), id);
            return true;
        }
        return false;
    }
}

internal static class PostQueries
{
    public const int PageSize = 10;

    /// <summary>Posts the public may see at <paramref name="now"/>: not drafts, and their instant has come.</summary>
    public static IQueryable<Post> Published(this IQueryable<Post> posts, DateTime now) =>
        posts.Where(p => p.Status != PostStatus.Draft && p.PublishedAt != null && p.PublishedAt <= now && p.DeletedAt == null);

    /// <summary>Posts that belong in the news stream (static pages do not).</summary>
    public static IQueryable<Post> Listed(this IQueryable<Post> posts) => posts.Where(p => p.Kind != PostKind.Page);

    public static string NewsPath(string culture, string slug) => $"/{culture}/news/{Uri.EscapeDataString(slug)}";

    public static string PagePath(string culture, string slug) => $"/{culture}/pages/{Uri.EscapeDataString(slug)}";

    public static string CategoryPath(string culture, string slug) => $"/{culture}/category/{Uri.EscapeDataString(slug)}";

    /// <summary>
    /// One page of the listed posts public at <paramref name="now"/> (all of them, or those of one
    /// <paramref name="category"/>), newest first, older than <paramref name="before"/> or newer than
    /// <paramref name="after"/>. Keyset paging: page 5,000 costs what page 1 costs.
    /// </summary>
    public static async Task<PostListing> PageAsync(
        ChorusDb db, DateTime now, int? category, IReadOnlyList<string> chain, PostCursor? before, PostCursor? after, CancellationToken ct, int size = PageSize)
    {
        var scope = category ?? 0;
        var rows = after is { } a
            ? await ToListAsync(Newer(db, now, scope, a.At, a.Id, size + 1), ct)
            : await ToListAsync(Older(db, now, scope, before?.At ?? Top.At, before?.Id ?? Top.Id, size + 1), ct);
        var more = rows.Count > size;
        if (more)
        {
            rows.RemoveAt(size);
        }
        if (after is not null)
        {
            rows.Reverse();
        }
        if (rows.Count == 0)
        {
            return new PostListing([], null, null);
        }

        var items = await SummariesAsync(db, rows, chain, ct);
        var first = new PostCursor(rows[0].PublishedAt, rows[0].Id);
        var last = new PostCursor(rows[^1].PublishedAt, rows[^1].Id);
        var hasOlder = after is null ? more : (await ToListAsync(Older(db, now, scope, last.At, last.Id, 1), ct)).Count > 0;
        var hasNewer = after is not null ? more
            : before is not null && (await ToListAsync(Newer(db, now, scope, first.At, first.Id, 1), ct)).Count > 0;
        return new PostListing(items, hasOlder ? last.ToString() : null, hasNewer ? first.ToString() : null);
    }

    /// <summary>
    /// The newest <paramref name="take"/> public posts of <paramref name="query"/> (the newest statements, a featured post) as a
    /// listing shows them.
    /// </summary>
    public static async Task<IReadOnlyList<PostSummary>> LatestAsync(
        ChorusDb db, IQueryable<Post> query, DateTime now, IReadOnlyList<string> chain, int take, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().Published(now).Listed().OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(take)
            .Select(p => new ListedRow(p.Id, p.Title, p.Slug, p.Kind, p.PublishedAt!.Value, p.Excerpt, p.Culture, p.Image)).ToListAsync(ct);
        return rows.Count == 0 ? [] : await SummariesAsync(db, rows, chain, ct);
    }

    // Titles and excerpts in the reader's best language, with their categories: two statements for a whole page.
    private static async Task<List<PostSummary>> SummariesAsync(ChorusDb db, List<ListedRow> rows, IReadOnlyList<string> chain, CancellationToken ct)
    {
        var categories = await CategoriesOfAsync(db, [.. rows.Select(r => r.Id)], chain[0], ct);
        var texts = await PostVersions.BestTextsAsync(db, [.. rows.Select(r => (r.Id, r.Culture))], chain, ct);
        return [.. rows.Select(r => texts.TryGetValue(r.Id, out var t)
            ? new PostSummary(r.Id, t.Title, r.Slug, r.Kind, r.PublishedAt, t.Excerpt, t.Culture, [.. categories[r.Id]], r.Image)
            : new PostSummary(r.Id, r.Title, r.Slug, r.Kind, r.PublishedAt, r.Excerpt, r.Culture, [.. categories[r.Id]], r.Image))];
    }

    private static async Task<List<ListedRow>> ToListAsync(IAsyncEnumerable<ListedRow> rows, CancellationToken ct)
    {
        var list = new List<ListedRow>(PageSize + 1);
        await foreach (var row in rows.WithCancellation(ct))
        {
            list.Add(row);
        }
        return list;
    }

    // The first page starts above every real position ("older than the end of time"), so one query shape serves it and
    // every later page.
    private static readonly PostCursor Top = new(DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc), int.MaxValue);

    // The listing's own query, compiled as CategoriesOf below is (and why): measured on the 100,000-post database, compiling
    // it took a home page's data from 525 to 405 µs. Category 0 is every listed post. The public rule is Published()'s and
    // Listed()'s, written out because a compiled query cannot call them (ListingRuleTests hold both to the same behaviour).
    private static readonly Func<ChorusDb, DateTime, int, DateTime, int, int, IAsyncEnumerable<ListedRow>> Older =
        EF.CompileAsyncQuery((ChorusDb db, DateTime now, int category, DateTime at, int id, int take) => db.Posts.AsNoTracking()
            .Where(p => p.Status != PostStatus.Draft && p.PublishedAt != null && p.PublishedAt <= now && p.DeletedAt == null && p.Kind != PostKind.Page)
            .Where(p => category == 0 || db.Set<PostCategory>().Any(pc => pc.PostId == p.Id && pc.CategoryId == category))
            .Where(p => p.PublishedAt < at || (p.PublishedAt == at && p.Id < id))
            .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Take(take)
            .Select(p => new ListedRow(p.Id, p.Title, p.Slug, p.Kind, p.PublishedAt!.Value, p.Excerpt, p.Culture, p.Image)));

    private static readonly Func<ChorusDb, DateTime, int, DateTime, int, int, IAsyncEnumerable<ListedRow>> Newer =
        EF.CompileAsyncQuery((ChorusDb db, DateTime now, int category, DateTime at, int id, int take) => db.Posts.AsNoTracking()
            .Where(p => p.Status != PostStatus.Draft && p.PublishedAt != null && p.PublishedAt <= now && p.DeletedAt == null && p.Kind != PostKind.Page)
            .Where(p => category == 0 || db.Set<PostCategory>().Any(pc => pc.PostId == p.Id && pc.CategoryId == category))
            .Where(p => p.PublishedAt > at || (p.PublishedAt == at && p.Id > id))
            .OrderBy(p => p.PublishedAt).ThenBy(p => p.Id)
            .Take(take)
            .Select(p => new ListedRow(p.Id, p.Title, p.Slug, p.Kind, p.PublishedAt!.Value, p.Excerpt, p.Culture, p.Image)));

    private sealed record ListedRow(int Id, string Title, string Slug, PostKind Kind, DateTime PublishedAt, string Excerpt, string Culture, Media.MediaItem? Image);

    /// <summary>
    /// The categories of the given posts, named in <paramref name="culture"/> where a name exists, in one
    /// query on the link table's PostId index.
    /// </summary>
    public static async Task<ILookup<int, CategoryLink>> CategoriesOfAsync(ChorusDb db, int[] postIds, string culture, CancellationToken ct)
    {
        var links = new List<(int PostId, CategoryLink Link)>();
        await foreach (var row in CategoriesOf(db, postIds, culture).WithCancellation(ct))
        {
            links.Add((row.PostId, new CategoryLink(row.Name, row.Slug)));
        }
        return links.OrderBy(x => x.Link.Name, StringComparer.Create(CultureInfo.GetCultureInfo(culture), ignoreCase: true))
            .ToLookup(x => x.PostId, x => x.Link);
    }

    // Compiled: every listing (home, categories, statements, search) runs it, and EF's building of the expression tree and
    // its cache lookup cost more than the query. Measured in one process on the 100,000-post database (home page's data,
    // 8 alternating rounds of 400): 690 µs a page with LINQ, 525 µs with this and PostVersions' text query compiled, 405 µs
    // with the page query compiled too (that one is composed per listing and cursor, so it stays LINQ for now).
    private static readonly Func<ChorusDb, int[], string, IAsyncEnumerable<CategoryRow>> CategoriesOf =
        EF.CompileAsyncQuery((ChorusDb db, int[] postIds, string culture) => db.Set<PostCategory>().AsNoTracking()
            .Where(pc => postIds.Contains(pc.PostId))
            .Select(pc => new CategoryRow(
                pc.PostId,
                pc.Category.Names.Where(n => n.Culture == culture).Select(n => n.Name).FirstOrDefault() ?? pc.Category.Name,
                pc.Category.Slug)));

    private sealed record CategoryRow(int PostId, string Name, string Slug);
}
