using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Chorus.Web.Infrastructure;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Api;

/// <summary>
/// Requests to /api per client address and minute. This limiter runs first in the pipeline, ahead of the output
/// cache: the site's other limiters sit behind it, where a cached answer would never be counted.
/// </summary>
internal sealed class ApiRateLimit(IOptions<ApiOptions> options) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseRateLimiter(new RateLimiterOptions
        {
            GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => http.Request.Path.StartsWithSegments("/api")
                ? http.PerClient("api", options.Value.RequestsPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter("")),
            RejectionStatusCode = StatusCodes.Status429TooManyRequests,
            OnRejected = RejectAsync,
        });
        next(app);
    };

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        ApiExtensions.AllowAnyOrigin(http.Response);
        await Results.Problem(title: "Too many requests",
            detail: $"This address made more than {context.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RequestsPerMinute} requests in a minute. Try again in {seconds} seconds.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }
}
