using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

/// <summary>
/// Every hour: once a consultation has been closed for its retention period, erases respondents' contact data and deletes
/// the answers never sent or never confirmed (they were never counted); and deletes PDFs no answer took.
/// </summary>
internal sealed class ConsultationRetention(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ConsultationRetention> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BackgroundSchedule.RunEveryAsync(TimeSpan.FromHours(1), scopes, clock, log, "Consultation data retention", async (services, ct) =>
        {
            var (erased, deleted) = await RunAsync(services.GetRequiredService<ChorusDb>(), clock.GetUtcNow().UtcDateTime, ct);
            if (erased + deleted > 0)
            {
                log.LogInformation("Erased the contact data of {Erased} respondents and deleted {Deleted} unsent answers.", erased, deleted);
            }
        }, stoppingToken);

    public static async Task<(int Erased, int Deleted)> RunAsync(ChorusDb db, DateTime now, CancellationToken ct)
    {
        var closed = await db.Consultations.Where(c => c.ClosesAt < now).Select(c => new { c.Id, c.ClosesAt, c.EraseContactAfterDays }).ToListAsync(ct);
        var due = closed.Where(c => c.ClosesAt.AddDays(c.EraseContactAfterDays) <= now).Select(c => c.Id).ToList();
        var stale = await db.ConsultationResponses.Where(r => due.Contains(r.ConsultationId)
            && (r.State == ResponseState.Draft || r.State == ResponseState.Unconfirmed)).ToListAsync(ct);
        db.ConsultationResponses.RemoveRange(stale);
        var erased = 0;
        // Every state that is kept (counted, withdrawn, set aside, duplicate): the drafts and unconfirmed just went.
        foreach (var r in await db.ConsultationResponses.Where(r => due.Contains(r.ConsultationId) && r.Email != null
            && r.State != ResponseState.Draft && r.State != ResponseState.Unconfirmed).ToListAsync(ct))
        {
            await ConsultationRules.EraseContactAsync(db, r, now, ct);
            erased++;
        }
        await db.SaveChangesAsync(ct);
        await AnswerFiles.DeleteUnclaimedAsync(db, now, ct);
        return (erased, stale.Count);
    }
}
