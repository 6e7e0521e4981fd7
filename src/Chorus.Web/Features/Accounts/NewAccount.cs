using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Chorus.Web.Features.Accounts;

/// <summary>The fields of a new account, for the setup page and for accepting an invitation.</summary>
internal sealed class NewAccount
{
    [Required(ErrorMessage = "Enter your name."), MaxLength(200)]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter your email address."), MailAddress(ErrorMessage = "Enter a valid email address."), MaxLength(320)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password."), MinLength(12, ErrorMessage = "Use at least 12 characters."), MaxLength(200)]
    public string Password { get; set; } = "";

    /// <summary>Creates the account with the given role and email language; Identity's complaints land next to the fields.</summary>
    public async Task<ChorusUser?> CreateAsync(UserManager<ChorusUser> users, string role, string culture, DateTime now, ModelStateDictionary modelState, string prefix)
    {
        var user = new ChorusUser { UserName = Email, Email = Email, EmailConfirmed = true, DisplayName = DisplayName, Culture = culture, CreatedAt = now };
        var result = await users.CreateAsync(user, Password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        foreach (var error in result.Errors)
        {
            var field = error.Code.Contains("Password", StringComparison.Ordinal) ? nameof(Password)
                : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(Email) : "";
            modelState.AddModelError(field.Length > 0 ? $"{prefix}.{field}" : "", error.Description);
        }
        return result.Succeeded ? user : null;
    }
}
