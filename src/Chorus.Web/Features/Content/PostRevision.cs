using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Content;

/// <summary>A post as it was after one save: kept for every save, compared and restored from the admin.</summary>
internal sealed class PostRevision
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public Post? Post { get; set; }
    public DateTime At { get; set; }
    public string Author { get; set; } = "";
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string? Summary { get; set; }
    public required string BodyMarkdown { get; set; }
    public PostStatus Status { get; set; }
    public DateTime? PublishedAt { get; set; }
}

internal sealed class PostRevisionConfiguration : IEntityTypeConfiguration<PostRevision>
{
    public void Configure(EntityTypeBuilder<PostRevision> revision)
    {
        revision.Property(r => r.Author).HasMaxLength(320);
        revision.Property(r => r.Title).HasMaxLength(300);
        revision.Property(r => r.Slug).HasMaxLength(200);
        revision.Property(r => r.Summary).HasMaxLength(1000);
        revision.HasOne(r => r.Post).WithMany().HasForeignKey(r => r.PostId).OnDelete(DeleteBehavior.Cascade);
        revision.HasIndex(r => new { r.PostId, r.Id });
    }
}
