using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Audit;

/// <summary>One staff action or sign-in: who, when, what, and a before/after summary. Seen by admins only.</summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }

    /// <summary>"sign-in", "sign-in failed", "created", "changed", "deleted", …</summary>
    public required string Action { get; set; }
    public string Entity { get; set; } = "";
    public string EntityId { get; set; } = "";
    public string Summary { get; set; } = "";

    /// <summary>Private: shown to admins, never on a public page or feed.</summary>
    public string? IpAddress { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditLog");
        entry.Property(e => e.UserId).HasMaxLength(450);
        entry.Property(e => e.UserName).HasMaxLength(320);
        entry.Property(e => e.Action).HasMaxLength(40);
        entry.Property(e => e.Entity).HasMaxLength(100);
        entry.Property(e => e.EntityId).HasMaxLength(100);
        entry.Property(e => e.Summary).HasMaxLength(4000);
        entry.Property(e => e.IpAddress).HasMaxLength(64);
        entry.HasIndex(e => e.At);
        entry.HasIndex(e => new { e.Entity, e.EntityId });
    }
}
