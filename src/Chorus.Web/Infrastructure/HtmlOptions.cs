using Microsoft.AspNetCore.Html;

namespace Chorus.Web.Infrastructure;

internal static class HtmlOptions
{
    /// <summary>
    /// An &lt;option&gt; with a bare <c>selected</c> when chosen. Razor writes <c>selected="selected"</c> for a true
    /// bool attribute, which is valid but not the boolean style our HTML checker holds public pages to.
    /// </summary>
    public static IHtmlContent Option(string value, string text, bool selected) => new HtmlContentBuilder()
        .AppendHtml("<option value=\"").Append(value).AppendHtml(selected ? "\" selected>" : "\">").Append(text).AppendHtml("</option>");
}
