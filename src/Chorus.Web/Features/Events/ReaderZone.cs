using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Events;

/// <summary>
/// The reader's time zone: chosen in a form (works without JavaScript) or filled in by a small script from
/// the browser, and remembered in a cookie. Pages that show it vary their cached copies by it.
/// </summary>
internal static class ReaderZone
{
    public const string Cookie = "tz";

    public static string? Of(HttpContext http) =>
        http.Request.Cookies.TryGetValue(Cookie, out var value) && EventTimes.IsZone(Uri.UnescapeDataString(value)) ? Uri.UnescapeDataString(value) : null;

    /// <summary>GET /timezone?zone=Asia/Manila&amp;returnUrl=/en/events: remembers (or, empty, forgets) the zone, then goes back.</summary>
    public static void MapReaderZone(this WebApplication app) => app.MapGet("/timezone", (HttpContext http, string? zone, string? returnUrl) =>
    {
        var back = LocalUrls.LocalOr(returnUrl, "/");
        if (string.IsNullOrEmpty(zone))
        {
            http.Response.Cookies.Delete(Cookie);
        }
        else if (EventTimes.IsZone(zone))
        {
            http.Response.Cookies.Append(Cookie, zone, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = false, IsEssential = true, Path = "/",
            });
        }
        else
        {
            return Results.Problem(title: "Unknown time zone", detail: "Choose a time zone from the list, such as Europe/Paris.", statusCode: 400);
        }
        return Results.Redirect(back);
    });
}
