using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Accounts;

/// <summary>A member of the secretariat: admin, editor, translator or moderator.</summary>
internal sealed class ChorusUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>False once deactivated: the account keeps its history but cannot sign in.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>For translators: the cultures they may translate into, comma-separated (e.g. "fr,es").</summary>
    public string TranslatorCultures { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>IANA zone in which this person enters and reads times in the admin; empty means the site's.</summary>
    public string TimeZone { get; set; } = "";

    /// <summary>The language this person is written to in (invitations, password resets, digests); empty means the site's default.</summary>
    public string Culture { get; set; } = "";
}

internal sealed class ChorusUserConfiguration : IEntityTypeConfiguration<ChorusUser>
{
    public void Configure(EntityTypeBuilder<ChorusUser> user)
    {
        user.Property(u => u.DisplayName).HasMaxLength(200);
        user.Property(u => u.TranslatorCultures).HasMaxLength(100);
        user.Property(u => u.TimeZone).HasMaxLength(64);
        user.Property(u => u.Culture).HasMaxLength(16);
    }
}

/// <summary>The staff roles; each admin page names the roles it admits.</summary>
internal static class Roles
{
    public const string Admin = "Admin";
    public const string Editor = "Editor";
    public const string Translator = "Translator";
    public const string Moderator = "Moderator";

    public static readonly string[] All = [Admin, Editor, Translator, Moderator];

    /// <summary>Comma-joined, for [Authorize(Roles = ...)].</summary>
    public const string Staff = $"{Admin},{Editor},{Translator},{Moderator}";
    public const string Editors = $"{Admin},{Editor}";
}
