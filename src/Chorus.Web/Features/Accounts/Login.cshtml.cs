using System.ComponentModel.DataAnnotations;
using Chorus.Web.Features.Audit;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

[EnableRateLimiting(AccountsExtensions.LoginRateLimit)]
internal sealed class LoginModel(SignInManager<ChorusUser> signIn, IPasswordHasher<ChorusUser> hasher, IStringLocalizer<SharedStrings> S,
    SignInAudit audit) : SitePageModel
{
    // A hash to check passwords against when there is no account: an unknown address then costs what a known one does.
    private static string? _decoy;
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address."), MailAddress(ErrorMessage = "Enter a valid email address."), MaxLength(320)]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password."), MaxLength(200)]
        public string Password { get; set; } = "";
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet() => Title = S["Sign in"];

    public async Task<IActionResult> OnPostAsync()
    {
        Title = S["Sign in"];
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(Input.Email);
        // A deactivated account fails like a wrong password: nothing tells an attacker it exists.
        Microsoft.AspNetCore.Identity.SignInResult result;
        if (user is { IsActive: true })
        {
            result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        }
        else
        {
            var decoy = _decoy ??= hasher.HashPassword(new ChorusUser(), Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(new ChorusUser(), decoy, Input.Password);
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        await audit.SignInAsync(HttpContext, user, Input.Email, result);
        if (result.Succeeded)
        {
            return LocalRedirect(LocalUrls.LocalOr(ReturnUrl, "/admin"));
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/TwoFactor", new { ReturnUrl });
        }
        // One message for a wrong password, an unknown address and a locked account: which it was would tell an attacker
        // that the address has an account.
        ModelState.AddModelError("", S["The email address or the password is wrong, or the account is locked for 15 minutes after too many attempts."]);
        return Page();
    }
}
