using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

/// <summary>Sign-out is a POST with an antiforgery token, so no link or image on another site can sign staff out.</summary>
internal sealed class LogoutModel(SignInManager<ChorusUser> signIn, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public void OnGet() => Title = S["Sign out"];

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
