using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// Ties every form field to its message, for screen readers: the message next to a field (<c>asp-validation-for</c>) gets
/// the id <c>{field id}-error</c>, and a field (<c>asp-for</c>) whose value was refused gets <c>aria-invalid</c> and that id
/// in its <c>aria-describedby</c>, after any hint it already names. One place for every form (the framework writes neither).
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("span", Attributes = "asp-validation-for")]
public sealed class FieldErrors : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName("asp-validation-for")]
    public ModelExpression? MessageFor { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    // After the framework's own tag helpers (which write the id and the message).
    public override int Order => 1000;

    // The framework's own id for the field (the default "_" for dots; the site does not change it), then "-error".
    private static string ErrorId(ViewContext view, string expression) =>
        TagBuilder.CreateSanitizedId(view.ViewData.TemplateInfo.GetFullHtmlFieldName(expression), "_") + "-error";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (MessageFor is { } message)
        {
            if (!output.Attributes.ContainsName("id"))
            {
                output.Attributes.SetAttribute("id", ErrorId(ViewContext, message.Name));
            }
            return;
        }
        if (For is not { } field || output.Attributes.TryGetAttribute("type", out var type) && type.Value?.ToString() is "hidden" or "checkbox" or "radio")
        {
            return;
        }
        var name = ViewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(field.Name);
        if (ViewContext.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0)
        {
            output.Attributes.SetAttribute("aria-invalid", "true");
            var described = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? existing.Value?.ToString() : null;
            // A field that already names its own message (written by hand, without asp-validation-for) keeps it.
            if (described?.Split(' ').Any(id => id.EndsWith("-error", StringComparison.Ordinal)) != true)
            {
                var error = ErrorId(ViewContext, field.Name);
                output.Attributes.SetAttribute("aria-describedby", string.IsNullOrEmpty(described) ? error : $"{described} {error}");
            }
        }
    }
}
