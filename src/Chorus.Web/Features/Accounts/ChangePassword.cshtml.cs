using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

/// <summary>
/// /admin/account/password: a staff member changes their own password, giving the current one; every other session of the
/// account ends at its next request (<see cref="StaffSession"/>; the new security stamp would end it within a minute too),
/// this one stays signed in.
/// </summary>
[EnableRateLimiting(AccountsExtensions.LoginRateLimit)]
internal sealed class ChangePasswordModel(ChorusDb db, UserManager<ChorusUser> users, SignInManager<ChorusUser> signIn, TimeProvider clock,
    IStringLocalizer<SharedStrings> S) : SitePageModel
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
        await db.EndSessionsAsync(user.Id, except: StaffSessionCookies.Current(HttpContext), clock.GetUtcNow().UtcDateTime);
        // ChangePasswordAsync renewed the security stamp; this browser gets a cookie with the new one, in the same session.
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = S["Your password is changed; you were signed out everywhere else."].Value;
        return LocalRedirect("/admin/account");
    }
}
