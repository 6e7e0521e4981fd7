using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Search;

/// <summary>
/// What a reader asked for: words, optionally kinds of item, one language (else each item once, in the text shown
/// to <paramref name="Reader"/>) and a date range (end exclusive).
/// </summary>
internal sealed record SearchRequest(IReadOnlyList<string> Terms, SearchKind[] Kinds, string? Culture, DateTime? From, DateTime? Until, string Reader);

/// <summary>One item found, in the language of the text that matched; titles and snippets are safe HTML.</summary>
internal sealed record SearchHit(SearchKind Kind, string Culture, string Path, DateTime? Date, string TitleHtml, string SnippetHtml);

internal sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>The filter words of <see cref="SearchDocument.Facets"/>.</summary>
internal static class SearchFacets
{
    public static string Kind(SearchKind kind) => "k" + kind.ToString().ToLowerInvariant();

    public static string Language(string culture) => "l" + culture.ToLowerInvariant();

    /// <summary>Marks a text not shown to readers of this language (another of the item's texts is): few texts carry it.</summary>
    public static string NotShownTo(string culture) => "n" + culture.ToLowerInvariant();

    /// <summary>Facet words a document must carry (one of each group), and one it must not.</summary>
    public static (IEnumerable<string[]> Required, string? Excluded) Of(SearchRequest request) =>
        ((request.Kinds.Length == 0 ? [] : new[] { request.Kinds.Select(Kind).ToArray() }).Concat(request.Culture is { } language ? [[Language(language)]] : []),
            request.Culture is null ? NotShownTo(request.Reader) : null);
}

/// <summary>
/// Full-text search over <see cref="SearchDocument"/>s with each database's own engine: SQLite FTS5 (unicode61,
/// accents removed) or PostgreSQL text search (unaccent, a GIN index). Texts with every word in their title come
/// first, then the others, each newest written first (as WordPress orders its results). Every filter but dates is a
/// word of the index, so a search reads no documents but the page's. SQL by hand: neither engine's match,
/// rank or snippet functions have a LINQ translation in both providers.
/// </summary>
internal static class SearchQueries
{
    private sealed class Ranked
    {
        public int Id { get; init; }
        public long Total { get; init; }
    }

    private sealed class Found
    {
        public int Id { get; init; }
        public int Titled { get; init; }
    }

    private sealed class Shown
    {
        public int Id { get; init; }
        public string Kind { get; init; } = "";
        public string Culture { get; init; } = "";
        public string Path { get; init; } = "";
        public DateTime? Date { get; init; }
        public string Title { get; init; } = "";
        public string Snippet { get; init; } = "";
    }

    /// <summary>Results counted and paged at most: past this a reader should narrow the search.</summary>
    public const int MostResults = 500;

    /// <summary>A search's statements share the request's one connection (<see cref="OneConnectionPerRequest"/>).</summary>
    public static async Task<SearchResults> RunAsync(ChorusDb db, SearchRequest request, DateTime now, int skip, int take, CancellationToken ct)
    {
        if (request.Terms.Count == 0)
        {
            return new SearchResults([], 0);
        }
        var postgres = db.Database.IsNpgsql();
        var dated = request.From is not null || request.Until is not null;
        var (all, inTitle) = postgres ? PostgresQuery(request) : Fts5Query(request);
        var terms = postgres ? PostgresTerms(request.Terms) : Fts5Terms(request.Terms);
        var from = request.From ?? DateTime.UnixEpoch;
        var until = request.Until ?? new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // The SQL below is put together from constants only; everything the reader typed is a parameter.
        List<int> ids;
        long total;
        if (postgres)
        {
            var sql = $"""
                SELECT d."Id", count(*) OVER () AS "Total" FROM "SearchDocuments" d
                WHERE d."SearchVector" @@ to_tsquery('chorus_search', {"{0}"}) AND (d."VisibleFrom" IS NULL OR d."VisibleFrom" <= {"{1}"})
                    {(dated ? """AND d."Date" >= {4} AND d."Date" < {5}""" : "")}
                ORDER BY d."SearchVector" @@ to_tsquery('chorus_search', {"{6}"}) DESC, d."Id" DESC
                LIMIT {"{2}"} OFFSET {"{3}"}
                """;
            var ranked = await db.Database.SqlQueryRaw<Ranked>(sql, all, now, take, skip, from, until, inTitle).ToListAsync(ct);
            (ids, total) = ([.. ranked.Select(r => r.Id)], ranked.Count == 0 ? 0 : Math.Min(ranked[0].Total, MostResults + 1));
        }
        else
        {
            // FTS5 walks its matches newest-written first and stops at the limit: no ranking function reads every match
            // (bm25 over the 100,000-post bench took up to 100 ms for a common word). One statement, two walks: the texts
            // with every word in their title and all the texts that match (at most MostResults + 1); the page is cut here
            // from "titled first, then the others". It replaced four statements (a count and a page of each part); on the
            // 20,000-post database the reader's mix of searches ran as fast either way (430-580 req/s, within the noise).
            // The titled walk stops after this page (a page of titled texts needs no others; fewer means it found them all).
            string Matching(string match, string titled, string limit) => $"""
                SELECT rowid AS "Id", {titled} AS "Titled" FROM "SearchIndex"
                WHERE "SearchIndex" MATCH {match} AND rowid NOT IN (SELECT "Id" FROM "SearchDocuments" WHERE "VisibleFrom" > {"{1}"})
                    {(dated ? """AND rowid IN (SELECT "Id" FROM "SearchDocuments" WHERE "Date" >= {3} AND "Date" < {4})""" : "")}
                ORDER BY rowid DESC LIMIT {limit}
                """;
            var sql = $"""SELECT * FROM ({Matching("{0}", "1", "{6}")}) UNION ALL SELECT * FROM ({Matching("{5}", "0", "{2}")})""";
            var found = await db.Database.SqlQueryRaw<Found>(sql, inTitle, now, MostResults + 1, from, until, all, skip + take + 1).ToListAsync(ct);
            var titled = found.Where(f => f.Titled == 1).Select(f => f.Id).ToList();
            var first = titled.ToHashSet();
            // Every text with its words in the title matches the whole query too, so the second walk counts them all.
            total = found.Count(f => f.Titled == 0);
            ids = [.. titled.Concat(found.Where(f => f.Titled == 0 && !first.Contains(f.Id)).Select(f => f.Id)).Skip(skip).Take(take)];
        }
        if (ids.Count == 0)
        {
            return new SearchResults([], (int)total);
        }

        // Only this page's texts are read, to show them with their matches marked. The statements' text never changes
        // (the ids are parameters), so EF compiles each once.
        var shown = new Dictionary<int, Shown>();
        if (postgres)
        {
            const string Headlines = """
                SELECT d."Id", d."Kind", d."Culture", d."Path", d."Date",
                    ts_headline('chorus_search', d."Title", q.query, 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS "Title",
                    ts_headline('chorus_search', d."Body", q.query, 'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS "Snippet"
                FROM "SearchDocuments" d, (SELECT to_tsquery('chorus_search', {0}) AS query) q WHERE d."Id" = ANY({1})
                """;
            shown = (await db.Database.SqlQueryRaw<Shown>(Headlines, terms, ids.ToArray()).ToListAsync(ct)).ToDictionary(s => s.Id);
        }
        else
        {
            // One statement, one part per text: FTS5 finds a match by rowid directly, where a list of rowids would make it
            // walk every match. The parts differ only in their parameter's number.
            var highlights = string.Join(" UNION ALL ", ids.Select((_, i) => $"""
                SELECT d."Id", d."Kind", d."Culture", d."Path", d."Date",
                    highlight("SearchIndex", 0, char(2), char(3)) AS "Title", snippet("SearchIndex", 1, char(2), char(3), ' … ', 24) AS "Snippet"
                FROM "SearchIndex" JOIN "SearchDocuments" d ON d."Id" = "SearchIndex".rowid
                WHERE "SearchIndex" MATCH {"{0}"} AND "SearchIndex".rowid = {"{" + (i + 1) + "}"}
                """));
            shown = (await db.Database.SqlQueryRaw<Shown>(highlights, [terms, .. ids.Cast<object>()]).ToListAsync(ct)).ToDictionary(s => s.Id);
        }
        var hits = ids.Where(shown.ContainsKey).Select(id => shown[id]).Select(s => new SearchHit(Enum.Parse<SearchKind>(s.Kind), s.Culture, s.Path,
            s.Date is { } date ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : null, SearchText.Highlighted(s.Title), SearchText.Highlighted(s.Snippet))).ToList();
        return new SearchResults(hits, (int)total);
    }

    // Terms hold only letters and digits and facets only ASCII letters, so neither needs escaping in either syntax.

    /// <summary>
    /// Every term in the title or body (a run of ideographs as a phrase) with the facets in their own column; and the
    /// same with every term in the title.
    /// </summary>
    private static (string All, string InTitle) Fts5Query(SearchRequest request)
    {
        var (required, excluded) = SearchFacets.Of(request);
        string With(string columns)
        {
            var query = string.Join(" AND ", required.Select(any => $"{{Facets}} : ({string.Join(" OR ", any)})").Prepend(Fts5Terms(request.Terms, columns)));
            return excluded is null ? query : $"{query} NOT {{Facets}} : {excluded}";
        }
        return (With("Title Body"), With("Title"));
    }

    private static string Fts5Terms(IReadOnlyList<string> terms, string columns = "Title Body") =>
        $"{{{columns}}} : ({string.Join(" ", terms.Select(t => $"\"{string.Join(' ', SearchText.Parts(t))}\""))})";

    /// <summary>The same for PostgreSQL: title and body are weights A and B of the vector, facets weight D.</summary>
    private static (string All, string InTitle) PostgresQuery(SearchRequest request)
    {
        var (required, excluded) = SearchFacets.Of(request);
        var query = string.Join(" & ", required.Select(any => $"({string.Join(" | ", any.Select(f => $"'{f}':D"))})").Prepend(PostgresTerms(request.Terms, ":AB")));
        return (excluded is null ? query : $"{query} & !'{excluded}':D", PostgresTerms(request.Terms, ":A"));
    }

    private static string PostgresTerms(IReadOnlyList<string> terms, string weights = "") =>
        string.Join(" & ", terms.Select(t => $"({string.Join(" <-> ", SearchText.Parts(t).Select(p => $"'{p}'{weights}"))})"));
}
