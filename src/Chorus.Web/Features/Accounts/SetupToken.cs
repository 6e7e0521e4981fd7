using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Accounts;

/// <summary>The token in the one-time setup link printed on a site with no staff account.</summary>
internal static class SetupToken
{
    private const string Purpose = "Chorus.FirstAdminSetup";
    private const string Payload = "first-admin";

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public static string Create(ExpiringTokens tokens) => tokens.Protect(Purpose, Payload, Lifetime);

    public static bool IsValid(ExpiringTokens tokens, string? token) => tokens.Unprotect(Purpose, token) == Payload;
}
