using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Newsletter.Issues;

/// <summary>
/// /{culture}/newsletter/{slug}: a sent issue as the public reads it, in the page's language as a subscriber of it got it
/// (events in their organisers' zones, named). Nothing about any subscriber. Literal routes of the newsletter (confirm,
/// preferences, issues) take precedence over this one, and the compose page never makes those slugs.
/// </summary>
internal sealed class IssuePageModel(ChorusDb db, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public IssueView? View { get; private set; }

    public DateTime SentAt { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.AsNoTracking().FirstOrDefaultAsync(i => i.Slug == slug && i.State == IssueState.Sent, ct);
        if (issue is null)
        {
            return NotFound();
        }
        View = await IssueViews.BuildAsync(db, issue, Culture, null, Chain, "", utm: false, S, ct);
        SentAt = issue.SentAt ?? issue.UpdatedAt;
        Title = View.Subject;
        Description = View.IntroductionText.Length > 200 ? View.IntroductionText[..200] : View.IntroductionText;
        TranslatedCultures = [.. issue.Translations.Select(t => t.Culture).Append(issue.Culture).Intersect(site.Value.Cultures)];
        OpenGraphType = "article";
        return Page();
    }
}
