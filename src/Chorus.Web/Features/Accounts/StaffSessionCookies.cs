using System.Security.Claims;
using Chorus.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Accounts;

/// <summary>
/// The sign-in cookie's events: a new sign-in records a <see cref="StaffSession"/> and carries its id in the cookie's
/// properties (which a refreshed sign-in keeps); every request checks the row, so a session ended on one node is refused on
/// every node at its next request; signing out ends it. The check is one primary-key read per staff request (visitors
/// have no cookie and cost nothing); the last-seen time is written at most every <see cref="SeenEvery"/>.
/// </summary>
internal sealed class StaffSessionCookies(ChorusDb db, TimeProvider clock) : CookieAuthenticationEvents
{
    private const string Key = "chorus.session";

    public static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(5);

    /// <summary>The id of the session this request was made in, once the cookie is checked.</summary>
    public static string? Current(HttpContext http) => http.Items[Key] as string;

    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (!context.Properties.Items.ContainsKey(Key) && context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            // What the account left behind (ended or long expired sessions) goes now, so the table stays small.
            var expired = now - context.Options.ExpireTimeSpan - SeenEvery;
            await db.StaffSessions.Where(s => s.UserId == userId && (s.EndedAt != null || s.LastSeenAt < expired)).ExecuteDeleteAsync();
            var (browser, platform) = UserAgents.Summarize(context.Request.Headers.UserAgent);
            var session = new StaffSession
            {
                Id = StaffSession.NewId(), UserId = userId, CreatedAt = now, LastSeenAt = now, Browser = browser, Platform = platform,
            };
            db.StaffSessions.Add(session);
            await db.SaveChangesAsync();
            context.Properties.Items[Key] = session.Id;
            context.HttpContext.Items[Key] = session.Id;
        }
        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Properties.Items.TryGetValue(Key, out var kept) ? kept : null;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        var now = clock.GetUtcNow().UtcDateTime;
        if (context.Principal is null)
        {
            // The account's security stamp changed (deactivated, new role, password reset): the session is over.
            await EndAsync(id, now);
            return;
        }
        var userId = context.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var session = id is null ? null : await db.StaffSessions.AsNoTracking().Where(s => s.Id == id)
            .Select(s => new { s.UserId, s.EndedAt, s.LastSeenAt }).SingleOrDefaultAsync();
        // A cookie from before sessions were recorded has no id: it signs in again, once.
        if (session is null || session.EndedAt is not null || session.UserId != userId)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        context.HttpContext.Items[Key] = id;
        if (now - session.LastSeenAt >= SeenEvery)
        {
            await db.StaffSessions.Where(s => s.Id == id && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenAt, now));
        }
    }

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        await EndAsync(Current(context.HttpContext), clock.GetUtcNow().UtcDateTime);
        await base.SigningOut(context);
    }

    private async Task EndAsync(string? id, DateTime now)
    {
        if (id is not null)
        {
            await db.StaffSessions.Where(s => s.Id == id && s.EndedAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now));
        }
    }
}

internal static class StaffSessions
{
    /// <summary>Ends every open session of an account but <paramref name="except"/> (password changed, reset, account deactivated).</summary>
    public static Task<int> EndSessionsAsync(this ChorusDb db, string userId, string? except, DateTime now, CancellationToken ct = default) =>
        db.StaffSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != except)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now), ct);

    /// <summary>The sessions of an account that may still be signed in: not ended, and seen within the cookie's lifetime.</summary>
    public static IQueryable<StaffSession> Open(this IQueryable<StaffSession> sessions, string userId, DateTime now, TimeSpan lifetime)
    {
        var since = now - lifetime - StaffSessionCookies.SeenEvery;
        return sessions.Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt >= since);
    }
}
