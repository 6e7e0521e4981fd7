using System.Globalization;
using System.Xml;

namespace Chorus.Web.Features.Media;

/// <summary>
/// Decides whether an uploaded SVG (a logo, most often) may be served from the site's own origin. An SVG is a document that
/// can carry script, event handlers, embedded HTML and links to other origins; opened directly from /media/ it would run
/// as the site. Rather than rewrite one (no sanitiser we can use understands SVG well), anything of the kind is refused
/// with what was found, so the person uploading can export the file again without it; the served file is the uploaded
/// one, byte for byte. Written here because HtmlSanitizer handles HTML, not standalone SVG documents.
/// </summary>
internal static class SvgFile
{
    private const string SvgNamespace = "http://www.w3.org/2000/svg";

    // Elements that run script, embed other documents or animate attributes (an animation can turn an href into javascript:).
    private static readonly HashSet<string> Refused = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "foreignObject", "iframe", "embed", "object", "animate", "set", "animateMotion", "animateTransform", "handler", "listener",
    };

    public static bool LooksLikeSvg(byte[] bytes)
    {
        var start = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 1024)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return start.StartsWith("<?xml", StringComparison.Ordinal) || start.StartsWith("<svg", StringComparison.Ordinal)
            || (start.StartsWith("<!--", StringComparison.Ordinal) && start.Contains("<svg", StringComparison.Ordinal));
    }

    /// <summary>The drawn size of an acceptable SVG, or the reason (a localisable sentence) it is refused.</summary>
    public static ((int Width, int Height)? Size, string? Problem) Check(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, MaxCharactersInDocument = 10_000_000 };
        (int, int)? size = null;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (size is null)
                {
                    if (reader.LocalName != "svg" || reader.NamespaceURI != SvgNamespace)
                    {
                        return (null, "This file is not an SVG image.");
                    }
                    size = Size(reader);
                }
                if (Refused.Contains(reader.LocalName))
                {
                    return (null, "This SVG contains script or embedded content; export it again as a plain drawing.");
                }
                if (reader.LocalName == "style" && reader.ReadInnerXml() is var css
                    && (css.Contains("@import", StringComparison.OrdinalIgnoreCase) || css.Contains("url(", StringComparison.OrdinalIgnoreCase)))
                {
                    return (null, "This SVG loads other files; export it again as a plain drawing.");
                }
                while (reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        return (null, "This SVG contains script or embedded content; export it again as a plain drawing.");
                    }
                    if ((reader.LocalName == "href" && !reader.Value.StartsWith('#'))
                        || (reader.LocalName == "style" && reader.Value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !reader.Value.Contains("url(#", StringComparison.OrdinalIgnoreCase)))
                    {
                        return (null, "This SVG loads other files; export it again as a plain drawing.");
                    }
                }
            }
        }
        catch (XmlException)
        {
            return (null, "This image could not be read; it may be damaged.");
        }
        return size is null ? (null, "This file is not an SVG image.") : (size, null);
    }

    // The size the drawing asks for: width and height in pixels when given, else the view box's; 300 × 150 (a browser's
    // default) when it says neither.
    private static (int, int) Size(XmlReader svg)
    {
        var width = Pixels(svg.GetAttribute("width"));
        var height = Pixels(svg.GetAttribute("height"));
        var box = (svg.GetAttribute("viewBox") ?? "").Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
        if (box.Length == 4 && double.TryParse(box[2], CultureInfo.InvariantCulture, out var boxWidth)
            && double.TryParse(box[3], CultureInfo.InvariantCulture, out var boxHeight) && boxWidth > 0 && boxHeight > 0)
        {
            (width, height) = (width, height) switch
            {
                (> 0, > 0) => (width, height),
                (> 0, _) => (width, width * boxHeight / boxWidth),
                (_, > 0) => (height * boxWidth / boxHeight, height),
                _ => (boxWidth, boxHeight),
            };
        }
        return width > 0 && height > 0
            ? ((int)Math.Clamp(Math.Round(width), 1, 10_000), (int)Math.Clamp(Math.Round(height), 1, 10_000))
            : (300, 150);
    }

    private static double Pixels(string? length) =>
        length is not null && double.TryParse(length.Trim().Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var value) ? value : 0;
}
