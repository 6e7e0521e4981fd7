using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Newsletter;

/// <summary>A list as a reader sees it: its name and description in the best language the list has for them.</summary>
internal sealed record ListChoice(int Id, string Name, string? Description, string Culture);

/// <summary>
/// A request to subscribe or to change a subscription, waiting for the owner of the address to follow the emailed link.
/// The link carries the request itself (subscriber, language, lists), sealed with Data Protection and expiring after
/// <see cref="Validity"/>: nothing is stored until it is followed. It also carries the subscriber's confirmation and
/// unsubscription instants as they were, so it works once: after it is followed, or after they unsubscribe, it is spent.
/// </summary>
internal sealed record SubscriptionRequest(int SubscriberId, string Stamp, string Culture, IReadOnlyList<int> Lists, long Confirmed, long Unsubscribed)
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);
    private const string Purpose = "Chorus.Newsletter.Confirm";

    public static SubscriptionRequest For(Subscriber s, string culture, IEnumerable<int> lists) =>
        new(s.Id, s.LinkStamp, culture, [.. lists.Distinct().Order()], s.ConfirmedAt?.Ticks ?? 0, s.UnsubscribedAt?.Ticks ?? 0);

    public string Seal(ExpiringTokens tokens) => tokens.Protect(Purpose, string.Join('|',
        SubscriberId.ToString(CultureInfo.InvariantCulture), Stamp, Culture, string.Join(',', Lists.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        Confirmed.ToString(CultureInfo.InvariantCulture), Unsubscribed.ToString(CultureInfo.InvariantCulture)), Validity);

    /// <summary>The request a link carries; null for a forged, damaged or expired one.</summary>
    public static SubscriptionRequest? Read(ExpiringTokens tokens, string? token)
    {
        if (token is null || token.Length > 2000 || tokens.Unprotect(Purpose, token) is not { } plain)
        {
            return null;
        }
        var p = plain.Split('|');
        return p.Length == 6 && int.TryParse(p[0], CultureInfo.InvariantCulture, out var id)
            && long.TryParse(p[4], CultureInfo.InvariantCulture, out var confirmed) && long.TryParse(p[5], CultureInfo.InvariantCulture, out var unsubscribed)
            ? new(id, p[1], p[2], [.. p[3].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(l => int.Parse(l, CultureInfo.InvariantCulture))],
                confirmed, unsubscribed)
            : null;
    }

    /// <summary>The subscriber this request is still good for (tracked), or null when it was spent or they were erased.</summary>
    public async Task<Subscriber?> FindAsync(ChorusDb db, CancellationToken ct)
    {
        var s = await db.Subscribers.Include(x => x.Lists).SingleOrDefaultAsync(x => x.Id == SubscriberId && x.LinkStamp == Stamp, ct);
        return s is not null && (s.ConfirmedAt?.Ticks ?? 0) == Confirmed && (s.UnsubscribedAt?.Ticks ?? 0) == Unsubscribed ? s : null;
    }

    /// <summary>
    /// Applies the request: confirmed, in the language asked for, on the lists asked for as well as those they had (a
    /// change adds; dropping a list is done on the preferences page).
    /// </summary>
    public async Task ApplyAsync(ChorusDb db, Subscriber s, DateTime now, string consentText, CancellationToken ct)
    {
        var open = await db.NewsletterLists.Where(l => Lists.Contains(l.Id) && l.ArchivedAt == null).Select(l => l.Id).ToListAsync(ct);
        if (s.State == SubscriberState.Unsubscribed)
        {
            s.Lists.Clear();
        }
        foreach (var id in open.Where(id => s.Lists.All(l => l.ListId != id)))
        {
            s.Lists.Add(new SubscriberList { ListId = id, AddedAt = now });
        }
        (s.Culture, s.State, s.ConfirmedAt, s.UnsubscribedAt, s.Bounces) = (Culture, SubscriberState.Confirmed, now, null, 0);
        (s.ConsentVersion, s.ConsentText, s.ConsentAt) = (Subscriptions.ConsentVersion, consentText, now);
    }
}

internal static class Subscriptions
{
    /// <summary>The version of the consent text on the forms; change it with the text.</summary>
    public const string ConsentVersion = "2026-12-01";

    /// <summary>The consent asked on the forms (a key of the shared strings, stored as shown in the reader's language).</summary>
    public const string ConsentKey = "I agree to receive the coalition's newsletter at this address. I can unsubscribe at any time with the link in every message.";

    /// <summary>The address as compared: trimmed, lower case.</summary>
    public static string Key(string email) => email.Trim().ToLowerInvariant();

    /// <summary>What an erased address leaves behind: the SHA-256 of its key.</summary>
    public static string Hash(string email) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key(email))));

    public static Task<bool> IsSuppressedAsync(this ChorusDb db, string email, CancellationToken ct)
    {
        var hash = Hash(email);
        return db.SuppressedAddresses.AnyAsync(a => a.Hash == hash, ct);
    }

    /// <summary>The lists offered (not archived), in their order, named in the first language of <paramref name="chain"/> each has.</summary>
    public static async Task<IReadOnlyList<ListChoice>> OfferedAsync(this ChorusDb db, IReadOnlyList<string> chain, CancellationToken ct, bool archivedToo = false)
    {
        var lists = await db.NewsletterLists.AsNoTracking().Where(l => archivedToo || l.ArchivedAt == null)
            .OrderBy(l => l.Position).ThenBy(l => l.Id).ToListAsync(ct);
        return [.. lists.Select(l => Choice(l, chain))];
    }

    public static ListChoice Choice(NewsletterList l, IReadOnlyList<string> chain)
    {
        var text = chain.Select(c => l.Texts.FirstOrDefault(t => t.Culture == c)).FirstOrDefault(t => t is not null) ?? l.Texts.FirstOrDefault();
        return new(l.Id, text?.Name ?? l.Slug, text?.Description, text?.Culture ?? chain[0]);
    }
}
