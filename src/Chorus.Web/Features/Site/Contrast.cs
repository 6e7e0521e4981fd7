using System.Globalization;

namespace Chorus.Web.Features.Site;

/// <summary>
/// WCAG 2.2's contrast ratio between two sRGB colours (success criterion 1.4.3): relative luminance per its definition,
/// then (L1 + 0.05) / (L2 + 0.05). A dozen lines; no package we may use does only this.
/// </summary>
internal static class Contrast
{
    /// <summary>Normal text needs 4.5:1 (AA).</summary>
    public const double TextMinimum = 4.5;

    /// <summary>A colour written #rrggbb (any case), or null.</summary>
    public static (int R, int G, int B)? Parse(string? hex) =>
        hex is { Length: 7 } && hex[0] == '#' && int.TryParse(hex.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb)
            ? ((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF)
            : null;

    public static double Ratio((int R, int G, int B) a, (int R, int G, int B) b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance((int R, int G, int B) c) => 0.2126 * Linear(c.R) + 0.7152 * Linear(c.G) + 0.0722 * Linear(c.B);

    private static double Linear(int channel)
    {
        var s = channel / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }
}
