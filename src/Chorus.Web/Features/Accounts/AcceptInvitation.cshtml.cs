using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

[EnableRateLimiting(AccountsExtensions.LoginRateLimit)]
internal sealed class AcceptInvitationModel(ChorusDb db, UserManager<ChorusUser> users, SignInManager<ChorusUser> signIn,
    TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewAccount Input { get; set; } = new();

    public Invitation? Invitation { get; private set; }

    private async Task FindAsync()
    {
        Title = S["Join the team"];
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = Invitation.Hash(Token ?? "");
        Invitation = Token is { Length: > 0 }
            ? await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash && i.AcceptedAt == null && i.ExpiresAt > now)
            : null;
    }

    public async Task OnGetAsync()
    {
        await FindAsync();
        if (Invitation is not null)
        {
            Input.Email = Invitation.Email;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await FindAsync();
        if (Invitation is null || !ModelState.IsValid)
        {
            return Page();
        }
        var user = await Input.CreateAsync(users, Invitation.Role, Invitation.Culture, clock.GetUtcNow().UtcDateTime, ModelState, nameof(Input));
        if (user is null)
        {
            return Page();
        }
        user.TranslatorCultures = Invitation.TranslatorCultures;
        await users.UpdateAsync(user);
        Invitation.AcceptedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        await signIn.SignInAsync(user, isPersistent: false);
        return LocalRedirect("/admin");
    }
}
