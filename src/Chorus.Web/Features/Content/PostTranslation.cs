using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Content;

internal enum TranslationState
{
    /// <summary>Written or reviewed by a person: shown to readers and search engines.</summary>
    Human,

    /// <summary>Made by a machine, waiting for review: never shown to readers.</summary>
    MachineDraft,

    /// <summary>Made by a machine and released: offered to readers, labelled, kept from search engines.</summary>
    MachinePublished,
}

/// <summary>One post's text in one other culture.</summary>
internal sealed class PostTranslation : IPostText
{
    public int Id { get; set; }
    public int PostId { get; set; }
    public required string Culture { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public required string BodyMarkdown { get; set; }
    public string BodyHtml { get; set; } = "";
    public string Excerpt { get; set; } = "";
    public TranslationState State { get; set; }

    /// <summary>The original's <see cref="Post.ContentHash"/> when this was translated; differs once the original changes.</summary>
    public required string SourceHash { get; set; }

    /// <summary>For statements: the speaker's role, the venue and the addressee in this language.</summary>
    public string? StatementSpeakerRole { get; set; }
    public string? StatementVenue { get; set; }
    public string? StatementAddressee { get; set; }

    /// <summary>The language a machine translation pivoted through (e.g. "es"), when it did.</summary>
    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class PostTranslationConfiguration : IEntityTypeConfiguration<PostTranslation>
{
    public void Configure(EntityTypeBuilder<PostTranslation> translation)
    {
        translation.HasIndex(t => new { t.PostId, t.Culture }).IsUnique();
        translation.Property(t => t.Culture).HasMaxLength(16);
        translation.Property(t => t.Title).HasMaxLength(300);
        translation.Property(t => t.Summary).HasMaxLength(1000);
        translation.Property(t => t.Excerpt).HasMaxLength(1000);
        translation.Property(t => t.SourceHash).HasMaxLength(64);
        translation.Property(t => t.Note).HasMaxLength(200);
        translation.Property(t => t.StatementSpeakerRole).HasMaxLength(200);
        translation.Property(t => t.StatementVenue).HasMaxLength(300);
        translation.Property(t => t.StatementAddressee).HasMaxLength(300);
        translation.HasOne<Post>().WithMany(p => p.Translations).HasForeignKey(t => t.PostId).OnDelete(DeleteBehavior.Cascade);
    }
}
