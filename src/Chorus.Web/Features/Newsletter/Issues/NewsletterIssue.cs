using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Newsletter.Issues;

internal enum IssueState { Draft, Scheduled, Sending, Paused, Sent }

internal enum IssueItemKind { Post, Event, Campaign }

/// <summary>
/// One issue of the newsletter: a subject and an introduction (written in <see cref="Culture"/>, with translations), the
/// site's posts, events and campaigns it points to in order, and the lists it goes to. Each subscriber receives it in
/// their own language; its public web version lives at /{culture}/newsletter/{slug} once sent.
/// </summary>
internal sealed class NewsletterIssue
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public string Culture { get; set; } = "en";
    public required string Subject { get; set; }

    /// <summary>Markdown, rendered and sanitised as every text on the site is.</summary>
    public string Introduction { get; set; } = "";
    public List<IssueText> Translations { get; set; } = [];
    public List<IssueItem> Items { get; set; } = [];
    public List<int> ListIds { get; set; } = [];
    public IssueState State { get; set; }

    /// <summary>When sending starts (UTC), for a scheduled issue.</summary>
    public DateTime? ScheduledAt { get; set; }

    /// <summary>When the last subscriber's copy was queued: the date the archive shows.</summary>
    public DateTime? SentAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The subject and introduction in <paramref name="culture"/>'s chain: (culture written in, subject, introduction).</summary>
    public (string Culture, string Subject, string Introduction) TextFor(IReadOnlyList<string> chain)
    {
        foreach (var culture in chain)
        {
            if (culture == Culture)
            {
                break;
            }
            if (Translations.Find(t => t.Culture == culture) is { } t)
            {
                return (t.Culture, t.Subject, t.Introduction);
            }
        }
        return (Culture, Subject, Introduction);
    }
}

/// <summary>The subject and introduction written in one more language.</summary>
internal sealed class IssueText
{
    public required string Culture { get; set; }
    public required string Subject { get; set; }
    public string Introduction { get; set; } = "";
}

/// <summary>A post (news, statement…), event or campaign of the site, by id.</summary>
internal sealed class IssueItem
{
    public IssueItemKind Kind { get; set; }
    public int RefId { get; set; }
}

internal enum DeliveryState { Queued, Sent, Failed }

/// <summary>
/// One subscriber's copy of one issue, created in the same transaction as its outbox message; unique per issue and
/// subscriber, so however often sending is interrupted and resumed nobody gets two copies, and nobody none.
/// </summary>
internal sealed class NewsletterDelivery
{
    public long Id { get; set; }
    public int IssueId { get; set; }
    public int SubscriberId { get; set; }
    public int? OutboxMessageId { get; set; }

    /// <summary>The copy in the outbox; null once the outbox has forgotten it (Email:KeepSentDays).</summary>
    public Infrastructure.Email.OutboxMessage? Message { get; set; }
    public DeliveryState State { get; set; }
    public DateTime CreatedAt { get; set; }
}

internal sealed class NewsletterIssueConfiguration : IEntityTypeConfiguration<NewsletterIssue>, IEntityTypeConfiguration<NewsletterDelivery>
{
    public void Configure(EntityTypeBuilder<NewsletterIssue> issue)
    {
        issue.ToTable("NewsletterIssues");
        issue.Property(i => i.Slug).HasMaxLength(120);
        issue.HasIndex(i => i.Slug).IsUnique();
        issue.Property(i => i.Culture).HasMaxLength(16);
        issue.Property(i => i.Subject).HasMaxLength(300);
        issue.Property(i => i.CreatedBy).HasMaxLength(256);
        issue.OwnsMany(i => i.Translations, t => t.ToJson());
        issue.OwnsMany(i => i.Items, t => t.ToJson());
        issue.HasIndex(i => new { i.State, i.ScheduledAt });
    }

    public void Configure(EntityTypeBuilder<NewsletterDelivery> delivery)
    {
        delivery.ToTable("NewsletterDeliveries");
        delivery.HasIndex(d => new { d.IssueId, d.SubscriberId }).IsUnique();
        // State first: the sender and the queued-copies sync look for the few Queued rows among every issue's Sent ones (a list
        // of 10,000 sent weekly is half a million a year); IssueId second for "is this issue still going out". Queries by
        // issue alone use the unique index above.
        delivery.HasIndex(d => new { d.State, d.IssueId });
        delivery.HasOne<NewsletterIssue>().WithMany().HasForeignKey(d => d.IssueId).OnDelete(DeleteBehavior.Cascade);
        delivery.HasOne(d => d.Message).WithMany().HasForeignKey(d => d.OutboxMessageId).OnDelete(DeleteBehavior.SetNull);
        delivery.HasIndex(d => d.OutboxMessageId);
        delivery.HasOne<Subscriber>().WithMany().HasForeignKey(d => d.SubscriberId).OnDelete(DeleteBehavior.Cascade);
    }
}
