using System.Text.Json.Nodes;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Chorus.Web.Features.Api;

/// <summary>What one query or path parameter means, written once for every endpoint that takes it.</summary>
internal sealed record ApiParameter(string Description, JsonSchemaType Type, string? Format = null, string[]? Choices = null, int? Minimum = null,
    int? Maximum = null, string? Default = null);

/// <summary>
/// /openapi/v1.json: the /api/v1 endpoints only, with their summaries, parameters (described from one table, since the
/// handlers take every value as text to answer a bad one with a ProblemDetails) and responses. The reference page
/// reads the same document, so the two cannot disagree.
/// </summary>
internal static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/v1.json";

    private static string[] Names<T>() where T : struct, Enum => [.. Enum.GetValues<T>().Select(ApiQuery.Name)];

    public static IReadOnlyDictionary<string, ApiParameter> Parameters(SiteOptions site) => new Dictionary<string, ApiParameter>
    {
        ["slug"] = new("The item's slug: the last segment of the address of its page on the site.", JsonSchemaType.String),
        ["lang"] = new("The language to write texts in. An item nobody translated into it comes in the next language of the site's fallback chain; its “language” says which.",
            JsonSchemaType.String, Choices: site.Cultures, Default: site.Cultures[0]),
        ["limit"] = new("How many items a page holds.", JsonSchemaType.Integer, "int32", Minimum: 1, Maximum: ApiQuery.MaxLimit,
            Default: ApiQuery.DefaultLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ["cursor"] = new("Where the page starts, from the “next” address of the page before (opaque). Leave it out for the first page.", JsonSchemaType.String),
        ["kind"] = new("Only posts of this kind.", JsonSchemaType.String, Choices: ["news", "update", "report"]),
        ["category"] = new("Only items in the category with this slug.", JsonSchemaType.String),
        ["since"] = new("Only items published at or after this instant (ISO 8601; a date means midnight UTC, a time without offset is UTC).", JsonSchemaType.String, "date-time"),
        ["until"] = new("Only items published before this instant (ISO 8601, as for since).", JsonSchemaType.String, "date-time"),
        ["from"] = new("Only events not over at this instant (ISO 8601; a date means midnight UTC).", JsonSchemaType.String, "date-time"),
        ["to"] = new("Only events starting before this instant (ISO 8601).", JsonSchemaType.String, "date-time"),
        ["country"] = new("Only those based in this country: an ISO 3166-1 alpha-2 code such as KE.", JsonSchemaType.String),
        ["type"] = new("Only organisations of this type.", JsonSchemaType.String, Choices: Names<OrganisationType>()),
        ["membership"] = new("Only organisations with this relation to the coalition.", JsonSchemaType.String, Choices: Names<Membership>()),
        ["status"] = new("Only campaigns open for signatures now, or only closed ones.", JsonSchemaType.String, Choices: ["open", "closed"]),
    };

    private static readonly Dictionary<string, string> Responses = new()
    {
        ["200"] = "OK. The ETag header names this version of the answer; lists also name the next page in a Link header.",
        ["304"] = "Not modified: the ETag sent in If-None-Match is still current.",
        ["400"] = "A parameter has a value this API does not accept; the problem's detail says which and why.",
        ["404"] = "Nothing public has this slug.",
        ["429"] = "Too many requests from this address in a minute; Retry-After says how many seconds to wait.",
    };

    public static void AddApiDocument(this IHostApplicationBuilder builder) => builder.Services.AddOpenApi(Name, o =>
    {
        o.ShouldInclude = d => d.HttpMethod == HttpMethods.Get && d.RelativePath?.StartsWith(ApiExtensions.Prefix[1..] + "/", StringComparison.Ordinal) == true;
        o.AddDocumentTransformer((document, context, _) =>
        {
            var site = context.ApplicationServices.GetRequiredService<IOptions<SiteOptions>>().Value;
            document.Info = new OpenApiInfo
            {
                Title = $"{site.Name} public API",
                Version = Name,
                Description = "Read-only JSON about the coalition's posts, statements, events, organisations and sign-on campaigns. "
                    + "Lists are paged by cursor; every answer has an ETag; any site may call it (CORS); requests per address are limited.",
            };
            return Task.CompletedTask;
        });
        o.AddOperationTransformer((operation, context, _) =>
        {
            var known = Parameters(context.ApplicationServices.GetRequiredService<IOptions<SiteOptions>>().Value);
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                if (parameter.Name is { } name && known.TryGetValue(name, out var p))
                {
                    parameter.Description = p.Description;
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = p.Type, Format = p.Format, Minimum = p.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Maximum = p.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        Default = p.Default is null ? null : p.Type == JsonSchemaType.Integer ? JsonValue.Create(int.Parse(p.Default, System.Globalization.CultureInfo.InvariantCulture)) : JsonValue.Create(p.Default),
                        Enum = p.Choices is null ? null : [.. p.Choices.Select(c => (JsonNode)JsonValue.Create(c))],
                    };
                }
            }
            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (response is OpenApiResponse r && Responses.TryGetValue(status, out var text))
                {
                    r.Description = text;
                }
            }
            return Task.CompletedTask;
        });
    });

    public static void MapApiDocument(this WebApplication app) => app.MapOpenApi(Path.Replace(Name, "{documentName}", StringComparison.Ordinal))
        .CacheOutput(PublicPages.Policy);
}
