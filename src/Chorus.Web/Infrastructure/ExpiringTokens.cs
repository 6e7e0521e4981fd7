using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Every signed token in the product that expires (the setup link, password-reset links, sealed form
/// timestamps) is made and checked here, against the injected <see cref="TimeProvider"/>. The framework's
/// <c>ITimeLimitedDataProtector</c> and Identity's <c>DataProtectorTokenProvider</c> read the system clock,
/// so a site whose clock is injected (tests, a replayed schedule) would judge expiry by another time.
/// Tokens kept as hashes in the database (invitations, sign-on and registration links) compare their
/// stored expiry with the same clock where they are looked up.
/// </summary>
internal sealed class ExpiringTokens(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>Signs and encrypts <paramref name="payload"/> for <paramref name="purpose"/>, valid for <paramref name="lifetime"/> from now.</summary>
    public string Protect(string purpose, string payload, TimeSpan lifetime)
    {
        var expires = clock.GetUtcNow().Add(lifetime).UtcTicks.ToString(CultureInfo.InvariantCulture);
        return protection.CreateProtector(purpose).Protect(expires + "|" + payload);
    }

    /// <summary>The payload of a token made by <see cref="Protect"/> for the same purpose, or null when it is forged, damaged or expired.</summary>
    public string? Unprotect(string purpose, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        string plain;
        try
        {
            plain = protection.CreateProtector(purpose).Unprotect(token);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return null; // tampered, damaged or from another site
        }
        var bar = plain.IndexOf('|', StringComparison.Ordinal);
        if (bar < 0 || !long.TryParse(plain.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return null;
        }
        return clock.GetUtcNow().UtcTicks < ticks ? plain[(bar + 1)..] : null;
    }

    /// <summary>The current instant, signed and encrypted (a form's "shown at" time); <see cref="Age"/> reads how long ago it was.</summary>
    public string Seal(string purpose) =>
        protection.CreateProtector(purpose).Protect(clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));

    /// <summary>How long ago a value made by <see cref="Seal"/> was sealed; null when it is forged or damaged.</summary>
    public TimeSpan? Age(string purpose, string? sealedValue)
    {
        if (string.IsNullOrEmpty(sealedValue))
        {
            return null;
        }
        try
        {
            var ticks = long.Parse(protection.CreateProtector(purpose).Unprotect(sealedValue), NumberStyles.None, CultureInfo.InvariantCulture);
            return ticks <= DateTimeOffset.MaxValue.UtcTicks ? clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero) : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or OverflowException)
        {
            return null;
        }
    }
}
