using System.Globalization;
using System.Text.Json;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Api;

/// <summary>
/// Reads one API request's query string. Every parameter arrives as text and is checked here, so a bad value is a
/// 400 that names the parameter and says what would do (never the framework's bare 400, never a 500). The first
/// problem found is kept in <see cref="Problem"/>; a parser returns a harmless default after a problem.
/// </summary>
internal sealed class ApiQuery
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    private static readonly string[] InstantFormats =
        ["yyyy-MM-dd", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    private readonly HttpContext _http;

    public ApiQuery(HttpContext http, string? lang)
    {
        _http = http;
        var site = http.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value;
        Now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        Culture = site.Cultures[0];
        if (!string.IsNullOrEmpty(lang))
        {
            if (site.Cultures.Contains(lang, StringComparer.Ordinal))
            {
                Culture = lang;
            }
            else
            {
                Fail("lang", $"“lang” must be one of the site's languages: {string.Join(", ", site.Cultures)}.");
            }
        }
        Chain = site.FallbackChain(Culture);
    }

    /// <summary>The reader's language: texts come in it where a person wrote or translated them, else along <see cref="Chain"/>.</summary>
    public string Culture { get; }

    public IReadOnlyList<string> Chain { get; }

    public DateTime Now { get; }

    public string Origin => _http.Request.Origin();

    /// <summary>A same-site path ("/media/x.jpg") made absolute; other addresses as they are.</summary>
    public string? Absolute(string? url) => Origins.Absolute(Origin, url);

    /// <summary>The 400 to answer instead of a result, when a parameter was wrong.</summary>
    public IResult? Problem { get; private set; }

    public int Limit(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return DefaultLimit;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MaxLimit)
        {
            return limit;
        }
        Fail("limit", $"“limit” must be a whole number from 1 to {MaxLimit}.");
        return DefaultLimit;
    }

    /// <summary>The position after which the page starts; null for the first page.</summary>
    public ApiCursor? Cursor(string? text, bool instant = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (ApiCursor.TryDecode(text, out var cursor) && (!instant || cursor.TryGetInstant(out _)))
        {
            return cursor;
        }
        Fail("cursor", "“cursor” is not one this API gave out. Use the “next” address of a previous page as it is, or leave the cursor out to start again.");
        return null;
    }

    /// <summary>An ISO 8601 date ("2025-03-01", midnight UTC) or date and time ("2025-03-01T09:30:00Z", UTC when no offset is given).</summary>
    public DateTime? Instant(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (DateTimeOffset.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return at.UtcDateTime;
        }
        Fail(name, $"“{name}” must be an ISO 8601 date or date and time, such as 2025-03-01 or 2025-03-01T09:30:00Z.");
        return null;
    }

    /// <summary>One of an enumeration's values (or of <paramref name="allowed"/>), written as the API writes them ("tradeUnion"); any letter case.</summary>
    public T? Choice<T>(string name, string? text, IReadOnlyCollection<T>? allowed = null) where T : struct, Enum
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        allowed ??= Enum.GetValues<T>();
        if (char.IsAsciiLetter(text[0]) && Enum.TryParse<T>(text, ignoreCase: true, out var value) && allowed.Contains(value))
        {
            return value;
        }
        Fail(name, $"“{name}” must be one of: {string.Join(", ", allowed.Select(Name))}.");
        return null;
    }

    /// <summary>A slug or code to match exactly; control characters (which some databases refuse) and very long values are rejected.</summary>
    public string? Text(string name, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        if (text.Length <= 200 && !text.Any(char.IsControl))
        {
            return text;
        }
        Fail(name, $"“{name}” must be at most 200 characters, without control characters.");
        return null;
    }

    /// <summary>An ISO 3166-1 alpha-2 code of a country we know, upper case.</summary>
    public string? Country(string? text)
    {
        if (Text("country", text) is not { } code)
        {
            return null;
        }
        if (Organisations.Countries.Get(code) is { } country)
        {
            return country.Code;
        }
        Fail("country", $"“{code}” is not an ISO 3166-1 alpha-2 country code such as KE or FR.");
        return null;
    }

    /// <summary>A category's slug, which must name a category.</summary>
    public async Task<string?> CategoryAsync(ChorusDb db, string? text, CancellationToken ct)
    {
        if (Text("category", text) is not { } slug)
        {
            return null;
        }
        if (await db.Categories.AnyAsync(c => c.Slug == slug, ct))
        {
            return slug;
        }
        Fail("category", $"No category has the slug “{slug}”.");
        return null;
    }

    public void Fail(string parameter, string detail) =>
        Problem ??= ApiResults.BadRequest(parameter, detail);

    /// <summary>An enumeration value as the API writes it: camelCase ("openLetter").</summary>
    public static string Name<T>(T value) where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}

internal static class QueryFilters
{
    /// <summary>The filter when the client asked for it (its parameter was given), else the query unchanged.</summary>
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool asked, System.Linq.Expressions.Expression<Func<T, bool>> filter) =>
        asked ? query.Where(filter) : query;
}
