using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>The site with one more job on the shared schedule (as reminders and retention run), whose first run fails.</summary>
public sealed class FailingJobApp : EmptyChorusFactory
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    private int _runs;

    public int Runs => Volatile.Read(ref _runs);

    private sealed class FailingJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FailingJob> log, FailingJobApp app) : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
            BackgroundSchedule.RunEveryAsync(Period, scopes, clock, log, "A job that fails once", (_, _) =>
                Interlocked.Increment(ref app._runs) == 1 ? throw new FormatException("A row nobody expected.") : Task.CompletedTask, stoppingToken);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(this).AddHostedService<FailingJob>());
    }
}

public sealed class BackgroundScheduleTests(FailingJobApp app) : IClassFixture<FailingJobApp>
{
    // The clock moves on while waiting: a period added between a run and the job starting its wait for the next would be
    // missed.
    private async Task WaitForRunsAsync(int runs)
    {
        for (var i = 0; i < 300 && app.Runs < runs; i++)
        {
            await Task.Delay(50);
            if (app.Runs > 0 && app.Runs < runs)
            {
                app.Clock.Advance(FailingJobApp.Period);
            }
        }
    }

    [Fact]
    public async Task A_scheduled_job_that_fails_in_an_unexpected_way_leaves_the_site_up_and_runs_again_next_period()
    {
        await WaitForRunsAsync(2);

        Assert.True(app.Runs >= 2, "The job did not run again after its first run failed.");
        Assert.False(app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await app.CreatePlainClient().GetAsync(new Uri("/en/", UriKind.Relative))).StatusCode);
    }
}
