using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Newsletter.Issues;

internal sealed record ArchiveEntry(string Slug, string Subject, string Culture, DateTime SentAt);

/// <summary>/{culture}/newsletter/issues: every sent issue, newest first, its subject in the reader's language where written; 50 a page.</summary>
internal sealed class ArchiveModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<ArchiveEntry> Entries { get; private set; } = [];

    public int PageNumber { get; private set; } = 1;

    public bool HasMore { get; private set; }

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        Title = S["Newsletter archive"];
        Feed = $"/{Culture}/newsletter/feed";
        PageNumber = Math.Clamp(p ?? 1, 1, 10_000);
        var issues = await db.NewsletterIssues.AsNoTracking().Where(i => i.State == IssueState.Sent && i.SentAt != null)
            .OrderByDescending(i => i.SentAt).ThenByDescending(i => i.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = issues.Count > PageSize;
        Entries = [.. issues.Take(PageSize).Select(i => i.TextFor(Chain) is var (culture, subject, _) ? new ArchiveEntry(i.Slug, subject, culture, i.SentAt!.Value) : null!)];
    }
}
