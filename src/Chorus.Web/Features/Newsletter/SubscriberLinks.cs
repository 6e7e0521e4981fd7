using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Newsletter;

/// <summary>
/// The links every message to a subscriber carries: their preferences page (language, lists, unsubscribe, without signing
/// in) and the one-click unsubscribe address of RFC 8058. The token is the subscriber's id and <see cref="Subscriber.LinkStamp"/>
/// sealed with Data Protection (its keys are in the database, so every node reads every link): nothing to store per
/// message, and a new stamp ends every link sent before.
/// </summary>
internal sealed class SubscriberLinks(IDataProtectionProvider protection, IOptions<SiteOptions> site)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Chorus.Newsletter.SubscriberLinks");

    public string Token(Subscriber subscriber) =>
        WebEncoders.Base64UrlEncode(_protector.Protect(System.Text.Encoding.UTF8.GetBytes($"{subscriber.Id}:{subscriber.LinkStamp}")));

    /// <summary>The subscriber id and stamp a token was made from, or null for a token that was not made here.</summary>
    public (int Id, string Stamp)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(_protector.Unprotect(WebEncoders.Base64UrlDecode(token)));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && int.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
                ? (id, text[(colon + 1)..]) : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The preferences page, in the subscriber's language.</summary>
    public string PreferencesUrl(Subscriber subscriber) =>
        $"{site.Value.PublicOrigin}/{subscriber.Culture}/newsletter/preferences?token={Token(subscriber)}";

    /// <summary>The address a mail client POSTs to (List-Unsubscribe-Post: List-Unsubscribe=One-Click).</summary>
    public string OneClickUrl(Subscriber subscriber) =>
        $"{site.Value.PublicOrigin}/newsletter/unsubscribe?token={Token(subscriber)}";

    /// <summary>A new random stamp (for a new subscriber, or to end every link sent so far).</summary>
    public static string NewStamp() => WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
}
