using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

[EnableRateLimiting(AccountsExtensions.LoginRateLimit)]
internal sealed class ForgotPasswordModel(ChorusDb db, UserManager<ChorusUser> users, Mailer mailer, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your email address."), MailAddress(ErrorMessage = "Enter a valid email address."), MaxLength(320)]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() => Title = S["Forgot your password?"];

    public async Task<IActionResult> OnPostAsync()
    {
        Title = S["Forgot your password?"];
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The same answer whether or not the account exists, so the form reveals no addresses.
        Sent = true;
        var user = await users.FindByEmailAsync(Email);
        if (user is { IsActive: true })
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var link = $"{Request.Origin()}/account/reset-password?email={Uri.EscapeDataString(Email)}&token={Uri.EscapeDataString(token)}";
            // In the language the account is written to in: this page has no language of its own (/account is the default's).
            await mailer.QueueAsync(db, user.Email!, user.Culture, S => new MailContent(S["Choose a new password"],
            [
                new MailAction(S["Someone (we hope you) asked to choose a new password for your account. Follow this link within three days:"], link, S["Choose a new password"]),
                new MailText(S["If it was not you, ignore this message: your password stays as it is."]),
            ]));
        }
        // Recorded either way, so an address with an account and one without take the same work (and admins see probing).
        db.AuditLog.Add(new Audit.AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime, UserId = user?.Id, UserName = Email.Trim(), Action = "password reset asked", Entity = "Account",
            EntityId = user?.Id ?? "", IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync();
        mailer.Notify();
        return Page();
    }
}
