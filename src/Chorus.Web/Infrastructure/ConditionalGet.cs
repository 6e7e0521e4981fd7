using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Conditional GET for documents we write ourselves (feeds, API answers): the ETag is a hash of the body, so a client
/// polling something unchanged gets a 304 and no body, whether or not the output cache answered first.
/// </summary>
internal static class ConditionalGet
{
    /// <summary>
    /// The body with its ETag (and Last-Modified, when <paramref name="updated"/> is known), or 304 when the request's
    /// If-None-Match names that ETag or, without one, its If-Modified-Since is not older than <paramref name="updated"/>.
    /// </summary>
    public static IResult Respond(HttpContext http, byte[] body, string contentType, DateTime? updated = null)
    {
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..32]}\"");
        http.Response.Headers.ETag = etag.ToString();
        DateTimeOffset? modified = null;
        if (updated is { } at)
        {
            // HTTP dates have whole seconds; compare what the client can send back.
            modified = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).AddTicks(-(at.Ticks % TimeSpan.TicksPerSecond));
            http.Response.Headers.LastModified = modified.Value.ToString("R", CultureInfo.InvariantCulture);
        }
        var request = http.Request.GetTypedHeaders();
        var notModified = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false) || t.Equals(EntityTagHeaderValue.Any))
            : modified is { } m && request.IfModifiedSince >= m;
        return notModified ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, contentType);
    }
}
