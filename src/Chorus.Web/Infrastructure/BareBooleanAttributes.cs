using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Writes <c>selected</c>, <c>checked</c> and <c>open</c> as bare attributes (<c>&lt;option selected&gt;</c>) whatever set them: a Razor
/// expression (<c>selected="@(kind == k)"</c>), the framework's option and input tag helpers (which write
/// <c>selected="selected"</c>), or the markup itself. One place for every form instead of an if/else around each option;
/// false or empty values drop the attribute. Runs after the framework's tag helpers.
/// </summary>
[HtmlTargetElement("option")]
[HtmlTargetElement("input", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("details")]
public sealed class BareBooleanAttributes : TagHelper
{
    private static readonly string[] Names = ["selected", "checked", "open"];

    public override int Order => int.MaxValue;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        foreach (var name in Names)
        {
            if (!output.Attributes.TryGetAttribute(name, out var attribute))
            {
                continue;
            }
            var on = attribute.ValueStyle == HtmlAttributeValueStyle.Minimized || attribute.Value switch
            {
                null => true,
                bool b => b,
                IHtmlContent html => IsOn(html.ToString() ?? "", name),
                var other => IsOn(other.ToString() ?? "", name),
            };
            output.Attributes.RemoveAll(name);
            if (on)
            {
                output.Attributes.Add(new TagHelperAttribute(name));
            }
        }
    }

    private static bool IsOn(string value, string name) =>
        value.Length == 0 || value.Equals(name, StringComparison.OrdinalIgnoreCase) || value.Equals("true", StringComparison.OrdinalIgnoreCase);
}
