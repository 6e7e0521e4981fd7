using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chorus.Web.Infrastructure;

internal sealed class DiagnosticsOptions
{
    /// <summary>
    /// Adds a Server-Timing header to every response: the database statements it sent and the bytes the process
    /// allocated while it was rendered (exact only when requests come one at a time, as bench/run.sh sends them). Off
    /// by default: it is for measuring, and tells visitors how a page is made.
    /// </summary>
    public bool ServerTiming { get; set; }
}

/// <summary>What each request costs, in a Server-Timing header, when <see cref="DiagnosticsOptions.ServerTiming"/> is on.</summary>
internal static class ServerTiming
{
    public static void AddServerTiming(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<DiagnosticsOptions>("Diagnostics");
        if (builder.Configuration.GetValue<bool>("Diagnostics:ServerTiming"))
        {
            builder.Services.AddHttpContextAccessor();
            builder.Services.AddSingleton<IInterceptor, StatementCounter>();
        }
    }

    public static void UseServerTiming(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<DiagnosticsOptions>>().Value.ServerTiming)
        {
            return;
        }
        app.Use(async (http, next) =>
        {
            var cost = new RequestCost(GC.GetTotalAllocatedBytes());
            http.Features.Set(cost);
            // Headers go out before the body is written (Razor has rendered by then; compressing it is not counted).
            http.Response.OnStarting(() =>
            {
                var bytes = GC.GetTotalAllocatedBytes() - cost.AllocatedBefore;
                http.Response.Headers.Append("Server-Timing", string.Create(CultureInfo.InvariantCulture,
                    $"db;desc=\"statements {cost.Statements}\", alloc;desc=\"bytes {bytes}\""));
                return Task.CompletedTask;
            });
            await next(http);
        });
    }

    private sealed class RequestCost(long allocatedBefore)
    {
        private int _statements;

        public long AllocatedBefore { get; } = allocatedBefore;
        public int Statements => _statements;
        public void Count() => Interlocked.Increment(ref _statements);
    }

    private sealed class StatementCounter(IHttpContextAccessor http) : DbCommandInterceptor
    {
        private void Count() => http.HttpContext?.Features.Get<RequestCost>()?.Count();

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Count();
            return result;
        }
    }
}
