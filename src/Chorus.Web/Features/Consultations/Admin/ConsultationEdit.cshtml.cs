using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Chorus.Web.Features.Consultations.Admin;

/// <summary>/admin/consultations/{id|new}: the consultation's words in each language and its rules.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class ConsultationEditModel(ChorusDb db, UserManager<ChorusUser> users, TimeProvider clock, DateTimeZone siteZone,
    IOptions<SiteOptions> site, Localization.Machine.MachineTranslator translator, Localization.Machine.TranslationJobs jobs,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Id { get; set; } = "";

    [BindProperty] public ConsultationEditInput Input { get; set; } = new();

    public Consultation? Existing { get; private set; }
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;
    public IReadOnlyList<string> Cultures => site.Value.Cultures;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(keepInput: false, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(keepInput: true, ct) is { } problem)
        {
            return problem;
        }
        var c = Existing ?? new Consultation { Slug = "", Title = "" };
        var opens = LocalTimes.FromField(Input.OpensAt, Zone, ModelState, "Input.OpensAt", S);
        var closes = LocalTimes.FromField(Input.ClosesAt, Zone, ModelState, "Input.ClosesAt", S);
        if (opens is not null && closes <= opens)
        {
            ModelState.AddModelError("Input.ClosesAt", S["The consultation must close after it opens."]);
        }
        if (!Cultures.Contains(Input.Culture))
        {
            ModelState.AddModelError("Input.Culture", S["Choose a language from the list."]);
        }
        var postId = await FindAsync(Input.Post, s => db.Posts.Where(p => p.Slug == s && p.DeletedAt == null).Select(p => (int?)p.Id), "Input.Post",
            S["No post or statement has this address."], ct);
        var eventId = await FindAsync(Input.Event, s => db.Events.Where(e => e.Slug == s && e.DeletedAt == null).Select(e => (int?)e.Id), "Input.Event",
            S["No event has this address."], ct);
        var (slug, taken) = await Slugs.ForFormAsync(Input.Slug, Input.Title, s => db.Consultations.AnyAsync(x => x.Slug == s && x.Id != c.Id, ct));
        if (taken)
        {
            ModelState.AddModelError("Input.Slug", S["Another consultation already has this address."]);
        }
        var translations = new Dictionary<string, ConsultationTranslationInput>();
        foreach (var (culture, t) in Input.Translations)
        {
            if (culture == Input.Culture || string.IsNullOrWhiteSpace(t.Title) && string.IsNullOrWhiteSpace(t.Introduction))
            {
                continue;
            }
            if (!Cultures.Contains(culture) || string.IsNullOrWhiteSpace(t.Title))
            {
                ModelState.AddModelError("Input.Translations", S["A translation needs at least a title ({0}).", culture]);
                continue;
            }
            translations[culture] = t;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        (c.Title, c.Slug, c.Culture, c.IntroductionMarkdown) = (Input.Title.Trim(), slug, Input.Culture, Input.Introduction ?? "");
        (c.OpensAt, c.ClosesAt, c.Respondents, c.AnswersPublishable, c.ResultsPublished) = (opens!.Value, closes!.Value, Input.Respondents, Input.AnswersPublishable, Input.ResultsPublished);
        (c.EraseContactAfterDays, c.PostId, c.EventId) = (Input.EraseContactAfterDays, postId, eventId);
        c.Translations.RemoveAll(t => !translations.ContainsKey(t.Culture) && Input.Translations.GetValueOrDefault(t.Culture)?.Shown == true);
        foreach (var (culture, t) in translations)
        {
            var existing = c.Translations.FirstOrDefault(x => x.Culture == culture);
            if (existing is null)
            {
                c.Translations.Add(existing = new ConsultationTranslation { Culture = culture, Title = "" });
            }
            if (existing.Title != t.Title!.Trim() || existing.IntroductionMarkdown != (t.Introduction ?? ""))
            {
                // A person saved these words: no longer a machine draft.
                (existing.Title, existing.IntroductionMarkdown, existing.IsMachineDraft) = (t.Title!.Trim(), t.Introduction ?? "", false);
            }
        }
        if (Existing is null)
        {
            db.Consultations.Add(c);
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return Redirect($"/admin/consultations/{c.Id}");
    }

    /// <summary>Queues machine drafts for every language the consultation lacks; the translation queue writes them, marked as such.</summary>
    public async Task<IActionResult> OnPostDraftAsync(CancellationToken ct)
    {
        var problem = await LoadAsync(keepInput: false, ct);
        if (problem is not null || Existing is null)
        {
            return problem ?? NotFound();
        }
        var (queued, unreachable) = await MachineDrafts.EnqueueAsync(db, jobs, translator, Existing.Id, Cultures, ct);
        string Names(List<string> cultures) => string.Join(", ", cultures.Select(c => S[Infrastructure.Cultures.NameKey(c)].Value));
        TempData["Status"] = string.Join(" ", new[]
        {
            queued.Count == 0 ? S["Nothing was missing that a service could draft."].Value
                : S["Machine drafts queued for: {0}. They appear here as the service answers, marked as machine translations.", Names(queued)].Value,
            unreachable.Count == 0 ? null : S["No machine translation service reaches: {0}.", Names(unreachable)].Value,
        }.OfType<string>());
        return Redirect($"/admin/consultations/{Existing.Id}");
    }

    /// <summary>Machine drafts of this consultation waiting in the queue, or given up on, by language.</summary>
    public IReadOnlyList<(string Culture, bool Failed, string? Error)> Jobs { get; private set; } = [];

    private async Task<int?> FindAsync(string? typed, Func<string, IQueryable<int?>> query, string field, string message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }
        var id = await query(typed.Trim().TrimEnd('/').Split('/')[^1]).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            ModelState.AddModelError(field, message);
        }
        return id;
    }


    private async Task<IActionResult?> LoadAsync(bool keepInput, CancellationToken ct)
    {
        Zone = LocalTimes.ZoneOf((await users.GetUserAsync(User))?.TimeZone, siteZone);
        if (Id == "new")
        {
            Title = S["New consultation"];
            if (!keepInput)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                (Input.OpensAt, Input.ClosesAt) = (LocalTimes.Format(now, Zone), LocalTimes.Format(now.AddDays(30), Zone));
            }
            return null;
        }
        if (!int.TryParse(Id, CultureInfo.InvariantCulture, out var id))
        {
            return NotFound();
        }
        Existing = await db.Consultations.Include(c => c.Translations).Include(c => c.Post).Include(c => c.Event)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id && c.DeletedAt == null, ct);
        if (Existing is not { } c)
        {
            return NotFound();
        }
        Title = S["Edit “{0}”", c.Title];
        // The latest job per language says where its drafts stand.
        Jobs = [.. (await db.TranslationJobs.AsNoTracking().Where(j => j.ConsultationId == c.Id)
                .OrderBy(j => j.Id).Select(j => new { j.Culture, j.Status, j.LastError }).ToListAsync(ct))
            .GroupBy(j => j.Culture).Select(g => g.Last()).Where(j => j.Status != QueueStatus.Done)
            .Select(j => (j.Culture, j.Status == QueueStatus.Failed, j.LastError))];
        if (!keepInput)
        {
            Input = new ConsultationEditInput
            {
                Title = c.Title, Slug = c.Slug, Culture = c.Culture, Introduction = c.IntroductionMarkdown,
                OpensAt = LocalTimes.Format(c.OpensAt, Zone), ClosesAt = LocalTimes.Format(c.ClosesAt, Zone), Respondents = c.Respondents,
                AnswersPublishable = c.AnswersPublishable, ResultsPublished = c.ResultsPublished, EraseContactAfterDays = c.EraseContactAfterDays,
                Event = c.Event?.Slug, Post = c.Post?.Slug,
                Translations = c.Translations.ToDictionary(t => t.Culture, t => new ConsultationTranslationInput { Title = t.Title, Introduction = t.IntroductionMarkdown }),
            };
        }
        return null;
    }
}
