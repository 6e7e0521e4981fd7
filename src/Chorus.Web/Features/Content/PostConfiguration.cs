using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Content;

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.Property(p => p.Title).HasMaxLength(300);
        post.Property(p => p.Slug).HasMaxLength(200);
        post.HasIndex(p => p.Slug).IsUnique();
        post.Property(p => p.Summary).HasMaxLength(1000);
        post.Property(p => p.Excerpt).HasMaxLength(1000);
        post.Property(p => p.AuthorName).HasMaxLength(200);
        post.HasOne(p => p.Image).WithMany().HasForeignKey(p => p.ImageId).OnDelete(DeleteBehavior.SetNull);
        post.Property(p => p.Culture).HasMaxLength(16);
        post.Property(p => p.ContentHash).HasMaxLength(64);
        // Listings walk this index newest first (keyset paging, never a large OFFSET).
        post.HasIndex(p => new { p.PublishedAt, p.Id });
        // The statement register reads one kind: without this it walked every published post (42 ms at 20,000 posts).
        post.HasIndex(p => new { p.Kind, p.PublishedAt });
        post.HasMany(p => p.Categories).WithMany(c => c.Posts).UsingEntity<PostCategory>(
            link => link.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId),
            link => link.HasOne<Post>().WithMany().HasForeignKey(x => x.PostId),
            link =>
            {
                link.ToTable("PostCategories");
                link.HasIndex(x => x.PostId);
            });

        post.OwnsOne(p => p.Statement, s =>
        {
            s.ToTable("Statements");
            s.Property(x => x.SpeakerName).HasMaxLength(200);
            s.Property(x => x.SpeakerRole).HasMaxLength(200);
            s.Property(x => x.SpeakerOrganisation).HasMaxLength(200);
            s.Property(x => x.Venue).HasMaxLength(300);
            s.Property(x => x.Addressee).HasMaxLength(300);
            s.HasIndex(x => x.DeliveredOn);
            s.OwnsMany(x => x.Versions, v =>
            {
                v.ToTable("StatementVersions");
                // One version per language; a natural key, as SQLite cannot generate part of a composite key.
                v.WithOwner().HasForeignKey("PostId");
                v.HasKey("PostId", "Culture");
                v.Property(x => x.Culture).HasMaxLength(16);
                v.Property(x => x.Title).HasMaxLength(300);
                v.Property(x => x.Url).HasMaxLength(500);
            });
        });
    }
}

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> category)
    {
        category.Property(c => c.Name).HasMaxLength(100);
        category.Property(c => c.Slug).HasMaxLength(100);
        category.HasIndex(c => c.Slug).IsUnique();
        category.OwnsMany(c => c.Names, n =>
        {
            n.ToTable("CategoryNames");
            n.WithOwner().HasForeignKey("CategoryId");
            n.HasKey("CategoryId", nameof(CategoryName.Culture));
            n.Property(x => x.Culture).HasMaxLength(16);
            n.Property(x => x.Name).HasMaxLength(100);
        });
    }
}
