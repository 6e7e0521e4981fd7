namespace Chorus.Web.Features.Accounts;

/// <summary>
/// A recognisable name for a browser from its User-Agent, enough for someone to tell their laptop from their phone
/// in their list of sessions; not a fingerprint (no versions are kept).
/// </summary>
internal static class UserAgents
{
    // Order matters: Edge and Opera also say Chrome, Chrome also says Safari, Android also says Linux.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg", "Edge"), ("OPR/", "Opera"), ("SamsungBrowser", "Samsung Internet"), ("Firefox/", "Firefox"), ("FxiOS", "Firefox"),
        ("CriOS", "Chrome"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Platforms =
    [
        ("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("CrOS", "ChromeOS"), ("Windows", "Windows"),
        ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"),
    ];

    public static (string Browser, string Platform) Summarize(string? userAgent)
    {
        var ua = userAgent ?? "";
        return (Find(ua, Browsers), Find(ua, Platforms));
    }

    private static string Find(string ua, (string Token, string Name)[] known) =>
        known.FirstOrDefault(k => ua.Contains(k.Token, StringComparison.Ordinal)).Name ?? "";
}
