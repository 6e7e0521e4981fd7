using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Events;

internal enum RegistrationStatus { Confirmed, Waiting, Cancelled }

/// <summary>A person registered for an event through our form. Name, email and organisation are private: staff only.</summary>
internal sealed class Registration
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event Event { get; set; } = null!;
    public required string Name { get; set; }
    public required string Email { get; set; }
    public int? OrganisationId { get; set; }
    public string? OrganisationName { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? Country { get; set; }

    /// <summary>The interpretation the person needs, as a culture code; null for none.</summary>
    public string? Interpretation { get; set; }

    /// <summary>The reader's zone when registering, to write their times in their own zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>The language of the page they registered from; their emails are written in it.</summary>
    public string Culture { get; set; } = "en";
    public RegistrationStatus Status { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>When they agreed to their data being kept for this registration (required to register).</summary>
    public DateTime ConsentAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public DateTime? PromotedAt { get; set; }

    /// <summary>SHA-256 of the secret in their cancel link; the secret itself is only in their email.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The session start each reminder was last sent for (so a series reminds before each session).</summary>
    public DateTime? Reminded24For { get; set; }
    public DateTime? Reminded1For { get; set; }
}

internal sealed class RegistrationConfiguration : IEntityTypeConfiguration<Registration>
{
    public void Configure(EntityTypeBuilder<Registration> r)
    {
        r.ToTable("EventRegistrations");
        r.Property(x => x.Name).HasMaxLength(200);
        r.Property(x => x.Email).HasMaxLength(320);
        r.Property(x => x.OrganisationName).HasMaxLength(300);
        r.Property(x => x.Country).HasMaxLength(2);
        r.Property(x => x.Interpretation).HasMaxLength(16);
        r.Property(x => x.TimeZone).HasMaxLength(64);
        r.Property(x => x.Culture).HasMaxLength(16);
        r.Property(x => x.TokenHash).HasMaxLength(64);
        r.HasIndex(x => x.TokenHash).IsUnique();
        r.HasIndex(x => new { x.EventId, x.Status, x.CreatedAt });
        r.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
