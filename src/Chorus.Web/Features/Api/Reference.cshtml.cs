using System.Globalization;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Chorus.Web.Features.Api;

/// <summary>A parameter as the reference shows it; <paramref name="Choices"/> lists the values an enumeration allows.</summary>
internal sealed record ParameterView(string Name, bool InPath, string Type, string? Description, IReadOnlyList<string> Choices, string? Default,
    string? Minimum, string? Maximum);

/// <summary>One endpoint of the API as the reference shows it, read from the OpenAPI document.</summary>
internal sealed record OperationView(string Method, string Path, string Tag, string? Summary, string? Description, IReadOnlyList<ParameterView> Parameters,
    IReadOnlyList<(string Status, string? Description)> Responses, IReadOnlyList<string> Fields, string Example);

/// <summary>
/// /{culture}/api: the API reference for people, rendered from the same OpenAPI document as /openapi/v1.json, so a
/// route, parameter or response added to the code appears here without anyone editing this page.
/// </summary>
internal sealed class ReferenceModel(IOptions<ApiOptions> options, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IReadOnlyList<OperationView> Operations { get; private set; } = [];

    public int RequestsPerMinute => options.Value.RequestsPerMinute;

    public string DocumentUrl => Request.Origin() + ApiDocument.Path;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Public API"];
        Description = S["Read-only JSON about the coalition's posts, statements, events, organisations and campaigns, for other sites and programs."];
        var document = await HttpContext.RequestServices.GetRequiredKeyedService<IOpenApiDocumentProvider>(ApiDocument.Name).GetOpenApiDocumentAsync(ct);
        Operations = [.. (document.Paths ?? []).SelectMany(path => (path.Value.Operations ?? []).Select(op => View(path.Key, op.Key.Method, op.Value)))];
    }

    private OperationView View(string path, string method, OpenApiOperation operation)
    {
        var parameters = (operation.Parameters ?? []).Select(p => new ParameterView(p.Name ?? "", p.In == ParameterLocation.Path,
            TypeOf(p.Schema), p.Description, [.. p.Schema?.Enum?.Select(e => e.ToString()) ?? []], p.Schema?.Default?.ToString(),
            p.Schema?.Minimum, p.Schema?.Maximum)).ToList();
        var responses = (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => (r.Key, r.Value.Description)).ToList();
        var query = string.Join("&", parameters.Where(p => !p.InPath && p.Name is "lang" or "limit")
            .Select(p => p.Name == "lang" ? $"lang={Culture}" : "limit=5"));
        var example = Request.Origin() + path + (query.Length > 0 ? "?" + query : "");
        return new OperationView(method.ToUpperInvariant(), path, operation.Tags?.FirstOrDefault()?.Name ?? "", operation.Summary, operation.Description,
            parameters, responses, Fields(operation), example);
    }

    /// <summary>"integer", "string (date-time)"; the document says no more than that about a type.</summary>
    private static string TypeOf(IOpenApiSchema? schema) => schema?.Type is not { } type ? ""
        : JsonNaming(type) + (schema.Format is { } format ? $" ({format})" : "");

    private static string JsonNaming(JsonSchemaType type) => type.ToString().ToLowerInvariant().Replace(", ", " | ", StringComparison.Ordinal);

    /// <summary>The fields of what a 200 answer holds (of each item, for a page of items).</summary>
    private static IReadOnlyList<string> Fields(OpenApiOperation operation)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok!.Content?.TryGetValue("application/json", out var json) != true)
        {
            return [];
        }
        var schema = json!.Schema;
        if (schema?.Properties?.TryGetValue("items", out var items) == true && items.Items is { } item)
        {
            schema = item;
        }
        return [.. schema?.Properties?.Keys ?? []];
    }

    public string Range(ParameterView p) => p.Minimum is { } min && p.Maximum is { } max
        ? S["From {0} to {1}", min, max] : "";

    public static string Anchor(OperationView op) =>
        (op.Method + op.Path).ToLowerInvariant().Replace("/", "-", StringComparison.Ordinal).Replace("{", "", StringComparison.Ordinal)
            .Replace("}", "", StringComparison.Ordinal).Trim('-');
}
