using System.Globalization;
using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Search;

/// <summary>What a reader asked for: words, and optionally a kind of item, a language and a date range (end exclusive).</summary>
/// <param name="Chain">The reader's languages, best first: of an item's texts that match, the first of these is shown.</param>
internal sealed record SearchRequest(IReadOnlyList<string> Terms, SearchKind[] Kinds, string? Culture, DateTime? From, DateTime? Until, IReadOnlyList<string> Chain);

/// <summary>One item found, in the language its best-matching text is written in; titles and snippets are safe HTML.</summary>
internal sealed record SearchHit(SearchKind Kind, string Culture, string Path, DateTime? Date, string TitleHtml, string SnippetHtml);

internal sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total);

/// <summary>
/// Full-text search over <see cref="SearchDocument"/>s with each database's own engine: SQLite FTS5 (unicode61,
/// accents removed) or PostgreSQL text search (the unaccent dictionary, a GIN index). Items whose title matches
/// come first, then by relevance (bm25 / ts_rank with the title weighted above the body); an item written in
/// several languages appears once, in the reader's language when that text matches. SQL by hand: neither
/// engine's match, rank or snippet functions have a LINQ translation in both providers.
/// </summary>
internal static class SearchQueries
{
    private sealed class Row
    {
        public int Id { get; init; }
        public string Kind { get; init; } = "";
        public string Culture { get; init; } = "";
        public string Path { get; init; } = "";
        public DateTime? Date { get; init; }
        public bool TitleHit { get; init; }
        public long Total { get; init; }
    }

    private sealed class Highlight
    {
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public string Snippet { get; init; } = "";
    }

    private static readonly DateTime Earliest = new(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc), Latest = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<SearchResults> RunAsync(ChorusDb db, SearchRequest request, DateTime now, int skip, int take, CancellationToken ct)
    {
        if (request.Terms.Count == 0)
        {
            return new SearchResults([], 0);
        }
        var postgres = db.Database.IsNpgsql();
        var match = postgres ? PostgresQuery(request.Terms) : Fts5Query(request.Terms);
        // Filters are always present and switched off by their own values, so one statement serves every search.
        var kinds = request.Kinds.Length == 0 ? ["", ""] : request.Kinds.Select(k => k.ToString()).Append(request.Kinds[0].ToString()).Take(2).ToArray();
        object[] parameters =
        [
            match, now, kinds[0], kinds[1], request.Culture ?? "", request.From is null && request.Until is null ? 0 : 1,
            request.From ?? Earliest, request.Until ?? Latest, Preferred(0), take, skip, $"{{Title}} : ({match})", Preferred(1), Preferred(2),
        ];
        string Preferred(int n) => n < request.Chain.Count ? request.Chain[n] : "";
        const string Filters = """
            AND (d."VisibleFrom" IS NULL OR d."VisibleFrom" <= {1})
            AND ({2} = '' OR d."Kind" = {2} OR d."Kind" = {3})
            AND ({4} = '' OR d."Culture" = {4})
            AND ({5} = 0 OR (d."Date" >= {6} AND d."Date" < {7}))
            """;
        const string Preference = """CASE m."Culture" WHEN {8} THEN 0 WHEN {12} THEN 1 WHEN {13} THEN 2 ELSE 3 END""";
        var sql = postgres
            ? $$"""
                WITH q AS (SELECT to_tsquery('chorus_search', {0}) AS query),
                m AS (
                    SELECT d."Id", d."Kind", d."Culture", d."Path", d."Date", ts_rank(d."SearchVector", q.query) AS "Rank",
                        to_tsvector('chorus_search', d."Title") @@ q.query AS "TitleHit"
                    FROM "SearchDocuments" d, q
                    WHERE d."SearchVector" @@ q.query {{Filters}}),
                r AS (SELECT m.*, row_number() OVER (PARTITION BY m."Path" ORDER BY {{Preference}}, m."Rank" DESC) AS n FROM m)
                SELECT "Id", "Kind", "Culture", "Path", "Date", "TitleHit", count(*) OVER () AS "Total" FROM r WHERE n = 1
                ORDER BY "TitleHit" DESC, "Rank" DESC, "Id" DESC LIMIT {9} OFFSET {10}
                """
            : $$"""
                WITH m AS (
                    SELECT d."Id", d."Kind", d."Culture", d."Path", d."Date", bm25("SearchIndex", 10.0, 1.0) AS "Rank"
                    FROM "SearchIndex" JOIN "SearchDocuments" d ON d."Id" = "SearchIndex".rowid
                    WHERE "SearchIndex" MATCH {0} {{Filters}}),
                r AS (
                    SELECT m.*, m."Id" IN (SELECT rowid FROM "SearchIndex" WHERE "SearchIndex" MATCH {11}) AS "TitleHit",
                        row_number() OVER (PARTITION BY m."Path" ORDER BY {{Preference}}, m."Rank") AS n FROM m)
                SELECT "Id", "Kind", "Culture", "Path", "Date", "TitleHit", count(*) OVER () AS "Total" FROM r WHERE n = 1
                ORDER BY "TitleHit" DESC, "Rank", "Id" DESC LIMIT {9} OFFSET {10}
                """;
        var rows = await db.Database.SqlQueryRaw<Row>(sql, parameters).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return new SearchResults([], 0);
        }

        // Highlighting reads each text again, so it is done for this page's items only.
        var ids = string.Join(",", rows.Select(r => r.Id.ToString(CultureInfo.InvariantCulture)));
        var highlightSql = postgres
            ? $"""
                SELECT d."Id", ts_headline('chorus_search', d."Title", q.query, 'HighlightAll=true, StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS "Title",
                    ts_headline('chorus_search', d."Body", q.query, 'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … ", StartSel=' || chr(2) || ', StopSel=' || chr(3)) AS "Snippet"
                FROM "SearchDocuments" d, (SELECT to_tsquery('chorus_search', {"{0}"}) AS query) q WHERE d."Id" IN ({ids})
                """
            : $"""
                SELECT rowid AS "Id", highlight("SearchIndex", 0, char(2), char(3)) AS "Title", snippet("SearchIndex", 1, char(2), char(3), ' … ', 24) AS "Snippet"
                FROM "SearchIndex" WHERE "SearchIndex" MATCH {"{0}"} AND rowid IN ({ids})
                """;
        var highlights = (await db.Database.SqlQueryRaw<Highlight>(highlightSql, match).ToListAsync(ct)).ToDictionary(h => h.Id);
        var hits = rows.Select(r => new SearchHit(Enum.Parse<SearchKind>(r.Kind), r.Culture, r.Path,
            r.Date is { } date ? DateTime.SpecifyKind(date, DateTimeKind.Utc) : null,
            SearchText.Highlighted(highlights[r.Id].Title), SearchText.Highlighted(highlights[r.Id].Snippet))).ToList();
        return new SearchResults(hits, (int)rows[0].Total);
    }

    /// <summary>Every term must occur; a run of ideographs as a phrase. Terms hold only letters and digits, so need no escaping.</summary>
    private static string Fts5Query(IReadOnlyList<string> terms) =>
        string.Join(" ", terms.Select(t => $"\"{string.Join(' ', SearchText.Parts(t))}\""));

    private static string PostgresQuery(IReadOnlyList<string> terms) =>
        string.Join(" & ", terms.Select(t => $"({string.Join(" <-> ", SearchText.Parts(t).Select(p => $"'{p}'"))})"));
}
