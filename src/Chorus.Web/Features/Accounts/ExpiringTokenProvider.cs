using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Chorus.Web.Features.Accounts;

/// <summary>
/// Identity's default token provider (password-reset links) made through <see cref="ExpiringTokens"/>, so a
/// link expires by the site's <see cref="TimeProvider"/>; Identity's own provider reads the system clock.
/// The token carries the security stamp, so it stops working once the password has been changed.
/// </summary>
internal sealed class ExpiringTokenProvider(ExpiringTokens tokens) : IUserTwoFactorTokenProvider<ChorusUser>
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(3);

    private static string PurposeOf(string purpose) => "Chorus.Accounts." + purpose;

    public async Task<string> GenerateAsync(string purpose, UserManager<ChorusUser> manager, ChorusUser user) =>
        tokens.Protect(PurposeOf(purpose), await PayloadAsync(manager, user), Lifetime);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ChorusUser> manager, ChorusUser user) =>
        tokens.Unprotect(PurposeOf(purpose), token) is { } payload && payload == await PayloadAsync(manager, user);

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ChorusUser> manager, ChorusUser user) => Task.FromResult(false);

    private static async Task<string> PayloadAsync(UserManager<ChorusUser> manager, ChorusUser user) =>
        await manager.GetUserIdAsync(user) + "|" + await manager.GetSecurityStampAsync(user);
}
