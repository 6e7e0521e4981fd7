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
/// The app wired to a LibreTranslate-compatible stand-in on 127.0.0.1 that misbehaves as <see cref="AnswerAsync"/> says, and
/// a translation client that gives up after a second (the product waits a minute).
/// </summary>
public abstract class MisbehavingTranslatorApp : EmptyChorusFactory
{
    private readonly WebApplication _server;

    protected MisbehavingTranslatorApp()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        // A block returning the result: an expression-bodied lambda here binds as a RequestDelegate, and its result is dropped.
        _server.MapPost("/translate", async (HttpContext http) =>
        {
            return await AnswerAsync(http, (await JsonSerializer.DeserializeAsync<Dictionary<string, string>>(http.Request.Body))!);
        });
        _server.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>The stand-in's answer to one request (its text to translate in "q").</summary>
    protected abstract Task<IResult> AnswerAsync(HttpContext http, Dictionary<string, string> request);

    protected static IResult Translated(Dictionary<string, string> request) =>
        Results.Json(new { translatedText = request["q"].Replace("Hello", "Привет", StringComparison.Ordinal) });

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("MachineTranslation:Providers:0:Kind", "libretranslate"),
        new("MachineTranslation:Providers:0:Url", _server.Urls.First()),
        new("MachineTranslation:Providers:0:Pairs:0", "en-ru"),
        new("MachineTranslation:MaxAttempts", "3"),
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
        GC.SuppressFinalize(this);
    }

    /// <summary>Queues a post's Russian draft (the worker is woken).</summary>
    internal Task QueueAsync(int post) => WithDb(db => Services.GetRequiredService<TranslationJobs>().EnqueueAsync(db, post, "ru", CancellationToken.None));

    /// <summary>
    /// Waits (at most 30 s) until the post's job is in a state <paramref name="until"/> accepts, moving the clock on by
    /// <paramref name="nudge"/> at each look: that is what wakes the worker for a retry, and a single move made before the
    /// worker had started its wait (it was still saving the failure) was missed.
    /// </summary>
    internal async Task<TranslationJob> WaitAsync(int post, Func<TranslationJob, bool> until, TimeSpan? nudge = null)
    {
        var job = await Job(post);
        for (var i = 0; i < 300 && !until(job); i++)
        {
            if (nudge is { } step)
            {
                Clock.Advance(step);
            }
            await Task.Delay(100);
            job = await Job(post);
        }
        return job;
    }

    private Task<TranslationJob> Job(int post) => WithDb(db => db.TranslationJobs.AsNoTracking().SingleAsync(j => j.PostId == post));
}

/// <summary>Its first request never gets an answer.</summary>
public sealed class HangingTranslatorApp : MisbehavingTranslatorApp
{
    private int _requests;

    protected override async Task<IResult> AnswerAsync(HttpContext http, Dictionary<string, string> request)
    {
        if (Interlocked.Increment(ref _requests) == 1)
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }
        return Translated(request);
    }
}

/// <summary>A proxy in the way: every request gets a web page, with 200.</summary>
public sealed class WebPageTranslatorApp : MisbehavingTranslatorApp
{
    protected override Task<IResult> AnswerAsync(HttpContext http, Dictionary<string, string> request) =>
        Task.FromResult(Results.Content("<!doctype html><title>Sign in to the proxy</title>", "text/html"));
}

public sealed class TranslationTimeoutTests(HangingTranslatorApp app) : IClassFixture<HangingTranslatorApp>
{
    [Fact]
    public async Task A_service_that_does_not_answer_in_time_fails_the_attempt_and_the_background_worker_drafts_the_post_on_the_next()
    {
        var post = await IssueFixtures.PostAsync(app, "Hello world", "Hello friends.");

        await app.QueueAsync(post);
        var failed = await app.WaitAsync(post, j => j.Attempts > 0);
        Assert.Equal((1, QueueStatus.Pending), (failed.Attempts, failed.Status));
        Assert.Contains("Timeout", failed.LastError, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.PostTranslations.AnyAsync(t => t.PostId == post)));

        // The worker is still there: once the retry is due it takes the job again, and the service answers this time.
        var done = await app.WaitAsync(post, j => j.Status != QueueStatus.Pending, nudge: TimeSpan.FromMinutes(1));
        Assert.Equal((2, QueueStatus.Done), (done.Attempts, done.Status));
        var draft = await app.WithDb(db => db.PostTranslations.SingleAsync(t => t.PostId == post));
        Assert.Equal(("Привет world", TranslationState.MachineDraft), (draft.Title, draft.State));
    }
}

public sealed class TranslationWebPageTests(WebPageTranslatorApp app) : IClassFixture<WebPageTranslatorApp>
{
    [Fact]
    public async Task A_service_answering_a_web_page_counts_each_attempt_and_gives_up_after_the_last_instead_of_retrying_forever()
    {
        var post = await IssueFixtures.PostAsync(app, "Hello proxy", "Hello friends.");

        await app.QueueAsync(post);
        var first = await app.WaitAsync(post, j => j.Attempts > 0);
        Assert.Equal((1, QueueStatus.Pending), (first.Attempts, first.Status));
        Assert.False(string.IsNullOrEmpty(first.LastError));
        // Retried after each backoff; the third (MachineTranslation:MaxAttempts) was the last: failed for good, not due again.
        var last = await app.WaitAsync(post, j => j.Status != QueueStatus.Pending, nudge: TimeSpan.FromMinutes(1));
        Assert.Equal((3, QueueStatus.Failed), (last.Attempts, last.Status));
        app.Clock.Advance(TimeSpan.FromDays(2));
        await Task.Delay(500);
        Assert.Equal(3, (await app.WaitAsync(post, _ => true)).Attempts);
        Assert.False(await app.WithDb(db => db.PostTranslations.AnyAsync(t => t.PostId == post)));
    }
}
