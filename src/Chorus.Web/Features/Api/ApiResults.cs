using System.Text.Encodings.Web;
using System.Text.Json;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace Chorus.Web.Features.Api;

/// <summary>One page of a list: the items and the absolute address of the next page (null on the last).</summary>
internal sealed record ApiPage<T>(IReadOnlyList<T> Items, string? Next);

/// <summary>How the API answers: JSON with an ETag (304 when unchanged), pages with a next link, errors as ProblemDetails.</summary>
internal static class ApiResults
{
    public const string JsonType = "application/json; charset=utf-8";

    // Every script written as itself, not as \uXXXX escapes (Arabic and Chinese texts would triple in size). The relaxed
    // encoder leaves HTML's characters alone too: this JSON is served as application/json with nosniff, never inside a page.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IResult Item<T>(HttpContext http, T value) =>
        ConditionalGet.Respond(http, JsonSerializer.SerializeToUtf8Bytes(value, Json), JsonType);

    /// <summary>
    /// A page of <paramref name="items"/>; when <paramref name="next"/> is set, the same request with that cursor is
    /// the next page, named in the body and in a Link header (RFC 8288).
    /// </summary>
    public static IResult Page<T>(HttpContext http, IReadOnlyList<T> items, ApiCursor? next)
    {
        string? nextUrl = null;
        if (next is { } cursor)
        {
            var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query["cursor"] = cursor.Encode();
            nextUrl = http.Request.Origin() + http.Request.PathBase + http.Request.Path + QueryString.Create(query);
            http.Response.Headers.Link = $"<{nextUrl}>; rel=\"next\"";
        }
        return Item(http, new ApiPage<T>(items, nextUrl));
    }

    /// <summary>Keeps the first <paramref name="limit"/> of rows read with one extra; true when there were more.</summary>
    public static bool Cut<T>(List<T> rows, int limit)
    {
        if (rows.Count <= limit)
        {
            return false;
        }
        rows.RemoveRange(limit, rows.Count - limit);
        return true;
    }

    public static IResult BadRequest(string parameter, string detail) => Results.Problem(
        title: $"Invalid value for “{parameter}”", detail: detail, statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static IResult NotFound(string what, string slug) => Results.Problem(
        title: "Not found", detail: $"No {what} has the slug “{slug}”.", statusCode: StatusCodes.Status404NotFound);
}
