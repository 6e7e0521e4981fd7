using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Newsletter;

/// <summary>
/// /{culture}/newsletter/preferences?token=…: the link in every message. Without signing in, the subscriber changes
/// their language, lists and time zone, or unsubscribes from everything. The token is theirs (<see cref="SubscriberLinks"/>).
/// </summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class PreferencesModel(ChorusDb db, TimeProvider clock, SubscriberLinks links, IOptions<SiteOptions> site,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromQuery] public string? Token { get; set; }

    [BindProperty] public PreferencesInput Input { get; set; } = new();

    public Subscriber? Subscriber { get; private set; }
    public IReadOnlyList<ListChoice> Lists { get; private set; } = [];
    public IReadOnlyList<string> Languages => site.Value.Cultures;
    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } s)
        {
            (Input.Language, Input.TimeZone) = (s.Culture, s.TimeZone);
            Input.Lists = s.State is SubscriberState.Unsubscribed ? [] : [.. s.Lists.Select(l => l.ListId)];
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is not { } s)
        {
            return Page();
        }
        var zone = Input.TimeZone?.Trim();
        if (!string.IsNullOrEmpty(zone) && NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(zone) is null)
        {
            ModelState.AddModelError("Input.TimeZone", S["Write a time zone such as Europe/Paris or America/Bogota."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var chosen = Input.Lists.Where(id => Lists.Any(l => l.Id == id)).ToHashSet();
        s.Lists.RemoveAll(l => !chosen.Contains(l.ListId) && Lists.Any(x => x.Id == l.ListId));
        s.Lists.AddRange(chosen.Where(id => s.Lists.All(l => l.ListId != id)).Select(id => new SubscriberList { ListId = id, AddedAt = now }));
        (s.Culture, s.TimeZone) = (Input.Language is { } l && Languages.Contains(l) ? l : s.Culture, string.IsNullOrEmpty(zone) ? null : zone);
        if (s.Lists.Count == 0)
        {
            Unsubscribe(s, now);
        }
        else if (s.State == SubscriberState.Unsubscribed)
        {
            // Only the owner of the address has this link: choosing lists again subscribes them again.
            (s.State, s.UnsubscribedAt) = (SubscriberState.Confirmed, null);
        }
        await db.SaveChangesAsync(ct);
        await QueuedCopies.SyncAsync(db, now, ct);
        Saved = s.State == SubscriberState.Unsubscribed ? S["You are unsubscribed: we will send you nothing more."] : S["Your choices are saved."];
        return Page();
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } s)
        {
            Unsubscribe(s, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            await QueuedCopies.SyncAsync(db, clock.GetUtcNow().UtcDateTime, ct);
            (Saved, Input.Language, Input.TimeZone, Input.Lists) = (S["You are unsubscribed: we will send you nothing more."], s.Culture, s.TimeZone, []);
            ModelState.Clear();
        }
        return Page();
    }

    public static void Unsubscribe(Subscriber s, DateTime now)
    {
        if (s.State != SubscriberState.Unsubscribed)
        {
            (s.State, s.UnsubscribedAt) = (SubscriberState.Unsubscribed, now);
        }
    }

    private async Task<Subscriber?> LoadAsync(CancellationToken ct)
    {
        (Title, NoIndex) = (S["Your newsletter preferences"], true);
        Lists = await db.OfferedAsync(Chain, ct);
        if (links.Read(Token) is not var (id, stamp)
            || await db.Subscribers.Include(x => x.Lists).SingleOrDefaultAsync(x => x.Id == id && x.LinkStamp == stamp, ct) is not { } s)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return null;
        }
        return Subscriber = s;
    }
}

internal sealed class PreferencesInput
{
    [MaxLength(16)]
    public string? Language { get; set; }

    public List<int> Lists { get; set; } = [];

    [MaxLength(64, ErrorMessage = "Write a time zone such as Europe/Paris or America/Bogota.")]
    public string? TimeZone { get; set; }
}
