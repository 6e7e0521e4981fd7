using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Accounts;

internal sealed record StaffRow(string Id, string DisplayName, string Email, bool IsActive, string TranslatorCultures, IReadOnlyList<string> Roles);

/// <summary>/admin/users: staff accounts, invitations and deactivation. Admins only.</summary>
[Authorize(Roles = Roles.Admin)]
internal sealed class UsersAdminModel(ChorusDb db, UserManager<ChorusUser> users, Mailer mailer, Site.SiteIdentity identity, TimeProvider clock,
    IOptions<AccountOptions> options, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter an email address."), MailAddress(ErrorMessage = "Enter a valid email address."), MaxLength(320)]
        public string Email { get; set; } = "";

        [Required, RegularExpression("^(Admin|Editor|Translator|Moderator)$", ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = Roles.Editor;

        [MaxLength(100)]
        public string? TranslatorCultures { get; set; }

        /// <summary>The language the invitation, and every later email to the new account, is written in.</summary>
        [MaxLength(16)]
        public string Culture { get; set; } = "";
    }

    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public IReadOnlyList<StaffRow> Users { get; private set; } = [];

    public IEnumerable<SelectListItem> RoleOptions => Roles.All.Select(r => new SelectListItem(S[r], r));

    /// <summary>The site's languages, each named in itself: the person invited reads the choice.</summary>
    public IEnumerable<SelectListItem> CultureOptions => site.Value.Cultures.Select(c => new SelectListItem(Cultures.NativeName(c), c));

    public async Task OnGetAsync()
    {
        // The inviter's own language first: colleagues often share it.
        Invite.Culture = (await users.GetUserAsync(User))?.Culture is { Length: > 0 } mine ? mine : site.Value.Cultures[0];
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        var cultures = (Invite.TranslatorCultures ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (cultures.FirstOrDefault(c => !site.Value.Cultures.Contains(c)) is { } unknown)
        {
            ModelState.AddModelError("Invite.TranslatorCultures", S["“{0}” is not one of the site's languages ({1}).", unknown, string.Join(", ", site.Value.Cultures)]);
        }
        if (Invite.Role == Roles.Translator && cultures.Length == 0)
        {
            ModelState.AddModelError("Invite.TranslatorCultures", S["Name the languages this translator may edit."]);
        }
        if (!site.Value.Cultures.Contains(Invite.Culture))
        {
            ModelState.AddModelError("Invite.Culture", S["Choose a language from the list."]);
        }
        if (ModelState.IsValid && await users.FindByEmailAsync(Invite.Email) is not null)
        {
            ModelState.AddModelError("Invite.Email", S["Someone already has an account with this email address."]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var token = Invitation.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Invitations.Add(new Invitation
        {
            Email = Invite.Email, Role = Invite.Role, TranslatorCultures = string.Join(',', cultures), TokenHash = Invitation.Hash(token),
            ExpiresAt = now.AddDays(options.Value.InvitationDays), InvitedBy = User.Identity?.Name ?? "", Culture = Invite.Culture,
        });
        var link = $"{Request.Origin()}/account/invitation?token={token}";
        var name = (await identity.BrandAsync(Invite.Culture)).Name.Text;
        var (inviter, role) = (User.Identity?.Name ?? "", Invite.Role);
        await mailer.QueueAsync(db, Invite.Email, Invite.Culture, S => new MailContent(S["You are invited to {0}", name],
        [
            new MailAction(S["{0} invites you to help run {1} as {2}. Create your account within {3} days:", inviter, name, S[role], options.Value.InvitationDays],
                link, S["Create account"]),
        ]));
        await db.SaveChangesAsync();
        mailer.Notify();
        TempData["Status"] = S["Invitation sent to {0}.", Invite.Email].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRolesAsync(string id, string? role, string? translatorCultures)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        var cultures = (translatorCultures ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var problem = role is null || !Roles.All.Contains(role) ? S["Choose a role."]
            : cultures.FirstOrDefault(c => !site.Value.Cultures.Contains(c)) is { } unknown ? S["“{0}” is not one of the site's languages ({1}).", unknown, string.Join(", ", site.Value.Cultures)]
            : role == Roles.Translator && cultures.Length == 0 ? S["Name the languages this translator may edit."]
            : user.Id == users.GetUserId(User) && role != Roles.Admin ? S["You cannot take away your own admin role."]
            : null;
        if (problem is not null)
        {
            TempData["Status"] = problem.Value;
            return RedirectToPage();
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role!);
        user.TranslatorCultures = string.Join(',', cultures);
        await users.UpdateAsync(user);
        // A new security stamp makes their open sessions pick up the new role at the next check.
        await users.UpdateSecurityStampAsync(user);
        TempData["Status"] = S["{0} is now {1}.", user.Email!, S[role!]].Value;
        return RedirectToPage();
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id) => SetActiveAsync(id, false);

    public Task<IActionResult> OnPostReactivateAsync(string id) => SetActiveAsync(id, true);

    private async Task<IActionResult> SetActiveAsync(string id, bool active)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }
        if (user.Id == users.GetUserId(User))
        {
            TempData["Status"] = S["You cannot deactivate your own account."].Value;
            return RedirectToPage();
        }
        user.IsActive = active;
        await users.UpdateAsync(user);
        if (!active)
        {
            // Their invitation and reset links go with the account.
            await db.ForgetMailToAsync(user.Email, HttpContext.RequestAborted);
        }
        // A new security stamp ends every session of a deactivated account at its next check; ending them ends them now.
        await users.UpdateSecurityStampAsync(user);
        if (!active)
        {
            await db.EndSessionsAsync(user.Id, except: null, clock.GetUtcNow().UtcDateTime);
        }
        TempData["Status"] = (active ? S["{0} can sign in again.", user.Email!] : S["{0} is deactivated.", user.Email!]).Value;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Title = S["Users"];
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        Users = [.. (await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ToListAsync())
            .Select(u => new StaffRow(u.Id, u.DisplayName, u.Email ?? "", u.IsActive, u.TranslatorCultures,
                [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!)]))];
    }
}
