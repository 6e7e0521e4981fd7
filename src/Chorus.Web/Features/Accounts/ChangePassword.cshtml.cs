using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

/// <summary>
/// /admin/account/password: a staff member changes their own password, giving the current one; every other session of the
/// account ends (a new security stamp, checked by every signed-in browser within a minute), this one stays signed in.
/// </summary>
[EnableRateLimiting(AccountsExtensions.LoginRateLimit)]
internal sealed class ChangePasswordModel(UserManager<ChorusUser> users, SignInManager<ChorusUser> signIn, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your current password."), MaxLength(200)]
    public string CurrentPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Choose a password."), MinLength(12, ErrorMessage = "Use at least 12 characters."), MaxLength(200)]
    public string NewPassword { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Type the new password again."), Compare(nameof(NewPassword), ErrorMessage = "The two new passwords differ.")]
    public string ConfirmPassword { get; set; } = "";

    public void OnGet() => Title = S["Change your password"];

    public async Task<IActionResult> OnPostAsync()
    {
        Title = S["Change your password"];
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!result.Succeeded)
        {
            // The only failure a person can cause here past the checks above is a wrong current password.
            ModelState.AddModelError(result.Errors.Any(e => e.Code == "PasswordMismatch") ? nameof(CurrentPassword) : nameof(NewPassword),
                result.Errors.Any(e => e.Code == "PasswordMismatch") ? S["This is not your current password."] : S["This password cannot be used; choose another."]);
            return Page();
        }
        // ChangePasswordAsync renewed the security stamp, which signs out every other browser; this one gets a new cookie.
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = S["Your password is changed; you were signed out everywhere else."].Value;
        return LocalRedirect("/admin/account");
    }
}
