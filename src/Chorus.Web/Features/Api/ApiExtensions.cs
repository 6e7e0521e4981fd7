using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Api;

internal sealed class ApiOptions
{
    /// <summary>Requests one client address may make to /api per minute (cached answers included); more get 429 with Retry-After.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 300;
}

/// <summary>
/// The public, read-only JSON API under /api/v1 (posts, statements, events, series, organisations, campaigns), its
/// OpenAPI document at /openapi/v1.json and its reference page at /{culture}/api. Anyone may call it from any site
/// (CORS *, no credentials); answers are output cached like the pages and carry ETags.
/// </summary>
internal static class ApiExtensions
{
    public const string Prefix = "/api/v1";

    public static void AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<ApiOptions>("Api");
        builder.Services.AddTransient<IStartupFilter, ApiRateLimit>();
        builder.AddApiDocument();
        builder.CachePublicPages("/Api");
    }

    public static void MapApi(this WebApplication app)
    {
        var api = app.MapGroup(Prefix).CacheOutput(PublicPages.Policy).AddEndpointFilter(AllowAnyOrigin)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPostsApi();
        api.MapEventsApi();
        api.MapOrganisationsApi();
        api.MapCampaignsApi();
        Consultations.ConsultationsApi.MapConsultationsApi(api);
        Newsletter.Issues.NewslettersApi.MapNewslettersApi(api);
        // A browser asks before a cross-origin request with headers of its own (If-None-Match); the answer is yes, for reading.
        app.MapMethods(Prefix + "/{**path}", [HttpMethods.Options], (HttpContext http) =>
        {
            var headers = http.Response.Headers;
            headers.AccessControlAllowOrigin = "*";
            headers.AccessControlAllowMethods = "GET, HEAD, OPTIONS";
            headers.AccessControlAllowHeaders = http.Request.Headers.AccessControlRequestHeaders.Count > 0
                ? http.Request.Headers.AccessControlRequestHeaders.ToString() : "Accept, If-None-Match";
            headers.AccessControlMaxAge = "86400";
            return Results.NoContent();
        }).ExcludeFromDescription();
        app.MapApiDocument();
    }

    /// <summary>What the OpenAPI document and the reference page say about an endpoint.</summary>
    public static RouteHandlerBuilder Describe<T>(this RouteHandlerBuilder endpoint, string summary, string description, bool found = false)
    {
        endpoint.WithSummary(summary).WithDescription(description).Produces<T>(StatusCodes.Status200OK, "application/json")
            .Produces(StatusCodes.Status304NotModified);
        return found ? endpoint.ProducesProblem(StatusCodes.Status404NotFound) : endpoint;
    }

    /// <summary>Everything here is public: any site's scripts may read it (no cookies are involved, so no credentials).</summary>
    private static ValueTask<object?> AllowAnyOrigin(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        AllowAnyOrigin(context.HttpContext.Response);
        return next(context);
    }

    public static void AllowAnyOrigin(HttpResponse response)
    {
        response.Headers.AccessControlAllowOrigin = "*";
        response.Headers.AccessControlExposeHeaders = "ETag, Link, Retry-After";
    }
}
