using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Mail;

/// <summary>
/// /admin/mail: what the outbox could not send (with the reason) and what waits, so an admin sees a bad address or a
/// down SMTP server and can send a message again. Admins only. Message bodies are not shown: they hold people's links.
/// </summary>
[Authorize(Roles = Roles.Admin)]
internal sealed class OutgoingMailModel(ChorusDb db, TimeProvider clock, Outbox outbox, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 100;

    public IReadOnlyDictionary<QueueStatus, int> Counts { get; private set; } = new Dictionary<QueueStatus, int>();
    public IReadOnlyList<OutboxMessage> Failed { get; private set; } = [];
    public IReadOnlyList<OutboxMessage> Waiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Outgoing mail"];
        Counts = await db.Outbox.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Failed = await db.Outbox.AsNoTracking().Where(m => m.Status == QueueStatus.Failed).OrderByDescending(m => m.Id).Take(PageSize).ToListAsync(ct);
        Waiting = await db.Outbox.AsNoTracking().Where(m => m.Status == QueueStatus.Pending).OrderBy(m => m.NextAttemptAt).Take(PageSize).ToListAsync(ct);
    }

    /// <summary>Sends a failed message again from now, with its attempts counted afresh.</summary>
    public async Task<IActionResult> OnPostRetryAsync(int id, CancellationToken ct)
    {
        var retried = await db.Outbox.Where(m => m.Id == id && m.Status == QueueStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, QueueStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, clock.GetUtcNow().UtcDateTime), ct);
        outbox.Notify();
        TempData["Status"] = retried == 1 ? S["The message will be sent again."].Value : S["This message is no longer waiting to be sent again."].Value;
        return Redirect("/admin/mail");
    }
}
