using Chorus.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Chorus.Web.Features.Localization;

internal static class CultureEndpoints
{
    public const string Cookie = "chorus-culture";

    public static void MapCultures(this WebApplication app)
    {
        // "/" sends each reader to their language: the one they chose before, else their browser's.
        app.MapGet("/", (HttpContext http, IOptions<SiteOptions> site) =>
        {
            http.Response.Headers.Vary = "Accept-Language, Cookie";
            return TypedResults.Redirect($"/{PickCulture(http.Request, site.Value)}/");
        });

        // The language switcher goes through here to remember the choice, then on to the page.
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http, IOptions<SiteOptions> site) =>
        {
            if (!site.Value.Cultures.Contains(culture, StringComparer.Ordinal))
            {
                return Results.NotFound();
            }
            http.Response.Cookies.Append(Cookie, culture, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                IsEssential = true,
            });
            var local = LocalUrls.IsLocal(returnUrl) && returnUrl!.StartsWith($"/{culture}/", StringComparison.Ordinal);
            return Results.Redirect(local ? returnUrl! : $"/{culture}/");
        });
    }

    internal static string PickCulture(HttpRequest request, SiteOptions site)
    {
        if (request.Cookies.TryGetValue(Cookie, out var remembered) && site.Cultures.Contains(remembered, StringComparer.Ordinal))
        {
            return remembered;
        }
        if (StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
        {
            foreach (var language in languages.OrderByDescending(l => l.Quality ?? 1))
            {
                var code = language.Value.Value?.Split('-')[0].ToLowerInvariant();
                if (code is not null && site.Cultures.Contains(code, StringComparer.Ordinal))
                {
                    return code;
                }
            }
        }
        return site.Cultures[0];
    }
}
