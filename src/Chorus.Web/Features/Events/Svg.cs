using System.Globalization;
using Microsoft.AspNetCore.Html;

namespace Chorus.Web.Features.Events;

internal static class Svg
{
    /// <summary>An SVG &lt;text&gt; element: Razor reserves the tag name &lt;text&gt; for itself, so it is written here.</summary>
    public static IHtmlContent Text(double x, double y, string cssClass, string content) => new HtmlContentBuilder()
        .AppendHtml(string.Create(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{y:0.#}\" class=\"{cssClass}\">"))
        .Append(content).AppendHtml("</text>");
}
