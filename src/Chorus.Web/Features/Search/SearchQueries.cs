using System.Globalization;
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
/// accents removed) or PostgreSQL text search (unaccent, a GIN index). The title weighs a thousand times the
/// body, so items whose title matches come first, then by relevance (bm25 / ts_rank). Every filter but dates is
/// a word of the index, so a search reads no documents but the page's. SQL by hand: neither engine's match,
/// rank or snippet functions have a LINQ translation in both providers.
/// </summary>
internal static class SearchQueries
{
    private sealed class Ranked
    {
        public int Id { get; init; }
        public long Total { get; init; }
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

    public static async Task<SearchResults> RunAsync(ChorusDb db, SearchRequest request, DateTime now, int skip, int take, CancellationToken ct)
    {
        if (request.Terms.Count == 0)
        {
            return new SearchResults([], 0);
        }
        var postgres = db.Database.IsNpgsql();
        var dated = request.From is not null || request.Until is not null;
        object[] parameters =
        [
            postgres ? PostgresQuery(request) : Fts5Query(request), now, take, skip,
            request.From ?? DateTime.UnixEpoch, request.Until ?? new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            postgres ? PostgresTerms(request.Terms) : Fts5Terms(request.Terms),
        ];
        // The SQL below is put together from constants only; everything the reader typed is a parameter.
        List<Ranked> ranked;
        long total;
        if (postgres)
        {
            // Ranked by the words alone: ts_rank scores a conjunction by the distance between its parts, and facets are far from every word.
            var sql = $"""
                SELECT d."Id", count(*) OVER () AS "Total" FROM "SearchDocuments" d
                WHERE d."SearchVector" @@ to_tsquery('chorus_search', {"{0}"}) AND (d."VisibleFrom" IS NULL OR d."VisibleFrom" <= {"{1}"})
                    {(dated ? """AND d."Date" >= {4} AND d."Date" < {5}""" : "")}
                ORDER BY ts_rank(ARRAY[0, 0, 0.001, 1]::float4[], d."SearchVector", to_tsquery('chorus_search', {"{6}"})) DESC, d."Id" DESC
                LIMIT {"{2}"} OFFSET {"{3}"}
                """;
            ranked = await db.Database.SqlQueryRaw<Ranked>(sql, parameters).ToListAsync(ct);
            total = ranked.Count == 0 ? 0 : ranked[0].Total;
        }
        else
        {
            var filters = $"""
                "SearchIndex" MATCH {"{0}"} AND rowid NOT IN (SELECT "Id" FROM "SearchDocuments" WHERE "VisibleFrom" > {"{1}"})
                    {(dated ? """AND rowid IN (SELECT "Id" FROM "SearchDocuments" WHERE "Date" >= {4} AND "Date" < {5})""" : "")}
                """;
            var sql = $"""
                SELECT rowid AS "Id", 0 AS "Total" FROM "SearchIndex" WHERE {filters}
                ORDER BY bm25("SearchIndex", 1000.0, 1.0, 0.0), rowid DESC LIMIT {"{2}"} OFFSET {"{3}"}
                """;
            ranked = await db.Database.SqlQueryRaw<Ranked>(sql, parameters).ToListAsync(ct);
            // FTS5's rank functions cannot run beside a window function, so the count is a query of its own (cheap: nothing ranked).
            var count = $"""SELECT count(*) AS "Value" FROM "SearchIndex" WHERE {filters}""";
            total = ranked.Count == 0 ? 0 : await db.Database.SqlQueryRaw<long>(count, parameters).SingleAsync(ct);
        }
        if (ranked.Count == 0)
        {
            return new SearchResults([], 0);
        }

        // Only this page's texts are read, to show them with their matches marked. The statements' text never changes
        // (the ids are parameters), so EF compiles each once.
        var ids = ranked.Select(r => r.Id).ToArray();
        var shown = new Dictionary<int, Shown>();
        if (postgres)
        {
            const string Headlines = """
                SELECT d."Id", d."Kind", d."Culture", d."Path", d."Date",
                    ts_headline('chorus_search', d."Title", q.query, 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS "Title",
                    ts_headline('chorus_search', d."Body", q.query, 'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS "Snippet"
                FROM "SearchDocuments" d, (SELECT to_tsquery('chorus_search', {0}) AS query) q WHERE d."Id" = ANY({1})
                """;
            shown = (await db.Database.SqlQueryRaw<Shown>(Headlines, parameters[6], ids).ToListAsync(ct)).ToDictionary(s => s.Id);
        }
        else
        {
            // One text at a time: FTS5 finds a match by rowid directly, where a list of rowids would make it walk every match.
            const string Highlights = """
                SELECT d."Id", d."Kind", d."Culture", d."Path", d."Date",
                    highlight("SearchIndex", 0, char(2), char(3)) AS "Title", snippet("SearchIndex", 1, char(2), char(3), ' … ', 24) AS "Snippet"
                FROM "SearchIndex" JOIN "SearchDocuments" d ON d."Id" = "SearchIndex".rowid
                WHERE "SearchIndex" MATCH {0} AND "SearchIndex".rowid = {1}
                """;
            foreach (var id in ids)
            {
                if (await db.Database.SqlQueryRaw<Shown>(Highlights, parameters[6], id).FirstOrDefaultAsync(ct) is { } text)
                {
                    shown[id] = text;
                }
            }
        }
        var hits = ranked.Where(r => shown.ContainsKey(r.Id)).Select(r => shown[r.Id]).Select(s => new SearchHit(Enum.Parse<SearchKind>(s.Kind), s.Culture, s.Path,
            s.Date is { } date ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : null, SearchText.Highlighted(s.Title), SearchText.Highlighted(s.Snippet))).ToList();
        return new SearchResults(hits, (int)total);
    }

    // Terms hold only letters and digits and facets only ASCII letters, so neither needs escaping in either syntax.

    /// <summary>Every term in the title or body (a run of ideographs as a phrase), and the facets in their own column.</summary>
    private static string Fts5Query(SearchRequest request)
    {
        var (required, excluded) = SearchFacets.Of(request);
        var query = string.Join(" AND ", required.Select(any => $"{{Facets}} : ({string.Join(" OR ", any)})").Prepend(Fts5Terms(request.Terms)));
        return excluded is null ? query : $"{query} NOT {{Facets}} : {excluded}";
    }

    private static string Fts5Terms(IReadOnlyList<string> terms) =>
        $"{{Title Body}} : ({string.Join(" ", terms.Select(t => $"\"{string.Join(' ', SearchText.Parts(t))}\""))})";

    /// <summary>The same for PostgreSQL: title and body are weights A and B of the vector, facets weight D.</summary>
    private static string PostgresQuery(SearchRequest request)
    {
        var (required, excluded) = SearchFacets.Of(request);
        var query = string.Join(" & ", required.Select(any => $"({string.Join(" | ", any.Select(f => $"'{f}':D"))})").Prepend(PostgresTerms(request.Terms, ":AB")));
        return excluded is null ? query : $"{query} & !'{excluded}':D";
    }

    private static string PostgresTerms(IReadOnlyList<string> terms, string weights = "") =>
        string.Join(" & ", terms.Select(t => $"({string.Join(" <-> ", SearchText.Parts(t).Select(p => $"'{p}'{weights}"))})"));
}
