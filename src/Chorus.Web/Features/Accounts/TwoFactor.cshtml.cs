using System.ComponentModel.DataAnnotations;
using Chorus.Web.Features.Audit;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

/// <summary>The second step of signing in: a TOTP code, or a recovery code.</summary>
[EnableRateLimiting(AccountsExtensions.LoginRateLimit)]
internal sealed class TwoFactorModel(SignInManager<ChorusUser> signIn, SignInAudit audit, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the code."), MaxLength(40)]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Title = S["Two-factor sign-in"];
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect("/account/login") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Title = S["Two-factor sign-in"];
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return LocalRedirect("/account/login");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        await audit.SignInAsync(HttpContext, user, user.Email ?? "", result);
        if (result.Succeeded)
        {
            return LocalRedirect(LocalUrls.LocalOr(ReturnUrl, "/admin"));
        }
        ModelState.AddModelError("", result.IsLockedOut
            ? S["Too many failed attempts: this account is locked for 15 minutes."]
            : S["That code is not right. Codes change every 30 seconds; try the current one."]);
        return Page();
    }
}
