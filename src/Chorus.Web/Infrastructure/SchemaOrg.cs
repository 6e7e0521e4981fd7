using System.Text.Json;

namespace Chorus.Web.Infrastructure;

/// <summary>
/// schema.org data for search engines, written as JSON-LD data blocks (the CSP allows them: they are not run).
/// System.Text.Json escapes &lt; and &gt;, so a title can never close the script element.
/// </summary>
internal static class SchemaOrg
{
    /// <summary>The things as one JSON-LD block; properties without a value are left out (search engines flag nulls).</summary>
    public static string Json(params Dictionary<string, object?>[] things) =>
        JsonSerializer.Serialize(things.Length == 1 ? Present(things[0]) : things.Select(Present).ToList());

    private static object? Present(object? value) => value switch
    {
        Dictionary<string, object?> thing => thing.Where(p => p.Value is not null && p.Value is not string { Length: 0 })
            .ToDictionary(p => p.Key, p => Present(p.Value)),
        System.Collections.IEnumerable list and not string => list.Cast<object?>().Select(Present).ToList(),
        _ => value,
    };

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
