using Chorus.Web.Data;
using Chorus.Web.Features.Api;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Newsletter.Issues;

/// <summary>A sent issue in the archive; <paramref name="Language"/> is its subject's.</summary>
internal sealed record ApiNewsletterItem(string Slug, string Subject, string Language, DateTime SentAt, string Url);

/// <summary>One item of an issue: what it points to, in the requested language where a person wrote it.</summary>
internal sealed record ApiNewsletterEntry(string Kind, string Title, string Url, string? Note, string Excerpt, string Language);

/// <summary>A whole sent issue.</summary>
internal sealed record ApiNewsletter(string Slug, string Subject, string Language, string IntroductionHtml, DateTime SentAt, string Url,
    IReadOnlyList<ApiNewsletterEntry> Items);

/// <summary>
/// /api/v1/newsletters: the public archive of sent issues, newest first, keyset on (sent instant, id). Drafts, scheduled
/// and unfinished issues never appear, and nothing about subscribers does.
/// </summary>
internal static class NewslettersApi
{
    public static void MapNewslettersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/newsletters").WithTags("Newsletters");
        group.MapRead("", ListAsync).Describe<ApiPage<ApiNewsletterItem>>("List newsletter issues",
            "Sent issues of the newsletter, newest first, with their subject in the requested language where one was written.");
        group.MapRead("/{slug}", ReadAsync).Describe<ApiNewsletter>("Get a newsletter issue",
            "One sent issue: its introduction as sanitised HTML and its items in the requested language, events in their organisers' zones.", found: true);
    }

    private static IQueryable<NewsletterIssue> Sent(ChorusDb db) =>
        db.NewsletterIssues.AsNoTracking().Where(i => i.State == IssueState.Sent && i.SentAt != null);

    private static async Task<IResult> ListAsync(HttpContext http, ChorusDb db, string? lang, string? limit, string? cursor, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var size = q.Limit(limit);
        var after = q.Cursor(cursor, instant: true);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        var issues = Sent(db);
        if (after is { } c && c.TryGetInstant(out var at))
        {
            issues = issues.Where(i => i.SentAt < at || (i.SentAt == at && i.Id < c.Id));
        }
        var rows = await issues.OrderByDescending(i => i.SentAt).ThenByDescending(i => i.Id).Take(size + 1).ToListAsync(ct);
        var more = ApiResults.Cut(rows, size);
        var items = rows.Select(i => i.TextFor(q.Chain) is var (culture, subject, _)
            ? new ApiNewsletterItem(i.Slug, subject, culture, i.SentAt!.Value, $"{q.Origin}/{q.Culture}/newsletter/{i.Slug}") : null!).ToList();
        return ApiResults.Page(http, items, more ? new ApiCursor(rows[^1].SentAt!.Value, rows[^1].Id) : null);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, ChorusDb db, IStringLocalizer<SharedStrings> S, string slug, string? lang, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var key = q.Text("slug", slug);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        if (await Sent(db).FirstOrDefaultAsync(i => i.Slug == key, ct) is not { } issue)
        {
            return ApiResults.NotFound("newsletter", slug);
        }
        IssueView view;
        using (Cultures.Write(q.Culture))
        {
            view = await IssueViews.BuildAsync(db, issue, q.Culture, null, q.Chain, q.Origin, utm: false, S, ct);
        }
        return ApiResults.Item(http, new ApiNewsletter(issue.Slug, view.Subject, view.TextCulture, view.IntroductionHtml, issue.SentAt!.Value,
            $"{q.Origin}/{q.Culture}/newsletter/{issue.Slug}",
            [.. view.Items.Select(i => new ApiNewsletterEntry(i.Kind, i.Title, i.Url, i.Note, i.Excerpt, i.TextCulture))]));
    }
}
