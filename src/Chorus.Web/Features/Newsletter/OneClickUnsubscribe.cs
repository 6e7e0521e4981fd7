using Chorus.Web.Data;
using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Newsletter;

/// <summary>
/// /newsletter/unsubscribe?token=…, the address in every message's List-Unsubscribe header. A mail client POSTs
/// <c>List-Unsubscribe=One-Click</c> to it (RFC 8058): no antiforgery token (it is not a browser form; the sealed token
/// is the proof), and the subscriber is unsubscribed at once. A GET — a person opening the address, or a mail scanner
/// following it — changes nothing: it leads to the preferences page, where a button unsubscribes.
/// </summary>
internal static class OneClickUnsubscribe
{
    public static void MapOneClickUnsubscribe(this WebApplication app)
    {
        // No per-address rate limit: the POSTs come from mailbox providers' servers, a few addresses for millions of
        // readers, and a refused unsubscribe is worse than the cost of checking a forged token.
        var group = app.MapGroup("/newsletter/unsubscribe").DisableAntiforgery();
        group.MapPost("", PostAsync);
        group.MapGet("", GetAsync);
    }

    private static async Task<Results<Ok<string>, BadRequest<string>, NotFound<string>>> PostAsync(string? token, HttpRequest request,
        ChorusDb db, SubscriberLinks links, TimeProvider clock, CancellationToken ct)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
        if (form?["List-Unsubscribe"].ToString() != "One-Click")
        {
            return TypedResults.BadRequest("Send List-Unsubscribe=One-Click in the body (RFC 8058).");
        }
        if (await FindAsync(db, links, token, ct) is not { } s)
        {
            return TypedResults.NotFound("This unsubscribe link is not valid.");
        }
        PreferencesModel.Unsubscribe(s, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        await QueuedCopies.SyncAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        return TypedResults.Ok("Unsubscribed.");
    }

    private static async Task<RedirectHttpResult> GetAsync(string? token, ChorusDb db, SubscriberLinks links, IOptions<SiteOptions> site, CancellationToken ct)
    {
        var culture = (await FindAsync(db, links, token, ct))?.Culture ?? site.Value.Cultures[0];
        return TypedResults.Redirect($"/{culture}/newsletter/preferences?token={Uri.EscapeDataString(token ?? "")}");
    }

    private static async Task<Subscriber?> FindAsync(ChorusDb db, SubscriberLinks links, string? token, CancellationToken ct) =>
        links.Read(token) is var (id, stamp) ? await db.Subscribers.SingleOrDefaultAsync(s => s.Id == id && s.LinkStamp == stamp, ct) : null;
}
