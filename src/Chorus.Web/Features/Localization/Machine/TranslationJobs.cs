using System.Threading.Channels;
using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Localization.Machine;

/// <summary>Queues machine translations and works through them; never called inside a reader's request.</summary>
internal sealed class TranslationJobs(MachineTranslator translator, IOptions<MachineTranslationOptions> options, TimeProvider clock, ILogger<TranslationJobs> log)
{
    private static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(10);

    // Holds at most one "work was queued" token; waiting on it does not consume it.
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Completes when a job was queued or the poll interval has passed.</summary>
    public async Task WaitForWorkAsync(TimeSpan timeout, CancellationToken ct)
    {
        await Task.WhenAny(_signal.Reader.WaitToReadAsync(ct).AsTask(), Task.Delay(timeout, clock, ct));
        ct.ThrowIfCancellationRequested();
        _signal.Reader.TryRead(out _);
    }

    /// <summary>Queues a job for every post with no translation (and no queued job) in <paramref name="culture"/>.</summary>
    public async Task<int> EnqueueMissingAsync(ChorusDb db, string culture, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var missing = await db.Posts
            .Where(p => p.Culture != culture
                && !db.PostTranslations.Any(t => t.PostId == p.Id && t.Culture == culture)
                && !db.TranslationJobs.Any(j => j.PostId == p.Id && j.Culture == culture && j.Status == JobStatus.Pending))
            .Select(p => p.Id)
            .ToListAsync(ct);
        db.TranslationJobs.AddRange(missing.Select(id => new TranslationJob
        {
            PostId = id, Culture = culture, Status = JobStatus.Pending, NextAttemptAt = now, CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        _signal.Writer.TryWrite(true);
        return missing.Count;
    }

    /// <summary>Works through the jobs that are due; returns how many succeeded and how many failed for good.</summary>
    public async Task<(int Done, int Failed)> RunDueAsync(ChorusDb db, CancellationToken ct)
    {
        var (done, failed) = (0, 0);
        while (true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.TranslationJobs.Where(j => j.Status == JobStatus.Pending && j.NextAttemptAt <= now)
                .OrderBy(j => j.NextAttemptAt).ThenBy(j => j.Id).Select(j => j.Id).Take(20).ToListAsync(ct);
            if (due.Count == 0)
            {
                return (done, failed);
            }
            foreach (var id in due)
            {
                // Claim the job by pushing its next attempt out: the worker and a `translate` command (or a
                // second node) never work on the same job, and a job whose worker died comes due again.
                var claimed = await db.TranslationJobs
                    .Where(j => j.Id == id && j.Status == JobStatus.Pending && j.NextAttemptAt <= now)
                    .ExecuteUpdateAsync(s => s.SetProperty(j => j.NextAttemptAt, now + ClaimFor), ct);
                if (claimed == 0)
                {
                    continue;
                }
                var job = await db.TranslationJobs.SingleAsync(j => j.Id == id, ct);
                await RunAsync(db, job, ct);
                done += job.Status == JobStatus.Done ? 1 : 0;
                failed += job.Status == JobStatus.Failed ? 1 : 0;
            }
        }
    }

    private async Task RunAsync(ChorusDb db, TranslationJob job, CancellationToken ct)
    {
        job.Attempts++;
        try
        {
            var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == job.PostId, ct);
            var existing = await db.PostTranslations.SingleOrDefaultAsync(t => t.PostId == job.PostId && t.Culture == job.Culture, ct);
            if (post is not null && existing?.State != TranslationState.Human)
            {
                var text = await translator.TranslateAsync(db, post, post.Culture, job.Culture, ct);
                if (existing is null)
                {
                    existing = new PostTranslation
                    {
                        PostId = post.Id, Culture = job.Culture, State = TranslationState.MachineDraft,
                        Title = text.Title, BodyMarkdown = text.BodyMarkdown, SourceHash = post.ContentHash,
                    };
                    db.PostTranslations.Add(existing);
                }
                (existing.Title, existing.Summary, existing.BodyMarkdown, existing.SourceHash, existing.Note) =
                    (text.Title, text.Summary, text.BodyMarkdown, post.ContentHash, text.Pivot);
            }
            job.Status = JobStatus.Done;
            job.LastError = null;
        }
        catch (TranslationProviderException e)
        {
            // No route is final; a service that failed may answer later: wait 1, 2, 4… minutes (at most a day).
            job.LastError = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
            job.Status = e is NoTranslationRouteException || job.Attempts >= options.Value.MaxAttempts ? JobStatus.Failed : JobStatus.Pending;
            job.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddMinutes(Math.Min(1440, Math.Pow(2, job.Attempts - 1)));
            log.LogWarning("Machine translation of post {PostId} into {Culture} failed (attempt {Attempts}): {Error}", job.PostId, job.Culture, job.Attempts, e.Message);
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Runs the queued machine translations in the background, with retries.</summary>
internal sealed class TranslationWorker(IServiceScopeFactory scopes, TranslationJobs jobs, IOptions<MachineTranslationOptions> options, ILogger<TranslationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await jobs.RunDueAsync(scope.ServiceProvider.GetRequiredService<ChorusDb>(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The machine translation worker failed; it will try again.");
            }
            try
            {
                await jobs.WaitForWorkAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
