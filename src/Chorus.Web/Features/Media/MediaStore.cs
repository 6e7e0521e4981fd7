using System.Security.Cryptography;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Chorus.Web.Features.Media;

/// <summary>What an upload turned out to be.</summary>
internal sealed record StoredMedia(MediaKind Kind, string Hash, IReadOnlyList<int> Widths, long Bytes, int Height = 0, string Format = "jpg");

/// <summary>
/// Decides an upload's type by its content, never its name; re-encodes images with SkiaSharp into a
/// few widths (which drops EXIF, GPS included, after applying the orientation); stores PDFs as they are.
/// Files go to the media folder, and with <c>Media:Store=Database</c> to the database as well, from which every node
/// copies into its own folder what it is asked for (names carry a content hash, so a copy never goes stale; a deleted
/// item's copies go with the eviction of its tag, on every node).
/// </summary>
internal sealed partial class MediaStore(IOptions<MediaOptions> options, IHostEnvironment environment, IStringLocalizer<SharedStrings> S) : ILocalCopies
{
    public string Folder { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Folder));

    private bool InDatabase => options.Value.Store == MediaStoreKind.Database;

    /// <summary>The tag whose eviction drops every node's copies of one item's files.</summary>
    public static string Tag(string hash) => $"media:{hash}";

    /// <summary>
    /// Stores an upload, or says why it was refused, in words for the person uploading. With the database store its files
    /// are added to <paramref name="db"/>, saved with the caller's change.
    /// </summary>
    public async Task<(StoredMedia? Media, string? Problem)> SaveAsync(Stream upload, ChorusDb db, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (bytes.Length > options.Value.MaxBytes)
        {
            return (null, S["The file is too large."]);
        }
        var hash = Convert.ToHexString(SHA256.HashData(bytes))[..16].ToLowerInvariant();
        Directory.CreateDirectory(Folder);
        if (IsPdf(bytes))
        {
            await KeepAsync(db, $"{hash}.pdf", bytes, ct);
            return (new StoredMedia(MediaKind.Pdf, hash, [], bytes.Length), null);
        }
        if (SvgFile.LooksLikeSvg(bytes))
        {
            var (size, problem) = SvgFile.Check(bytes);
            if (size is not var (svgWidth, svgHeight))
            {
                return (null, S[problem!]);
            }
            await KeepAsync(db, $"{hash}.svg", bytes, ct);
            return (new StoredMedia(MediaKind.Image, hash, [svgWidth], bytes.Length, svgHeight, "svg"), null);
        }
        if (!LooksLikeImage(bytes))
        {
            return (null, S["Only JPEG, PNG, GIF, WebP and SVG images and PDF documents can be uploaded."]);
        }
        // The header alone gives the size: nothing is decoded yet.
        using var codec = SKCodec.Create(new SKMemoryStream(bytes));
        if (codec is null)
        {
            return (null, S["This image could not be read; it may be damaged."]);
        }
        var limit = options.Value.MaxImageMegapixels;
        if ((long)codec.Info.Width * codec.Info.Height > limit * 1_000_000L)
        {
            return (null, S["This image is {0} × {1} pixels; the limit is {2} megapixels.", codec.Info.Width, codec.Info.Height, limit]);
        }
        using var decoded = Decode(codec, options.Value.EffectiveWidths.Max());
        if (decoded is null)
        {
            return (null, S["This image could not be read; it may be damaged."]);
        }
        using var upright = Orient(decoded, codec.EncodedOrigin);
        var widths = options.Value.EffectiveWidths.Where(w => w < upright.Width).Append(Math.Min(upright.Width, options.Value.EffectiveWidths.Max())).Distinct().Order().ToList();
        // A PNG is a logo, a diagram or a screenshot more often than a photograph: it stays a PNG, transparency and sharp
        // edges kept; everything else becomes a JPEG.
        var png = codec.EncodedFormat == SKEncodedImageFormat.Png;
        var height = 0;
        foreach (var width in widths)
        {
            height = Math.Max(1, (int)Math.Round(upright.Height * (double)width / upright.Width));
            using var resized = width == upright.Width ? upright.Copy() : upright.Resize(new SKImageInfo(width, height, upright.ColorType, upright.AlphaType), new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var image = SKImage.FromBitmap(resized);
            using var encoded = image.Encode(png ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg, png ? 100 : 82);
            await KeepAsync(db, $"{hash}-{width}.{(png ? "png" : "jpg")}", encoded.ToArray(), ct);
        }
        return (new StoredMedia(MediaKind.Image, hash, widths, bytes.Length, height, png ? "png" : "jpg"), null);
    }

    private async Task KeepAsync(ChorusDb db, string name, byte[] content, CancellationToken ct)
    {
        await File.WriteAllBytesAsync(Path.Combine(Folder, name), content, ct);
        if (InDatabase && !await db.MediaFiles.AnyAsync(f => f.Name == name, ct))
        {
            db.MediaFiles.Add(new MediaFile { Name = name, Content = content });
        }
    }

    /// <summary>
    /// Deletes the files of an item no other item shares. With the database store the rows go here and each node's copies
    /// go when the caller evicts <see cref="Tag"/>.
    /// </summary>
    public async Task DeleteAsync(ChorusDb db, string hash, CancellationToken ct)
    {
        if (InDatabase)
        {
            await db.MediaFiles.Where(f => f.Name.StartsWith(hash)).ExecuteDeleteAsync(ct);
        }
        else
        {
            DeleteHere(hash);
        }
    }

    private void DeleteHere(string prefix)
    {
        foreach (var file in Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder, prefix + "*") : [])
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Copies a file from the database into this node's folder and returns its path, or null when there is no such file.
    /// Written under a temporary name and moved, so a reader never sees half a file.
    /// </summary>
    public async Task<string?> CopyHereAsync(ChorusDb db, string name, CancellationToken ct)
    {
        var path = Path.Combine(Folder, name);
        if (File.Exists(path))
        {
            return path;
        }
        var content = await db.MediaFiles.Where(f => f.Name == name).Select(f => f.Content).SingleOrDefaultAsync(ct);
        if (content is null)
        {
            return null;
        }
        Directory.CreateDirectory(Folder);
        var part = $"{path}.{Guid.NewGuid():N}.part";
        await File.WriteAllBytesAsync(part, content, ct);
        File.Move(part, path, overwrite: true);
        return path;
    }

    /// <summary>
    /// Stores in the database every file of the folder that is not there yet (the `media copy-to-database` command, run once
    /// before switching to <c>Media:Store=Database</c>); returns how many.
    /// </summary>
    public async Task<int> CopyToDatabaseAsync(ChorusDb db, CancellationToken ct)
    {
        var copied = 0;
        foreach (var path in Directory.Exists(Folder) ? Directory.EnumerateFiles(Folder) : [])
        {
            var name = Path.GetFileName(path);
            if (IsMediaName(name) && !await db.MediaFiles.AnyAsync(f => f.Name == name, ct))
            {
                db.MediaFiles.Add(new MediaFile { Name = name, Content = await File.ReadAllBytesAsync(path, ct) });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                copied++;
            }
        }
        return copied;
    }

    /// <summary>Whether a name is one this store writes (hash, then a width and .jpg or .png, or .pdf, or .svg): nothing else is looked up.</summary>
    public static bool IsMediaName(string name) => MediaName().IsMatch(name);

    /// <summary>The type a stored file is served as, by the extension this store gave it.</summary>
    public static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".pdf" => "application/pdf",
        ".png" => "image/png",
        ".svg" => "image/svg+xml",
        _ => "image/jpeg",
    };

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{16}(-[0-9]{1,5}\\.(jpg|png)|\\.pdf|\\.svg)$")]
    private static partial System.Text.RegularExpressions.Regex MediaName();

    void ILocalCopies.Evict(string tag)
    {
        if (InDatabase && tag.StartsWith("media:", StringComparison.Ordinal))
        {
            DeleteHere(tag["media:".Length..]);
        }
    }

    // Copies of items deleted while this node was not hearing evictions would be served on: drop every copy.
    void ILocalCopies.Away(bool away)
    {
        if (InDatabase && !away)
        {
            DeleteHere("");
        }
    }

    public PhysicalFileProvider Files()
    {
        Directory.CreateDirectory(Folder);
        return new PhysicalFileProvider(Folder);
    }

    /// <summary>
    /// Decodes no larger than the widest stored copy needs: a JPEG straight to a half, a quarter or an eighth of its size
    /// when that is still wide enough; other formats at full size, which the pixel limit bounds.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, int widest)
    {
        var info = codec.Info;
        var uprightWidth = Turned(codec.EncodedOrigin) ? info.Height : info.Width;
        var scaled = codec.GetScaledDimensions(Math.Min(1f, (float)widest / uprightWidth));
        var size = (Turned(codec.EncodedOrigin) ? scaled.Height : scaled.Width) >= Math.Min(widest, uprightWidth) ? scaled : info.Size;
        return SKBitmap.Decode(codec, info.WithSize(size).WithAlphaType(info.AlphaType == SKAlphaType.Unpremul ? SKAlphaType.Premul : info.AlphaType).WithColorSpace(null));
    }

    /// <summary>Whether the camera's orientation turns the picture a quarter, so its width is the stored height.</summary>
    private static bool Turned(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    private static bool IsPdf(byte[] b) => b.Length > 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-';

    private static bool LooksLikeImage(byte[] b) =>
        (b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        || (b.Length > 8 && b[0] == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G')
        || (b.Length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8')
        || (b.Length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P');

    /// <summary>Turns the pixels the way the camera meant, since the EXIF that said so is about to go.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }
        var swap = Turned(origin);
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        var (w, h) = (result.Width, result.Height);
        canvas.SetMatrix(origin switch
        {
            SKEncodedOrigin.TopRight => SKMatrix.CreateScale(-1, 1, w / 2f, 0),
            SKEncodedOrigin.BottomRight => SKMatrix.CreateRotationDegrees(180, w / 2f, h / 2f),
            SKEncodedOrigin.BottomLeft => SKMatrix.CreateScale(1, -1, 0, h / 2f),
            SKEncodedOrigin.RightTop => SKMatrix.CreateTranslation(w, 0).PreConcat(SKMatrix.CreateRotationDegrees(90)),
            SKEncodedOrigin.LeftBottom => SKMatrix.CreateTranslation(0, h).PreConcat(SKMatrix.CreateRotationDegrees(270)),
            _ => SKMatrix.Identity,
        });
        using var image = SKImage.FromBitmap(source);
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear));
        return result;
    }
}
