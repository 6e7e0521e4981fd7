using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

[EnableRateLimiting(AccountsExtensions.LoginRateLimit)]
internal sealed class ResetPasswordModel(ChorusDb db, UserManager<ChorusUser> users, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [BindProperty(SupportsGet = true), Required, MaxLength(320)]
    public string Email { get; set; } = "";

    [BindProperty(SupportsGet = true), Required, MaxLength(2000)]
    public string Token { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Choose a password."), MinLength(12, ErrorMessage = "Use at least 12 characters."), MaxLength(200)]
    public string Password { get; set; } = "";

    public void OnGet() => Title = S["Choose a new password"];

    public async Task<IActionResult> OnPostAsync()
    {
        Title = S["Choose a new password"];
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email);
        var result = user is { IsActive: true }
            ? await users.ResetPasswordAsync(user, Token, Password)
            : IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "" });
        if (result.Succeeded)
        {
            await users.ResetAccessFailedCountAsync(user!);
            // Whoever knew the old password is signed out everywhere.
            await db.EndSessionsAsync(user!.Id, except: null, clock.GetUtcNow().UtcDateTime);
            TempData["Status"] = S["Your new password is saved. Sign in with it."].Value;
            return LocalRedirect("/account/login");
        }
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : "",
                error.Code == "InvalidToken" ? S["This link has expired or was already used. Ask for a new one."] : error.Description);
        }
        return Page();
    }
}
