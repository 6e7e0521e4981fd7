using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Accounts;

/// <summary>
/// One browser a staff member signed in from. Its id travels in the (encrypted) sign-in cookie; a cookie whose session
/// is ended or gone is refused at its next request, on whichever node it arrives: the row, not the cookie, decides.
/// No address is kept: the person recognises a session by its browser and times.
/// </summary>
internal sealed class StaffSession
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The last request seen, written at most every few minutes (<see cref="StaffSessionCookies.SeenEvery"/>).</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>The browser and the system, from its User-Agent, such as "Firefox" and "Windows"; empty when unknown.</summary>
    public string Browser { get; set; } = "";
    public string Platform { get; set; } = "";

    /// <summary>Set when signed out, or ended from another session or by a password change.</summary>
    public DateTime? EndedAt { get; set; }

    public static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> session)
    {
        session.ToTable("StaffSessions");
        session.Property(s => s.Id).HasMaxLength(32);
        session.Property(s => s.UserId).HasMaxLength(450);
        session.Property(s => s.Browser).HasMaxLength(40);
        session.Property(s => s.Platform).HasMaxLength(40);
        session.HasOne<ChorusUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        session.HasIndex(s => s.UserId);
    }
}
