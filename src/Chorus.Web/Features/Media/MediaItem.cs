using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Media;

internal enum MediaKind { Image, Pdf }

/// <summary>An uploaded image (stored re-encoded in a few widths) or PDF, served under content-hashed names.</summary>
internal sealed partial class MediaItem
{
    public int Id { get; set; }
    public MediaKind Kind { get; set; }
    public required string OriginalName { get; set; }

    /// <summary>Required for images: what a screen reader says.</summary>
    public string AltText { get; set; } = "";

    /// <summary>First 16 hex digits of the SHA-256 of the upload: the start of every stored file's name.</summary>
    public required string Hash { get; set; }

    /// <summary>Stored widths of an image, e.g. [480, 960, 1600]; for an SVG its drawn width, once; empty for PDFs.</summary>
    public List<int> Widths { get; set; } = [];

    /// <summary>
    /// The height of the widest stored copy (an SVG's drawn height), so pages can say how much room an image takes before it
    /// arrives; 0 for PDFs and for images stored before heights were kept.
    /// </summary>
    public int Height { get; set; }

    /// <summary>How an image is stored: "jpg" (photographs), "png" (PNG uploads, transparency kept) or "svg" (as uploaded).</summary>
    public string Format { get; set; } = "jpg";
    public long Bytes { get; set; }
    public DateTime UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";

    /// <summary>
    /// The hash of the library item a copied address names, in any form a person may have copied it (the file's path
    /// "/media/{hash}-960.jpg", its full URL, the Markdown the media page shows); null when it names none.
    /// </summary>
    public static string? HashIn(string? address) =>
        address is not null && MediaPath().Match(address) is { Success: true } m ? m.Groups[1].Value : null;

    [System.Text.RegularExpressions.GeneratedRegex("/media/([0-9a-f]{16})[-.]")]
    private static partial System.Text.RegularExpressions.Regex MediaPath();

    public string Url(int? width = null) => Kind == MediaKind.Pdf
        ? $"/media/{Hash}.pdf"
        : Format == "svg" ? $"/media/{Hash}.svg" : $"/media/{Hash}-{width ?? Widths.Max()}.{Format}";

    /// <summary>The height of the copy <paramref name="width"/> wide (0 when not known).</summary>
    public int HeightAt(int width) => Widths.Count == 0 ? 0 : (int)Math.Round(Height * (double)width / Widths.Max());
}

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> item)
    {
        item.Property(m => m.OriginalName).HasMaxLength(255);
        item.Property(m => m.AltText).HasMaxLength(500);
        item.Property(m => m.Hash).HasMaxLength(16);
        item.Property(m => m.UploadedBy).HasMaxLength(320);
        item.Property(m => m.Format).HasMaxLength(8).HasDefaultValue("jpg");
        item.HasIndex(m => m.Hash);
    }
}

/// <summary>
/// One stored file of a media item (an image in one width, a PDF) kept in the database, when the nodes share their media
/// there (<c>Media:Store=Database</c>); each node keeps a copy in its media folder once it has served it.
/// </summary>
internal sealed class MediaFile
{
    /// <summary>The file's name under /media/, e.g. "0123456789abcdef-960.jpg".</summary>
    public required string Name { get; set; }
    public required byte[] Content { get; set; }
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> file)
    {
        file.HasKey(f => f.Name);
        file.Property(f => f.Name).HasMaxLength(40);
    }
}

/// <summary>Where uploads are kept.</summary>
internal enum MediaStoreKind
{
    /// <summary>The media folder of this machine: one node, or a folder every node mounts.</summary>
    Folder,

    /// <summary>The database every node uses, each node keeping copies of what it served in its media folder.</summary>
    Database,
}

internal sealed class MediaOptions
{
    /// <summary>Where uploads are kept: Folder (one node) or Database (several nodes).</summary>
    public MediaStoreKind Store { get; set; } = MediaStoreKind.Folder;

    /// <summary>Where uploads are stored (relative to the content root).</summary>
    public string Folder { get; set; } = "data/media";

    /// <summary>Largest upload accepted, in bytes.</summary>
    [Range(1024, 500L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>
    /// Largest image accepted, in millions of pixels, read from the file's header before anything is decoded: a small PNG
    /// can hold an image that takes gigabytes to decode (16000 × 16000 pixels are 1 GB at four bytes a pixel).
    /// </summary>
    [Range(1, 500)]
    public int MaxImageMegapixels { get; set; } = 40;

    /// <summary>Widths an image is stored in (never wider than the original).</summary>
    public int[] Widths { get; set; } = [];

    public int[] EffectiveWidths => Widths.Length > 0 ? Widths : [480, 960, 1600];
}
