using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Newsletter;

/// <summary>
/// A list a reader can subscribe to ("News and statements", "Events", "Calls for sign-on"), named and described per
/// language by the secretariat.
/// </summary>
internal sealed class NewsletterList
{
    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>Order on the subscribe form.</summary>
    public int Position { get; set; }

    /// <summary>Name and description per language; a language without one shows the default language's.</summary>
    public List<NewsletterListText> Texts { get; set; } = [];
    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the list is no longer offered; its subscribers stay until it is deleted.</summary>
    public DateTime? ArchivedAt { get; set; }
    public List<SubscriberList> Subscribers { get; set; } = [];
}

internal sealed class NewsletterListText
{
    public required string Culture { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
}

internal enum SubscriberState { Pending, Confirmed, Unsubscribed, Bouncing }

/// <summary>
/// One reader's address, the language they read in and the lists they chose. Private: never in a public page, feed or API
/// answer. Pending until the emailed link is followed (deleted after 7 days if never); Bouncing after repeated permanent
/// refusals by their mail server.
/// </summary>
internal sealed class Subscriber
{
    public int Id { get; set; }
    public required string Email { get; set; }

    /// <summary>The address as compared (trimmed, lower case): one subscriber per address.</summary>
    public required string EmailKey { get; set; }

    /// <summary>The language every message to them is written in.</summary>
    public required string Culture { get; set; }

    /// <summary>Their IANA zone when they gave one: event times are written in it.</summary>
    public string? TimeZone { get; set; }
    public SubscriberState State { get; set; }

    /// <summary>Where they came from: "form", "import".</summary>
    public string Source { get; set; } = "form";

    /// <summary>The consent they gave: the text's version, the text as shown, and when.</summary>
    public string? ConsentVersion { get; set; }
    public string? ConsentText { get; set; }
    public DateTime? ConsentAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }
    public DateTime? UnsubscribedAt { get; set; }

    /// <summary>
    /// A random value the links in their messages are made from (preferences, one-click unsubscribe); changing it makes
    /// every link sent before useless.
    /// </summary>
    public required string LinkStamp { get; set; }

    /// <summary>Permanent refusals by their mail server in a row; at the limit they become Bouncing.</summary>
    public int Bounces { get; set; }
    public List<SubscriberList> Lists { get; set; } = [];
}

/// <summary>A subscriber on a list.</summary>
internal sealed class SubscriberList
{
    public int SubscriberId { get; set; }
    public Subscriber Subscriber { get; set; } = null!;
    public int ListId { get; set; }
    public NewsletterList List { get; set; } = null!;
    public DateTime AddedAt { get; set; }
}

/// <summary>
/// An address erased at its owner's request: only its SHA-256 stays, so an import or a form cannot add it again
/// silently.
/// </summary>
internal sealed class SuppressedAddress
{
    public required string Hash { get; set; }
    public DateTime At { get; set; }
}

internal sealed class NewsletterConfiguration :
    IEntityTypeConfiguration<NewsletterList>, IEntityTypeConfiguration<Subscriber>, IEntityTypeConfiguration<SubscriberList>,
    IEntityTypeConfiguration<SuppressedAddress>
{
    public void Configure(EntityTypeBuilder<NewsletterList> list)
    {
        list.ToTable("NewsletterLists");
        list.Property(l => l.Slug).HasMaxLength(80);
        list.HasIndex(l => l.Slug).IsUnique();
        list.OwnsMany(l => l.Texts, t => t.ToJson());
    }

    public void Configure(EntityTypeBuilder<Subscriber> subscriber)
    {
        subscriber.ToTable("Subscribers");
        subscriber.Property(s => s.Email).HasMaxLength(320);
        subscriber.Property(s => s.EmailKey).HasMaxLength(320);
        subscriber.HasIndex(s => s.EmailKey).IsUnique();
        subscriber.Property(s => s.Culture).HasMaxLength(16);
        subscriber.Property(s => s.TimeZone).HasMaxLength(64);
        subscriber.Property(s => s.Source).HasMaxLength(16);
        subscriber.Property(s => s.ConsentVersion).HasMaxLength(64);
        subscriber.Property(s => s.ConsentText).HasMaxLength(4000);
        subscriber.Property(s => s.LinkStamp).HasMaxLength(64);
        subscriber.HasIndex(s => new { s.State, s.CreatedAt });
    }

    public void Configure(EntityTypeBuilder<SubscriberList> entry)
    {
        entry.ToTable("SubscriberLists");
        entry.HasKey(e => new { e.SubscriberId, e.ListId });
        entry.HasOne(e => e.Subscriber).WithMany(s => s.Lists).HasForeignKey(e => e.SubscriberId).OnDelete(DeleteBehavior.Cascade);
        entry.HasOne(e => e.List).WithMany(l => l.Subscribers).HasForeignKey(e => e.ListId).OnDelete(DeleteBehavior.Cascade);
        entry.HasIndex(e => e.ListId);
    }

    public void Configure(EntityTypeBuilder<SuppressedAddress> address)
    {
        address.ToTable("SuppressedAddresses");
        address.HasKey(a => a.Hash);
        address.Property(a => a.Hash).HasMaxLength(64);
    }
}
