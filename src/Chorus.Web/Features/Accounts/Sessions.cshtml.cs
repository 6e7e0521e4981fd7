using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Chorus.Web.Features.Accounts;

/// <summary>
/// /admin/account/sessions: the browsers signed in to one's own account (any staff member, their own only), with the one
/// in use marked; any other one, or all of them, can be ended: it is signed out at its next request.
/// </summary>
internal sealed class SessionsModel(ChorusDb db, UserManager<ChorusUser> users, TimeProvider clock, DateTimeZone siteZone,
    IOptionsMonitor<CookieAuthenticationOptions> cookies, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public sealed record Row(string Id, string Browser, DateTime SignedInAt, DateTime LastSeenAt, bool IsThis);

    public IReadOnlyList<Row> Sessions { get; private set; } = [];

    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Title = S["Your sessions"];
        if (await users.GetUserAsync(User) is not { } me)
        {
            return Challenge();
        }
        Zone = LocalTimes.ZoneOf(me.TimeZone, siteZone);
        var current = StaffSessionCookies.Current(HttpContext);
        var rows = await Open(me.Id).AsNoTracking().OrderByDescending(s => s.LastSeenAt).ThenBy(s => s.Id).ToListAsync(ct);
        Sessions = [.. rows.Select(s => new Row(s.Id, Describe(s), s.CreatedAt, s.LastSeenAt, s.Id == current)).OrderByDescending(r => r.IsThis)];
        return Page();
    }

    /// <summary>Ends one other session of one's own; someone else's, or one already over, is not found.</summary>
    public Task<IActionResult> OnPostEndAsync(string? id, CancellationToken ct) => EndAsync(id ?? "", ct);

    public Task<IActionResult> OnPostEndOthersAsync(CancellationToken ct) => EndAsync(null, ct);

    private async Task<IActionResult> EndAsync(string? id, CancellationToken ct)
    {
        var me = users.GetUserId(User);
        if (me is null)
        {
            return Challenge();
        }
        var current = StaffSessionCookies.Current(HttpContext);
        // Loaded and saved (not updated in bulk) so that the audit log records which sessions were ended.
        var ending = await Open(me).Where(s => s.Id != current && (id == null || s.Id == id)).ToListAsync(ct);
        if (id is not null && ending.Count == 0)
        {
            return NotFound();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        ending.ForEach(s => s.EndedAt = now);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = id is null ? S["Sessions ended: {0}.", ending.Count].Value : S["The session is ended: {0}.", Describe(ending[0])].Value;
        return RedirectToPage();
    }

    private IQueryable<StaffSession> Open(string userId) =>
        db.StaffSessions.Open(userId, clock.GetUtcNow().UtcDateTime, cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan);

    private string Describe(StaffSession s) => (s.Browser, s.Platform) switch
    {
        ({ Length: > 0 } browser, { Length: > 0 } platform) => S["{0} on {1}", browser, platform],
        ({ Length: > 0 } browser, _) => browser,
        (_, { Length: > 0 } platform) => S["A browser on {0}", platform],
        _ => S["An unknown browser"],
    };

    public string Local(DateTime utc) => LocalTimes.Format(utc, Zone).Replace('T', ' ');
}
