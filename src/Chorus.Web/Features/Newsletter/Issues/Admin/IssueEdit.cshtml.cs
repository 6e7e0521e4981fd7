using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Chorus.Web.Features.Newsletter.Issues.Admin;

/// <summary>
/// /admin/newsletter/issues/new and /{id}: compose (items suggested from what was published since the last issue),
/// preview in each language and at phone width, send a test to yourself, schedule in your zone or send now, pause, resume.
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class IssueEditModel(ChorusDb db, UserManager<ChorusUser> users, TimeProvider clock, DateTimeZone siteZone, IOptions<SiteOptions> site,
    IssueSender sender, IssueSending sending, Outbox outbox, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Id { get; set; } = "";

    [BindProperty] public IssueInput Input { get; set; } = new();

    public NewsletterIssue? Issue { get; private set; }

    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    public IReadOnlyList<string> Cultures => site.Value.Cultures;

    public IReadOnlyList<(int Id, string Name)> Lists { get; private set; } = [];

    public IReadOnlyList<IssueCandidate> Candidates { get; private set; } = [];

    public bool Editable => Issue is null or { State: IssueState.Draft or IssueState.Scheduled };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (Issue is { } issue)
        {
            Input = new IssueInput
            {
                Subject = issue.Subject, Introduction = issue.Introduction, Culture = issue.Culture, ListIds = issue.ListIds,
                Items = [.. issue.Items.Select(i => $"{i.Kind}:{i.RefId}")],
                Texts = issue.Translations.ToDictionary(t => t.Culture, t => new IssueTextInput { Subject = t.Subject, Introduction = t.Introduction }),
                ScheduleAt = issue.ScheduledAt is { } at ? LocalTimes.Format(at, Zone) : null,
            };
        }
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SaveAsync(null, ct);

    public Task<IActionResult> OnPostScheduleAsync(CancellationToken ct) => SaveAsync(IssueState.Scheduled, ct);

    public Task<IActionResult> OnPostSendNowAsync(CancellationToken ct) => SaveAsync(IssueState.Sending, ct);

    public Task<IActionResult> OnPostPauseAsync(CancellationToken ct) => MoveAsync(IssueState.Sending, IssueState.Paused, S["Paused: nothing more goes out until you resume."], ct);

    public Task<IActionResult> OnPostResumeAsync(CancellationToken ct) => MoveAsync(IssueState.Paused, IssueState.Sending, S["Resumed."], ct);

    /// <summary>The issue's email in one language as the subscriber's program shows it (its own document, styles inline), optionally at phone width.</summary>
    public async Task<IActionResult> OnGetPreviewAsync(string? lang, bool phone, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Issue is null)
        {
            return NotFound();
        }
        var culture = lang is { } l && Cultures.Contains(l) ? l : Issue.Culture;
        var mail = await sender.RenderAsync(db, Issue, culture, null, $"{site.Value.PublicOrigin}/{culture}/newsletter/preferences", ct);
        // The email's inline styles are what is being previewed: this one answer allows them, and nothing else.
        Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        var html = phone
            ? mail.Html.Replace("<body style=\"", "<body style=\"max-width:360px;margin:0 auto;border:1px solid #9ca3af;", StringComparison.Ordinal)
            : mail.Html;
        return Content(html, "text/html; charset=utf-8");
    }

    /// <summary>Queues the issue as it stands, in the chosen language, to the signed-in person's own address (marked as a test).</summary>
    public async Task<IActionResult> OnPostTestAsync(string? lang, CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Issue is null)
        {
            return NotFound();
        }
        var me = await users.GetUserAsync(User);
        if (me?.Email is not { Length: > 0 } email)
        {
            return Forbid();
        }
        var culture = lang is { } l && Cultures.Contains(l) ? l : Issue.Culture;
        var mail = await sender.RenderAsync(db, Issue, culture, me.TimeZone is { Length: > 0 } tz ? tz : null, $"{site.Value.PublicOrigin}/{culture}/newsletter/preferences", ct);
        outbox.Enqueue(db, email, $"[{S["Test"]}] {mail.Subject}", mail.Text, null, mail.Html);
        await db.SaveChangesAsync(ct);
        outbox.Notify();
        TempData["Status"] = (string)S["A test was sent to {0}.", email];
        return Redirect($"/admin/newsletter/issues/{Issue.Id}");
    }

    private async Task<IActionResult> MoveAsync(IssueState from, IssueState to, string done, CancellationToken ct)
    {
        if (!int.TryParse(Id, out var id))
        {
            return NotFound();
        }
        var moved = await db.NewsletterIssues.Where(i => i.Id == id && i.State == from)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.State, to).SetProperty(i => i.UpdatedAt, clock.GetUtcNow().UtcDateTime), ct);
        // At once, not at the sender's next round: copies already queued are held (or released) with the issue.
        await QueuedCopies.SyncAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        sending.Notify();
        outbox.Notify();
        TempData["Status"] = moved == 1 ? done : (string)S["The issue was not in a state that allows this."];
        return Redirect($"/admin/newsletter/issues/{id}");
    }

    private async Task<IActionResult> SaveAsync(IssueState? next, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!Editable)
        {
            TempData["Status"] = (string)S["The issue was not in a state that allows this."];
            return Redirect($"/admin/newsletter/issues/{Issue!.Id}");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        DateTime? scheduled = null;
        if (next == IssueState.Scheduled)
        {
            if (Input.ScheduleAt is not { Length: > 0 } text || !LocalTimes.TryParse(text, Zone, out var at))
            {
                ModelState.AddModelError("Input.ScheduleAt", S["Give a date and time to send it."]);
            }
            else if (at <= now)
            {
                ModelState.AddModelError("Input.ScheduleAt", S["Give a time in the future, or send it now."]);
            }
            else
            {
                scheduled = at;
            }
        }
        if (!Cultures.Contains(Input.Culture))
        {
            ModelState.AddModelError("Input.Culture", S["Choose a language."]);
        }
        var lists = Lists.Select(l => l.Id).ToHashSet();
        Input.ListIds = [.. Input.ListIds.Where(lists.Contains).Distinct()];
        if (next is not null && Input.ListIds.Count == 0)
        {
            ModelState.AddModelError("Input.ListIds", S["Choose at least one list."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var issue = Issue ?? new NewsletterIssue
        {
            Slug = await SlugAsync(Input.Subject, ct), Subject = "", CreatedAt = now, CreatedBy = User.Identity?.Name ?? "",
        };
        issue.Subject = Input.Subject.Trim();
        issue.Introduction = Input.Introduction.Trim();
        issue.Culture = Input.Culture;
        issue.ListIds = Input.ListIds;
        issue.Items = [.. Input.Items.Select(ParseItem).OfType<IssueItem>()];
        issue.Translations = [.. Input.Texts.Where(t => t.Key != Input.Culture && Cultures.Contains(t.Key) && !string.IsNullOrWhiteSpace(t.Value.Subject))
            .Select(t => new IssueText { Culture = t.Key, Subject = t.Value.Subject!.Trim(), Introduction = t.Value.Introduction?.Trim() ?? "" })];
        issue.State = next ?? (issue.State == IssueState.Scheduled ? IssueState.Scheduled : IssueState.Draft);
        issue.ScheduledAt = next == IssueState.Sending ? now : scheduled ?? issue.ScheduledAt;
        issue.UpdatedAt = now;
        if (Issue is null)
        {
            db.NewsletterIssues.Add(issue);
        }
        await db.SaveChangesAsync(ct);
        sending.Notify();
        TempData["Status"] = next switch
        {
            IssueState.Sending => (string)S["Sending has started."],
            IssueState.Scheduled => (string)S["Scheduled."],
            _ => (string)S["Saved."],
        };
        return Redirect($"/admin/newsletter/issues/{issue.Id}");
    }

    private static IssueItem? ParseItem(string value) =>
        value.Split(':') is [var kind, var id] && Enum.TryParse<IssueItemKind>(kind, out var k) && int.TryParse(id, out var refId)
            ? new IssueItem { Kind = k, RefId = refId } : null;

    private async Task<string> SlugAsync(string subject, CancellationToken ct)
    {
        var date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var stem = $"{date}-{Slugs.From(subject)}".Trim('-');
        stem = stem.Length > 100 ? stem[..100].Trim('-') : stem;
        stem = stem is "confirm" or "preferences" or "issues" ? stem + "-issue" : stem;
        var slug = stem;
        for (var n = 2; await db.NewsletterIssues.AnyAsync(i => i.Slug == slug, ct); n++)
        {
            slug = $"{stem}-{n}";
        }
        return slug;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Title = S["Newsletter issue"];
        var me = await users.GetUserAsync(User);
        Zone = LocalTimes.ZoneOf(me?.TimeZone, siteZone);
        if (Id != "new")
        {
            if (!int.TryParse(Id, out var id) || await db.NewsletterIssues.FirstOrDefaultAsync(i => i.Id == id, ct) is not { } issue)
            {
                return false;
            }
            Issue = issue;
        }
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var lists = await db.NewsletterLists.AsNoTracking().Where(l => l.ArchivedAt == null).OrderBy(l => l.Position).ToListAsync(ct);
        Lists = [.. lists.Select(l => (l.Id, (l.Texts.Find(t => t.Culture == culture) ?? l.Texts.FirstOrDefault())?.Name ?? l.Slug))];
        Candidates = await CandidatesAsync(ct);
        return true;
    }

    /// <summary>What was published since the last issue went out (or in the last 60 days), upcoming events, open campaigns; and what the issue already has.</summary>
    private async Task<IReadOnlyList<IssueCandidate>> CandidatesAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = await db.NewsletterIssues.AsNoTracking().Where(i => i.SentAt != null).MaxAsync(i => i.SentAt, ct) ?? now.AddDays(-60);
        var chosen = Issue?.Items ?? [];
        var chosenPosts = chosen.Where(i => i.Kind == IssueItemKind.Post).Select(i => i.RefId).ToArray();
        var chosenEvents = chosen.Where(i => i.Kind == IssueItemKind.Event).Select(i => i.RefId).ToArray();
        var chosenCampaigns = chosen.Where(i => i.Kind == IssueItemKind.Campaign).Select(i => i.RefId).ToArray();
        var posts = await db.Posts.AsNoTracking().Published(now).Listed().Where(p => p.PublishedAt >= since || chosenPosts.Contains(p.Id))
            .OrderByDescending(p => p.PublishedAt).Take(40).Select(p => new { p.Id, p.Title, p.Kind, p.PublishedAt }).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.DeletedAt == null && (e.EndsAt >= now || chosenEvents.Contains(e.Id)))
            .OrderBy(e => e.StartsAt).Take(30).Select(e => new { e.Id, e.Title, e.StartsAt, e.EndsAt, e.TimeZone }).ToListAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.DeletedAt == null && ((c.OpensAt <= now && (c.ClosesAt == null || c.ClosesAt > now)) || chosenCampaigns.Contains(c.Id)))
            .OrderBy(c => c.ClosesAt).Take(20).Select(c => new { c.Id, c.Title }).ToListAsync(ct);
        var counts = new Dictionary<int, int>();
        foreach (var c in campaigns)
        {
            counts[c.Id] = await db.Signatures.Counted(c.Id).CountAsync(ct);
        }
        var all = new List<IssueCandidate>();
        all.AddRange(posts.Select(p => new IssueCandidate($"Post:{p.Id}", p.Kind == PostKind.Statement ? S["Statement"] : S["News"], p.Title,
            p.PublishedAt is { } at ? LocalTimes.Format(at, Zone).Replace('T', ' ') : "")));
        all.AddRange(events.Select(e => new IssueCandidate($"Event:{e.Id}", S["Event"], e.Title, EventTimes.In(e.StartsAt, e.EndsAt, e.TimeZone).Text)));
        all.AddRange(campaigns.Select(c => new IssueCandidate($"Campaign:{c.Id}", S["Campaign"], c.Title, S["{0} signatures", counts[c.Id]])));
        // The issue's own items first, in their order; then the suggestions.
        var order = chosen.Select(i => $"{i.Kind}:{i.RefId}").ToList();
        return [.. all.OrderBy(c => order.IndexOf(c.Value) is var n && n >= 0 ? n : int.MaxValue)];
    }
}
