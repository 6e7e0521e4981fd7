using System.Threading.Channels;
using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Infrastructure;

internal enum QueueStatus { Pending, Done, Failed }

/// <summary>A row of a durable work queue (outgoing mail, machine translations): retried with backoff.</summary>
internal interface IQueuedWork
{
    int Id { get; }
    QueueStatus Status { get; set; }
    int Attempts { get; set; }
    DateTime NextAttemptAt { get; set; }
    string? LastError { get; set; }
}

internal static class WorkQueue
{
    /// <summary>
    /// How long a claim lasts unless renewed (<see cref="HeldClaims{T}"/> renews it while its worker lives): a node that
    /// dies, or is killed, in the middle of a batch gives its items back within this time.
    /// </summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Claims up to <paramref name="batch"/> due items by pushing their next attempt out, so two workers
    /// (two nodes, or the site and a command) never take the same one. Returns them tracked.
    /// </summary>
    public static async Task<List<T>> ClaimDueAsync<T>(DbSet<T> set, DateTime now, int batch, CancellationToken ct)
        where T : class, IQueuedWork
    {
        var due = await set.Where(w => w.Status == QueueStatus.Pending && w.NextAttemptAt <= now)
            .OrderBy(w => w.NextAttemptAt).ThenBy(w => w.Id).Select(w => w.Id).Take(batch).ToListAsync(ct);
        var claimed = new List<T>(due.Count);
        foreach (var id in due)
        {
            var taken = await set.Where(w => w.Id == id && w.Status == QueueStatus.Pending && w.NextAttemptAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.NextAttemptAt, now + ClaimFor), ct);
            if (taken == 1)
            {
                claimed.Add(await set.SingleAsync(w => w.Id == id, ct));
            }
        }
        return claimed;
    }

    /// <summary>Claims due items (<see cref="ClaimDueAsync"/>) and keeps the claims alive until each is released.</summary>
    public static async Task<HeldClaims<T>> HoldDueAsync<T>(IServiceScopeFactory scopes, Func<ChorusDb, DbSet<T>> set, ChorusDb db,
        TimeProvider clock, int batch, CancellationToken ct)
        where T : class, IQueuedWork =>
        new(scopes, set, await ClaimDueAsync(set(db), clock.GetUtcNow().UtcDateTime, batch, ct), clock);

    public static void Succeeded(IQueuedWork work)
    {
        work.Status = QueueStatus.Done;
        work.LastError = null;
    }

    /// <summary>Records a failure: final ones stop; others wait 1, 2, 4… minutes (at most a day) until attempts run out.</summary>
    public static void Failed(IQueuedWork work, string error, bool final, int maxAttempts, DateTime now)
    {
        work.LastError = error.Length > 1000 ? error[..1000] : error;
        work.Status = final || work.Attempts >= maxAttempts ? QueueStatus.Failed : QueueStatus.Pending;
        work.NextAttemptAt = now.AddMinutes(Math.Min(1440, Math.Pow(2, Math.Max(0, work.Attempts - 1))));
    }
}

/// <summary>
/// Items a worker claimed, whose claims are renewed every third of <see cref="WorkQueue.ClaimFor"/> on a connection of their
/// own until the worker releases them: however long one item takes (a slow SMTP server, a long translation), no other
/// node takes the rest, and if this process dies they come due again within <see cref="WorkQueue.ClaimFor"/>.
/// </summary>
internal sealed class HeldClaims<T> : IAsyncDisposable where T : class, IQueuedWork
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> _held;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    public HeldClaims(IServiceScopeFactory scopes, Func<ChorusDb, DbSet<T>> set, List<T> items, TimeProvider clock)
    {
        Items = items;
        _held = new(items.Select(i => KeyValuePair.Create(i.Id, (byte)0)));
        _renewing = items.Count == 0 ? Task.CompletedTask : RenewAsync(scopes, set, clock);
    }

    /// <summary>The claimed items, tracked by the worker's context.</summary>
    public List<T> Items { get; }

    /// <summary>The worker is done with this item (its outcome saved): its claim is no longer renewed.</summary>
    public void Release(T item) => _held.TryRemove(item.Id, out _);

    private async Task RenewAsync(IServiceScopeFactory scopes, Func<ChorusDb, DbSet<T>> set, TimeProvider clock)
    {
        using var timer = new PeriodicTimer(WorkQueue.ClaimFor / 3, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                var ids = _held.Keys.ToList();
                var until = clock.GetUtcNow().UtcDateTime + WorkQueue.ClaimFor;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    // Only ever later: an item whose retry the worker has just put off for longer keeps that.
                    await set(scope.ServiceProvider.GetRequiredService<ChorusDb>())
                        .Where(w => ids.Contains(w.Id) && w.Status == QueueStatus.Pending && w.NextAttemptAt < until)
                        .ExecuteUpdateAsync(s => s.SetProperty(w => w.NextAttemptAt, until), _stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException && DatabaseFaults.IsUnavailable(e))
                {
                    // The database is away: the worker's own saves fail too; the claims lapse and come due again.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // released
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewing;
        _stop.Dispose();
    }
}

/// <summary>Wakes a queue's worker when work is added, so it need not wait for its next poll.</summary>
internal sealed class QueueSignal(TimeProvider clock)
{
    // Holds at most one token; waiting does not consume it, reading after the wait does.
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        // The wait that loses is cancelled: left pending, each poll's reader waited in the channel until the next signal, and
        // a queue rarely signalled (imports) gathered thousands a day.
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(_channel.Reader.WaitToReadAsync(either.Token).AsTask(), Task.Delay(timeout, clock, either.Token));
        await either.CancelAsync();
        ct.ThrowIfCancellationRequested();
        _channel.Reader.TryRead(out _);
    }
}

/// <summary>
/// Runs a queue in the background: works through what is due, then waits for a signal or the poll
/// interval. A failure is logged and retried on the next round; nothing is lost, it stays queued.
/// </summary>
internal abstract class QueueWorker(IServiceScopeFactory scopes, ILogger log) : BackgroundService
{
    protected IServiceScopeFactory Scopes { get; } = scopes;

    /// <summary>One round, in a fresh scope (<paramref name="services"/>): works through what is due.</summary>
    protected abstract Task RunDueAsync(IServiceProvider services, CancellationToken ct);

    protected abstract Task WaitForWorkAsync(CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = Scopes.CreateAsyncScope();
                await RunDueAsync(scope.ServiceProvider, stoppingToken);
            }
            // Only the host stopping ends the loop: a cancellation of the round's own (a client's timeout) is a failure like
            // any other, and letting it out would stop the whole site.
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "{Worker} failed; it will try again.", GetType().Name);
            }
            try
            {
                await WaitForWorkAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

/// <summary>The wait between runs of work done on a schedule (reminders every minute, retention every hour).</summary>
internal static class BackgroundSchedule
{
    /// <summary>
    /// Runs <paramref name="work"/> in a fresh scope now and then every <paramref name="period"/> until the app stops; a run
    /// that fails, for whatever reason, is logged (with <paramref name="what"/>) and tried again next period: a fault that
    /// escaped would end the background service, and .NET then stops the whole site. A fresh delay after
    /// each run, not a PeriodicTimer: when the clock leaps (a test's clock, a machine waking from sleep) a periodic timer
    /// owes a tick for every period skipped, and the work ran once per missed period.
    /// </summary>
    public static async Task RunEveryAsync(TimeSpan period, IServiceScopeFactory scopes, TimeProvider clock, ILogger log, string what,
        Func<IServiceProvider, CancellationToken, Task> work, CancellationToken ct)
    {
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                log.LogError(e, "{What} failed; trying again in {Period}.", what, period);
            }
        }
        while (await NextRunAsync(period, clock, ct));
    }

    /// <summary>Waits one period from now on <paramref name="clock"/>; false once the app is stopping.</summary>
    public static async Task<bool> NextRunAsync(TimeSpan period, TimeProvider clock, CancellationToken ct)
    {
        try
        {
            await Task.Delay(period, clock, ct);
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
