namespace Chorus.Web.Features.Media;

/// <summary>
/// A featured image as the _Picture partial writes it: every stored width in srcset, its shape in width and height, lazy
/// when it is below the first screen. <paramref name="Sizes"/> says how wide it shows, so a phone takes the 480 copy.
/// </summary>
internal sealed record Picture(MediaItem Item, bool Lazy, string? Class = "featured", string Sizes = Picture.FullWidth)
{
    /// <summary>The page's column: at most 46rem (site.css --measure) less its padding, else the screen.</summary>
    public const string FullWidth = "(min-width: 46rem) 44rem, calc(100vw - 2rem)";

    /// <summary>A listing's thumbnail beside its text (site.css .thumb).</summary>
    public const string Thumbnail = "(min-width: 46rem) 12rem, 33vw";
}
