using Microsoft.Extensions.Options;

namespace Chorus.Web.Infrastructure;

internal static class Origins
{
    /// <summary>
    /// The site's configured public origin ("https://coalition.example", Site:PublicOrigin) for absolute links. Never
    /// the request's Host or X-Forwarded-Host: a link written from those could be pointed at anyone's server.
    /// </summary>
    public static string Origin(this HttpRequest request) =>
        request.HttpContext.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.PublicOrigin;

    /// <summary>A site-relative address ("/media/…") made absolute with <paramref name="origin"/>; any other kept as it is.</summary>
    public static string? Absolute(string origin, string? url) =>
        url is { } u && u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) ? origin + u : url;
}
