using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.WordPress;

/// <summary>
/// What an item of an old site became here: a WordPress post, page or attachment (by its ID on that site) and the post or
/// media item made of it. Importing the same export again finds its items here and updates them instead of adding twice.
/// </summary>
internal sealed class ImportedItem
{
    public int Id { get; set; }

    /// <summary>Where it came from: "wordpress:" and the old site's address, so two old sites' IDs never meet.</summary>
    public required string Source { get; set; }

    /// <summary>The item's ID on the old site.</summary>
    public int ExternalId { get; set; }

    /// <summary>"post" (posts and pages, and the translations WPML or Polylang kept as items of their own) or "media".</summary>
    public required string Kind { get; set; }

    /// <summary>The post's or media item's id here.</summary>
    public int LocalId { get; set; }
    public DateTime ImportedAt { get; set; }
}

internal sealed class ImportedItemConfiguration : IEntityTypeConfiguration<ImportedItem>
{
    public void Configure(EntityTypeBuilder<ImportedItem> item)
    {
        item.ToTable("ImportedItems");
        item.Property(i => i.Source).HasMaxLength(300);
        item.Property(i => i.Kind).HasMaxLength(16);
        item.HasIndex(i => new { i.Source, i.ExternalId }).IsUnique();
    }
}
