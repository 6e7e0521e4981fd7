using Microsoft.AspNetCore.DataProtection;

namespace Chorus.Web.Features.Accounts;

/// <summary>The token in the one-time setup link printed on a site with no staff account.</summary>
internal static class SetupToken
{
    private const string Purpose = "Chorus.FirstAdminSetup";
    private const string Payload = "first-admin";

    public static string Create(IDataProtectionProvider provider, TimeProvider clock) =>
        provider.CreateProtector(Purpose).ToTimeLimitedDataProtector()
            .Protect(Payload, clock.GetUtcNow().AddHours(24));

    public static bool IsValid(IDataProtectionProvider provider, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        try
        {
            return provider.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(token) == Payload;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false; // tampered, expired or from another site
        }
    }
}
