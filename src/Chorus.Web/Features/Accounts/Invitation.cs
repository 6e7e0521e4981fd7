using System.Security.Cryptography;
using System.Text;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Accounts;

/// <summary>An emailed, expiring invitation to join the staff in a role. Only a hash of its token is stored.</summary>
internal sealed class Invitation
{
    public int Id { get; set; }
    public required string Email { get; set; }
    public required string Role { get; set; }
    public string TranslatorCultures { get; set; } = "";
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public string InvitedBy { get; set; } = "";

    /// <summary>The language the invitation is written in, and the new account's.</summary>
    public string Culture { get; set; } = "";

    public static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.Property(i => i.Email).HasMaxLength(320);
        invitation.Property(i => i.Role).HasMaxLength(40);
        invitation.Property(i => i.TranslatorCultures).HasMaxLength(100);
        invitation.Property(i => i.TokenHash).HasMaxLength(64);
        invitation.Property(i => i.InvitedBy).HasMaxLength(320);
        invitation.Property(i => i.Culture).HasMaxLength(16);
        invitation.HasIndex(i => i.TokenHash).IsUnique();
    }
}
