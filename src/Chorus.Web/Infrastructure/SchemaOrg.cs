using System.Text.Json;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// schema.org data for search engines, written as JSON-LD data blocks (the CSP allows them: they are not run).
/// System.Text.Json escapes &lt; and &gt;, so a title can never close the script element.
/// </summary>
internal static class SchemaOrg
{
    public static string Json(params Dictionary<string, object?>[] things) =>
        JsonSerializer.Serialize(things.Length == 1 ? things[0] : (object)things);

    /// <summary>A trail of (name, absolute address) from the home page to this one.</summary>
    public static Dictionary<string, object?> Breadcrumbs(params (string Name, string Url)[] trail) => new()
    {
        ["@context"] = "https://schema.org", ["@type"] = "BreadcrumbList",
        ["itemListElement"] = trail.Select((step, i) => new Dictionary<string, object?>
        {
            ["@type"] = "ListItem", ["position"] = i + 1, ["name"] = step.Name, ["item"] = step.Url,
        }).ToList(),
    };
}
