using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Localization.Machine;

/// <summary>A machine translation service's answer for one piece of HTML in one direction.</summary>
internal sealed class CachedTranslation
{
    /// <summary>SHA-256 of provider, direction and source HTML.</summary>
    public required string Key { get; set; }
    public required string Result { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// A durable request to machine-translate one post, or the missing words of one consultation (its title, introduction,
/// sections, questions and options), into one culture, retried with backoff.
/// </summary>
internal sealed class TranslationJob : IQueuedWork
{
    public int Id { get; set; }
    public int? PostId { get; set; }
    public int? ConsultationId { get; set; }
    public required string Culture { get; set; }
    public QueueStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class TranslationEntitiesConfiguration : IEntityTypeConfiguration<CachedTranslation>, IEntityTypeConfiguration<TranslationJob>
{
    public void Configure(EntityTypeBuilder<CachedTranslation> cached)
    {
        cached.ToTable("MachineTranslationCache");
        cached.HasKey(c => c.Key);
        cached.Property(c => c.Key).HasMaxLength(64);
    }

    public void Configure(EntityTypeBuilder<TranslationJob> job)
    {
        job.Property(j => j.Culture).HasMaxLength(16);
        job.Property(j => j.LastError).HasMaxLength(1000);
        job.HasIndex(j => new { j.Status, j.NextAttemptAt });
        job.HasIndex(j => new { j.PostId, j.Culture });
        job.HasIndex(j => new { j.ConsultationId, j.Culture });
    }
}
