using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.WordPress;

internal enum ImportState { Queued, Running, Done, Failed }

/// <summary>
/// An export uploaded on /admin/import, imported in the background. The file waits under data/imports until the run ends;
/// a run whose node stopped (its lease lapsed) is taken up again from the start, which the import makes safe: it matches
/// every item it already wrote and adds nothing twice.
/// </summary>
internal sealed class ImportRun
{
    public int Id { get; set; }
    public required string FileName { get; set; }

    /// <summary>The stored upload's name under data/imports (a random name, never the person's).</summary>
    public required string StoredName { get; set; }
    public string? Uploads { get; set; }
    public string? StatementsCategory { get; set; }
    public bool TagsAsCategories { get; set; }
    public ImportState State { get; set; }

    /// <summary>Items written so far (posts, pages and translations).</summary>
    public int Done { get; set; }

    /// <summary>Items the export holds, from the check made when it was uploaded.</summary>
    public int Total { get; set; }

    /// <summary>What the import did (<see cref="WordPressImportResult"/> as JSON), shown in the reader's language.</summary>
    public string Report { get; set; } = "";
    public string? Error { get; set; }
    public required string StartedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>Until when the node running it holds it; renewed as it goes.</summary>
    public DateTime? LeaseUntil { get; set; }
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> run)
    {
        run.ToTable("ImportRuns");
        run.Property(r => r.FileName).HasMaxLength(255);
        run.Property(r => r.StoredName).HasMaxLength(64);
        run.Property(r => r.Uploads).HasMaxLength(1000);
        run.Property(r => r.StatementsCategory).HasMaxLength(200);
        run.Property(r => r.StartedBy).HasMaxLength(256);
        run.Property(r => r.Error).HasMaxLength(2000);
        run.HasIndex(r => r.State);
    }
}

/// <summary>Runs uploaded imports one at a time in the background, on whichever node holds the run's lease.</summary>
internal sealed class ImportRunner(IServiceScopeFactory scopes, TimeProvider clock, IHostEnvironment environment, ILogger<ImportRunner> log)
    : QueueWorker(scopes, log)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly QueueSignal _signal = new(clock);

    public string Folder { get; } = Path.Combine(environment.ContentRootPath, "data", "imports");

    public void Notify() => _signal.Notify();

    // Each run takes a scope of its own (the import is a scoped service with its own context).
    protected override async Task RunDueAsync(IServiceProvider services, CancellationToken ct)
    {
        while (await RunNextAsync(ct))
        {
        }
    }

    protected override Task WaitForWorkAsync(CancellationToken ct) => _signal.WaitAsync(TimeSpan.FromSeconds(30), ct);

    /// <summary>Takes the oldest queued run (or one whose node stopped) and runs it; false when there is none.</summary>
    public async Task<bool> RunNextAsync(CancellationToken ct)
    {
        await using var scope = Scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ChorusDb>();
        var now = clock.GetUtcNow().UtcDateTime;
        var next = await db.ImportRuns.AsNoTracking()
            .Where(r => r.State == ImportState.Queued || (r.State == ImportState.Running && r.LeaseUntil < now)).OrderBy(r => r.Id).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return false;
        }
        // Taken only if nobody took it first (another node, another round).
        if (await db.ImportRuns.Where(r => r.Id == next.Id && r.State == next.State && r.LeaseUntil == next.LeaseUntil)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportState.Running).SetProperty(r => r.LeaseUntil, now + Lease).SetProperty(r => r.Done, 0), ct) != 1)
        {
            return true;
        }
        var file = Path.Combine(Folder, next.StoredName);
        // The lease is renewed on a timer of its own while the import runs (attachments can take minutes before the first post).
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewing = RenewAsync(next.Id, stop.Token);
        try
        {
            var options = new WordPressImportOptions(next.Uploads, next.StatementsCategory, next.TagsAsCategories, next.StartedBy);
            var result = await scope.ServiceProvider.GetRequiredService<WordPressImport>().RunAsync(() => File.OpenRead(file), options, async done =>
            {
                if (done % 25 == 0)
                {
                    await db.ImportRuns.Where(r => r.Id == next.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Done, done), ct);
                }
            }, ct);
            await FinishAsync(db, next.Id, ImportState.Done, System.Text.Json.JsonSerializer.Serialize(result), null, result.Added + result.Updated + result.Unchanged, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whole items only were written; the same file imported again goes on from there.
            log.LogWarning(e, "Import {Id} stopped.", next.Id);
            await FinishAsync(db, next.Id, ImportState.Failed, "", e.Message.Length > 2000 ? e.Message[..2000] : e.Message, null, ct);
        }
        finally
        {
            await stop.CancelAsync();
            await renewing;
        }
        File.Delete(file);
        return true;
    }

    private async Task RenewAsync(int id, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 4, clock, ct);
                try
                {
                    await using var scope = Scopes.CreateAsyncScope();
                    var until = clock.GetUtcNow().UtcDateTime + Lease;
                    await scope.ServiceProvider.GetRequiredService<ChorusDb>().ImportRuns.Where(r => r.Id == id && r.State == ImportState.Running)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseUntil, until), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException && DatabaseFaults.IsUnavailable(e))
                {
                    // The database was away for a moment (a failover): the import's own queries are retried and it goes on,
                    // so renewing goes on too. Stopping here let the lease lapse and another node start the run again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the run ended
        }
    }

    private async Task FinishAsync(ChorusDb db, int id, ImportState state, string report, string? error, int? done, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var run = await db.ImportRuns.SingleAsync(r => r.Id == id, ct);
        (run.State, run.Report, run.Error, run.FinishedAt, run.LeaseUntil) = (state, report, error, clock.GetUtcNow().UtcDateTime, null);
        run.Done = done ?? run.Done;
        await db.SaveChangesAsync(ct);
    }
}
