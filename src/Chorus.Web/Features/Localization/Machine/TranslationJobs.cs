using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Localization.Machine;

/// <summary>Queues machine translations and works through them; never called inside a reader's request.</summary>
internal sealed class TranslationJobs(MachineTranslator translator, IOptions<MachineTranslationOptions> options, TimeProvider clock,
    IServiceScopeFactory scopes, ILogger<TranslationJobs> log)
{
    private readonly QueueSignal _signal = new(clock);

    /// <summary>Completes when a job was queued or the poll interval has passed.</summary>
    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    /// <summary>Queues a job for every post with no translation (and no queued job) in <paramref name="culture"/>.</summary>
    public async Task<int> EnqueueMissingAsync(ChorusDb db, string culture, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var missing = await db.Posts
            .Where(p => p.Culture != culture
                && !db.PostTranslations.Any(t => t.PostId == p.Id && t.Culture == culture)
                && !db.TranslationJobs.Any(j => j.PostId == p.Id && j.Culture == culture && j.Status == QueueStatus.Pending))
            .Select(p => p.Id)
            .ToListAsync(ct);
        db.TranslationJobs.AddRange(missing.Select(id => new TranslationJob
        {
            PostId = id, Culture = culture, Status = QueueStatus.Pending, NextAttemptAt = now, CreatedAt = now,
        }));
        await db.SaveChangesAsync(ct);
        _signal.Notify();
        return missing.Count;
    }

    /// <summary>Queues one post for one culture (unless a job for it is already waiting).</summary>
    public Task EnqueueAsync(ChorusDb db, int postId, string culture, CancellationToken ct) =>
        EnqueueOnceAsync(db, j => j.PostId == postId && j.Culture == culture, new TranslationJob { PostId = postId, Culture = culture }, ct);

    /// <summary>Queues drafts of a consultation's missing words in one culture (unless a job for it is already waiting).</summary>
    public Task EnqueueConsultationAsync(ChorusDb db, int consultationId, string culture, CancellationToken ct) =>
        EnqueueOnceAsync(db, j => j.ConsultationId == consultationId && j.Culture == culture,
            new TranslationJob { ConsultationId = consultationId, Culture = culture }, ct);

    private async Task EnqueueOnceAsync(ChorusDb db, System.Linq.Expressions.Expression<Func<TranslationJob, bool>> same, TranslationJob job, CancellationToken ct)
    {
        if (!await db.TranslationJobs.Where(j => j.Status == QueueStatus.Pending).AnyAsync(same, ct))
        {
            job.NextAttemptAt = job.CreatedAt = clock.GetUtcNow().UtcDateTime;
            db.TranslationJobs.Add(job);
            await db.SaveChangesAsync(ct);
        }
        _signal.Notify();
    }

    /// <summary>Works through the jobs that are due; returns how many succeeded and how many failed for good.</summary>
    public async Task<(int Done, int Failed)> RunDueAsync(ChorusDb db, CancellationToken ct)
    {
        var (done, failed) = (0, 0);
        while (true)
        {
            await using var claims = await WorkQueue.HoldDueAsync(scopes, d => d.TranslationJobs, db, clock, 20, ct);
            if (claims.Items.Count == 0)
            {
                return (done, failed);
            }
            foreach (var job in claims.Items)
            {
                await RunAsync(db, job, ct);
                // What the job read and wrote (the post, its translation, each paragraph's cached text) is forgotten: a long
                // backlog in one context made every save scan it all, and a later job would read a translation as it was.
                ForgetAllButJobs(db);
                claims.Release(job);
                done += job.Status == QueueStatus.Done ? 1 : 0;
                failed += job.Status == QueueStatus.Failed ? 1 : 0;
            }
        }
    }

    private static void ForgetAllButJobs(ChorusDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not TranslationJob).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    private async Task RunAsync(ChorusDb db, TranslationJob job, CancellationToken ct)
    {
        job.Attempts++;
        try
        {
            if (job.ConsultationId is { } consultationId)
            {
                await Consultations.MachineDrafts.DraftAsync(db, translator, consultationId, job.Culture, ct);
                WorkQueue.Succeeded(job);
                await db.SaveChangesAsync(ct);
                return;
            }
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
            WorkQueue.Succeeded(job);
        }
        // Anything but a stopping host or an unreachable database fails the attempt: a service that does not answer in time
        // (HttpClient's timeout), a proxy answering a web page instead of JSON, two nodes caching the same paragraph at once.
        // Let out, it ended the round before the attempt was counted: the job came back after its claim lapsed, forever.
        catch (Exception e) when (!ct.IsCancellationRequested
            && (e is TranslationProviderException or HttpRequestException or TaskCanceledException || !DatabaseFaults.IsUnavailable(e)))
        {
            // No route is final; a service that failed may answer later.
            WorkQueue.Failed(job, e.Message, e is NoTranslationRouteException, options.Value.MaxAttempts, clock.GetUtcNow().UtcDateTime);
            // Drafts made before the failure must not ride along with the job's save: all but the jobs is let go.
            ForgetAllButJobs(db);
            log.LogWarning("Machine translation of post {PostId} / consultation {ConsultationId} into {Culture} failed (attempt {Attempts}): {Error}",
                job.PostId, job.ConsultationId, job.Culture, job.Attempts, e.Message);
        }
        await db.SaveChangesAsync(ct);
    }
}
/// <summary>Runs the queued machine translations in the background, with retries.</summary>
internal sealed class TranslationWorker(IServiceScopeFactory scopes, TranslationJobs jobs, IOptions<MachineTranslationOptions> options, ILogger<TranslationWorker> log)
    : QueueWorker(scopes, log)
{
    protected override Task RunDueAsync(IServiceProvider services, CancellationToken ct) => jobs.RunDueAsync(services.GetRequiredService<ChorusDb>(), ct);

    protected override Task WaitForWorkAsync(CancellationToken ct) => jobs.WaitForWorkAsync(options.Value.PollInterval, ct);
}
