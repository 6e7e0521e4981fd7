using System.Text.Json;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Localization.Machine;
using Chorus.Web.Infrastructure;
using Chorus.Web.Tests.Features.Newsletter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>
/// The app wired to a LibreTranslate-compatible stand-in on 127.0.0.1 whose first request never gets an answer, and a
/// translation client that gives up after a second (the product waits a minute).
/// </summary>
public sealed class HangingTranslatorApp : EmptyChorusFactory
{
    private readonly WebApplication _server;
    private int _requests;

    public HangingTranslatorApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapPost("/translate", async (HttpContext http) =>
        {
            var request = (await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(http.Request.Body))!;
            if (Interlocked.Increment(ref _requests) == 1)
            {
                await Task.Delay(Timeout.Infinite, http.RequestAborted);
            }
            return Results.Json(new { translatedText = request["q"].Replace("Hello", "Привет", StringComparison.Ordinal) });
        });
        _server.StartAsync().GetAwaiter().GetResult();
    }

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("MachineTranslation:Providers:0:Kind", "libretranslate"),
        new("MachineTranslation:Providers:0:Url", _server.Urls.First()),
        new("MachineTranslation:Providers:0:Pairs:0", "en-ru"),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.Configure<HttpClientFactoryOptions>(MachineTranslator.HttpClientName,
            o => o.HttpClientActions.Add(client => client.Timeout = TimeSpan.FromSeconds(1))));
    }

    public override async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await base.DisposeAsync();
    }
}

public sealed class TranslationTimeoutTests(HangingTranslatorApp app) : IClassFixture<HangingTranslatorApp>
{
    private Task<TranslationJob> JobAsync(int post) => app.WithDb(db => db.TranslationJobs.AsNoTracking().SingleAsync(j => j.PostId == post));

    private async Task<TranslationJob> WaitForAsync(int post, Func<TranslationJob, bool> until)
    {
        var job = await JobAsync(post);
        for (var i = 0; i < 300 && !until(job); i++)
        {
            await Task.Delay(100);
            job = await JobAsync(post);
        }
        return job;
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_fails_the_attempt_and_the_background_worker_drafts_the_post_on_the_next()
    {
        var post = await IssueFixtures.PostAsync(app, "Hello world", "Hello friends.");
        var jobs = app.Services.GetRequiredService<TranslationJobs>();
        await app.WithDb(db => jobs.EnqueueAsync(db, post, "ru", CancellationToken.None));

        var failed = await WaitForAsync(post, j => j.Attempts > 0);
        Assert.Equal((1, QueueStatus.Pending), (failed.Attempts, failed.Status));
        Assert.Contains("Timeout", failed.LastError, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.PostTranslations.AnyAsync(t => t.PostId == post)));

        // The worker is still there: once the retry is due it takes the job again, and the service answers this time.
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await app.WithDb(db => jobs.EnqueueAsync(db, post, "ru", CancellationToken.None));
        var done = await WaitForAsync(post, j => j.Status != QueueStatus.Pending);
        Assert.Equal((2, QueueStatus.Done), (done.Attempts, done.Status));
        var draft = await app.WithDb(db => db.PostTranslations.SingleAsync(t => t.PostId == post));
        Assert.Equal(("Привет world", TranslationState.MachineDraft), (draft.Title, draft.State));
    }
}
