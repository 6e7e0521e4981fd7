using System.Globalization;
using System.Security.Claims;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Audit;
using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Newsletter.Admin;

/// <summary>
/// /admin/newsletter/subscribers (Admins, Editors): find subscribers by address, list, language and state, with counts;
/// export them (audited); erase one (nothing stays but a hash of the address, so an import cannot add it back).
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class SubscribersModel(ChorusDb db, TimeProvider clock, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 100;

    [FromQuery(Name = "q")] public string? Q { get; set; }
    [FromQuery(Name = "list")] public int? List { get; set; }
    [FromQuery(Name = "language")] public string? Language { get; set; }
    [FromQuery(Name = "state")] public SubscriberState? State { get; set; }
    [FromQuery(Name = "before")] public int? Before { get; set; }

    public IReadOnlyList<Subscriber> Rows { get; private set; } = [];
    public IReadOnlyList<ListChoice> Lists { get; private set; } = [];
    public IReadOnlyList<string> Languages => site.Value.Cultures;
    public IReadOnlyDictionary<SubscriberState, int> Counts { get; private set; } = new Dictionary<SubscriberState, int>();
    public int Found { get; private set; }
    public int? Older { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Title = S["Subscribers"];
        Lists = await db.OfferedAsync(Chain, ct, archivedToo: true);
        var found = Filtered();
        Counts = await found.GroupBy(s => s.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Found = Counts.Values.Sum();
        var page = State is { } state ? found.Where(s => s.State == state) : found;
        Rows = await page.Where(s => Before == null || s.Id < Before).OrderByDescending(s => s.Id).Take(PageSize + 1).Include(s => s.Lists).ToListAsync(ct);
        if (Rows.Count > PageSize)
        {
            (Rows, Older) = (Rows.Take(PageSize).ToList(), Rows[PageSize - 1].Id);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var lists = (await db.OfferedAsync(["en"], ct, archivedToo: true)).ToDictionary(l => l.Id, l => l.Name);
        db.RecordExport(HttpContext, clock, nameof(Subscriber), "", "Newsletter subscribers with their addresses");
        await db.SaveChangesAsync(ct);
        var rows = (State is { } state ? Filtered().Where(s => s.State == state) : Filtered()).Include(s => s.Lists).OrderBy(s => s.Id).AsAsyncEnumerable();
        return CsvDownload.File("newsletter-subscribers-private.csv",
            ["email", "language", "time_zone", "state", "lists", "source", "consent_version", "consent_utc", "created_utc", "confirmed_utc", "unsubscribed_utc"],
            rows, s => [s.Email, s.Culture, s.TimeZone ?? "", s.State.ToString(), string.Join("; ", s.Lists.Select(l => lists.GetValueOrDefault(l.ListId, ""))),
                s.Source, s.ConsentVersion ?? "", Utc(s.ConsentAt), Utc(s.CreatedAt), Utc(s.ConfirmedAt), Utc(s.UnsubscribedAt)]);
    }

    /// <summary>
    /// Erases a subscriber: their row and lists go, and the address leaves the audit log too (the earlier entries about
    /// them are blanked); the SHA-256 of the address stays so no import or form adds it back silently.
    /// </summary>
    public async Task<IActionResult> OnPostEraseAsync(int id, CancellationToken ct)
    {
        if (await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is not { } s)
        {
            return NotFound();
        }
        var hash = Subscriptions.Hash(s.Email);
        var now = clock.GetUtcNow().UtcDateTime;
        if (!await db.SuppressedAddresses.AnyAsync(a => a.Hash == hash, ct))
        {
            db.SuppressedAddresses.Add(new SuppressedAddress { Hash = hash, At = now });
        }
        var key = id.ToString(CultureInfo.InvariantCulture);
        db.AuditLog.Add(new AuditEntry
        {
            At = now, UserId = User.FindFirstValue(ClaimTypes.NameIdentifier), UserName = User.Identity?.Name ?? "", Action = "deleted",
            Entity = nameof(Subscriber), EntityId = key, Summary = "Erased at their request; only a hash of the address is kept.",
            IpAddress = HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync(ct);
        // Copies of issues still waiting for them are withdrawn first (their delivery rows go with the subscriber), and
        // the mail already sent to the address leaves the outbox's record.
        await db.Subscribers.Where(x => x.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.State, SubscriberState.Unsubscribed), ct);
        await QueuedCopies.SyncAsync(db, now, ct);
        await db.ForgetMailToAsync(s.Email, ct);
        // Deleted without the change tracker, so no audit entry lists what the row held.
        await db.Subscribers.Where(x => x.Id == id).ExecuteDeleteAsync(ct);
        await db.AuditLog.Where(a => a.Entity == nameof(Subscriber) && a.EntityId == key && a.Action != "deleted")
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.Summary, "(erased)"), ct);
        TempData["Status"] = S["The subscriber was erased; only a hash of the address is kept, so it cannot be added again by mistake."].Value;
        return Redirect("/admin/newsletter/subscribers");
    }

    private IQueryable<Subscriber> Filtered()
    {
        var q = db.Subscribers.AsNoTracking();
        if (Q is { Length: > 0 } text)
        {
            var key = Subscriptions.Key(text);
            q = q.Where(s => s.EmailKey.Contains(key));
        }
        if (List is { } list)
        {
            q = q.Where(s => s.Lists.Any(l => l.ListId == list));
        }
        if (Language is { Length: > 0 } language)
        {
            q = q.Where(s => s.Culture == language);
        }
        return q;
    }

    public static string Utc(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
