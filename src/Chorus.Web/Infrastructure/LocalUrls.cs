using System.Text;

namespace Chorus.Web.Infrastructure;

/// <summary>Return addresses and redirects: only to this site, and always in a form an HTTP header can carry.</summary>
internal static class LocalUrls
{
    /// <summary>
    /// The framework's rules for a local URL (Url.IsLocalUrl, which minimal endpoints cannot reach): "/path" or "~/path",
    /// never "//host" or "/\host", and no control character anywhere ("/%09/evil.example" is "//evil.example" to a browser).
    /// </summary>
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Any(char.IsControl))
        {
            return false;
        }
        var path = url[0] == '~' ? url[1..] : url;
        return path.Length > 0 && path[0] == '/' && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'));
    }

    /// <summary>
    /// Where a link staff write may lead (a menu entry, an old address's new place): a path on this site with no other
    /// host, backslash or space hidden in it, or an http(s) address elsewhere.
    /// </summary>
    public static bool IsLocalOrWeb(string url) => url.StartsWith("http", StringComparison.Ordinal)
        ? Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"
        : IsLocal(url) && url[0] == '/' && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsWhiteSpace);

    /// <summary><paramref name="url"/> when it is local, else <paramref name="fallback"/>.</summary>
    public static string LocalOr(string? url, string fallback) => url is not null && IsLocal(url) ? url[(url[0] == '~' ? 1 : 0)..] : fallback;

    /// <summary>
    /// Kestrel refuses, as it is set, a header value that is not ASCII: a redirect to an Arabic or Chinese slug threw (a 500
    /// for every language link on an Arabic post). It may take a Location in UTF-8, which <see cref="UseAsciiLocations"/>
    /// then percent-encodes before it leaves; every other header stays ASCII-only.
    /// </summary>
    public static void AddAsciiLocations(this IServiceCollection services) =>
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
            o.ResponseHeaderEncodingSelector = name => string.Equals(name, "Location", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8 : null);

    /// <summary>Every redirect leaves with its Location percent-encoded where it is not ASCII (see <see cref="AddAsciiLocations"/>).</summary>
    public static void UseAsciiLocations(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.Headers.Location.ToString() is { Length: > 0 } location && !Ascii.IsValid(location))
            {
                context.Response.Headers.Location = EncodeNonAscii(location);
            }
            return Task.CompletedTask;
        });
        return next(context);
    });

    // By hand: Uri.EscapeUriString is obsolete, and escaping the whole URL again would double-encode the parts already
    // encoded; only the characters a header cannot carry are encoded (UTF-8, as browsers do).
    internal static string EncodeNonAscii(string url)
    {
        var encoded = new StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.IsAscii && !Rune.IsControl(rune) && rune.Value != ' ')
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
