using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Infrastructure.Email;

/// <summary>An email waiting to be sent: written with the change that caused it, sent later by the outbox sender.</summary>
internal sealed class OutboxMessage : IQueuedWork
{
    public int Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string TextBody { get; set; }

    /// <summary>The HTML alternative of <see cref="TextBody"/>, when the message has one; emptied with it once sent.</summary>
    public string? HtmlBody { get; set; }
    public QueueStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }

    /// <summary>An optional text attachment (a calendar file, for instance).</summary>
    public string? AttachmentName { get; set; }
    public string? AttachmentType { get; set; }
    public string? AttachmentText { get; set; }

    /// <summary>
    /// More header fields, one "Name: value" a line (a newsletter's List-Unsubscribe and List-Unsubscribe-Post); only
    /// the names <see cref="Outbox"/> allows are written.
    /// </summary>
    public string? Headers { get; set; }

    /// <summary>The SMTP reply code of the last failure when the server gave one (550: a permanent refusal).</summary>
    public int? SmtpStatus { get; set; }
}

/// <summary>A text file attached to an email.</summary>
internal sealed record OutboxAttachment(string Name, string ContentType, string Text);

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> message)
    {
        message.ToTable("Outbox");
        message.Property(m => m.To).HasMaxLength(320);
        message.Property(m => m.Subject).HasMaxLength(300);
        message.Property(m => m.LastError).HasMaxLength(1000);
        message.Property(m => m.AttachmentName).HasMaxLength(200);
        message.Property(m => m.AttachmentType).HasMaxLength(100);
        message.Property(m => m.Headers).HasMaxLength(2000);
        message.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
