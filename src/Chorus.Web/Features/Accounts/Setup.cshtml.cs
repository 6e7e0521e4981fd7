using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

/// <summary>The one-time page, reached from the link in the log, that creates the first admin.</summary>
internal sealed class SetupModel(ChorusDb db, UserManager<ChorusUser> users, SignInManager<ChorusUser> signIn,
    ExpiringTokens tokens, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewAccount Input { get; set; } = new();

    private async Task<bool> AllowedAsync() => SetupToken.IsValid(tokens, Token) && !await db.Users.AnyAsync();

    public async Task<IActionResult> OnGetAsync()
    {
        Title = S["Set up Chorus"];
        return await AllowedAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Title = S["Set up Chorus"];
        if (!await AllowedAsync())
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Written to in the language of the page they set the site up in (the default language: /account has no other).
        var user = await Input.CreateAsync(users, Roles.Admin, System.Globalization.CultureInfo.CurrentUICulture.Name, clock.GetUtcNow().UtcDateTime, ModelState, nameof(Input));
        if (user is null)
        {
            return Page();
        }
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/admin");
    }
}
