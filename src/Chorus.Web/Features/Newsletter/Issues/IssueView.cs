using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Events;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Newsletter.Issues;

/// <summary>
/// An issue as one reader sees it: in their language (each text the best a person wrote along the site's fallback chain,
/// with the site's notice when it is another language), event times in their zone or the organiser's with the zone
/// named. The email and the public web version are both written from it; it holds nothing about any subscriber.
/// </summary>
internal sealed record IssueView(string Culture, string TextCulture, string Subject, string IntroductionHtml, string IntroductionText, IReadOnlyList<IssueViewItem> Items);

/// <summary>One item: its title and link, a line under it (date, times, zone), its excerpt, and the language notice when the text is not in the reader's.</summary>
internal sealed record IssueViewItem(string Kind, string Title, string Url, string? Note, string Excerpt, string TextCulture, string? Notice);

internal static class IssueViews
{
    /// <summary>
    /// Builds the view of <paramref name="issue"/> for a reader of <paramref name="culture"/> in <paramref name="zone"/>
    /// (null: each event in its organiser's zone, named). Call with <paramref name="culture"/> as the current UI culture.
    /// </summary>
    public static async Task<IssueView> BuildAsync(ChorusDb db, NewsletterIssue issue, string culture, string? zone, IReadOnlyList<string> chain,
        string origin, bool utm, IStringLocalizer S, CancellationToken ct)
    {
        var (textCulture, subject, intro) = issue.TextFor(chain);
        string Link(string path) => utm
            ? $"{origin}{path}?utm_source=newsletter&utm_medium=email&utm_campaign={Uri.EscapeDataString(issue.Slug)}"
            : $"{origin}{path}";
        string? Notice(string shown) => shown == culture ? null
            : (string)S["This page has not been translated into {0} yet. It is shown in {1}.", S[Cultures.NameKey(culture)], S[Cultures.NameKey(shown)]];

        var ids = issue.Items.GroupBy(i => i.Kind).ToDictionary(g => g.Key, g => g.Select(i => i.RefId).ToArray());
        var postIds = ids.GetValueOrDefault(IssueItemKind.Post) ?? [];
        var posts = await db.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id) && p.DeletedAt == null && p.Status != PostStatus.Draft)
            .Select(p => new { p.Id, p.Slug, p.Culture, p.Title, p.Excerpt, p.PublishedAt, p.Kind }).ToDictionaryAsync(p => p.Id, ct);
        var postTexts = await db.PostTranslations.AsNoTracking()
            .Where(t => postIds.Contains(t.PostId) && chain.Contains(t.Culture) && t.State == TranslationState.Human)
            .Select(t => new { t.PostId, t.Culture, t.Title, t.Excerpt }).ToListAsync(ct);
        var eventIds = ids.GetValueOrDefault(IssueItemKind.Event) ?? [];
        var events = await db.Events.AsNoTracking().Where(e => eventIds.Contains(e.Id) && e.DeletedAt == null)
            .Select(e => new { e.Id, e.Slug, e.Culture, e.Title, e.Summary, e.StartsAt, e.EndsAt, e.TimeZone }).ToDictionaryAsync(e => e.Id, ct);
        var eventTexts = await db.Set<EventTranslation>().AsNoTracking().Where(t => eventIds.Contains(t.EventId) && chain.Contains(t.Culture))
            .Select(t => new { t.EventId, t.Culture, t.Title, t.Summary }).ToListAsync(ct);
        var campaignIds = ids.GetValueOrDefault(IssueItemKind.Campaign) ?? [];
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => campaignIds.Contains(c.Id) && c.DeletedAt == null)
            .Select(c => new { c.Id, c.Slug, c.Culture, c.Title, c.ClosesAt }).ToDictionaryAsync(c => c.Id, ct);
        var campaignTexts = await db.CampaignTranslations.AsNoTracking().Where(t => campaignIds.Contains(t.CampaignId) && chain.Contains(t.Culture))
            .Select(t => new { t.CampaignId, t.Culture, t.Title }).ToListAsync(ct);

        // The first language of the chain a person wrote the text in, stopping at the original.
        T? Best<T>(IEnumerable<T> texts, Func<T, string> cultureOf, string original) where T : class
        {
            foreach (var c in chain)
            {
                if (c == original)
                {
                    return null;
                }
                if (texts.FirstOrDefault(t => cultureOf(t) == c) is { } found)
                {
                    return found;
                }
            }
            return null;
        }

        var items = new List<IssueViewItem>();
        foreach (var item in issue.Items)
        {
            switch (item.Kind)
            {
                case IssueItemKind.Post when posts.TryGetValue(item.RefId, out var p):
                {
                    var t = Best(postTexts.Where(x => x.PostId == p.Id), x => x.Culture, p.Culture);
                    var shown = t?.Culture ?? p.Culture;
                    var date = p.PublishedAt is { } at ? Dates.Long(DateOnly.FromDateTime(at)) : null;
                    items.Add(new(p.Kind == PostKind.Statement ? S["Statement"] : S["News"], t?.Title ?? p.Title, Link($"/{culture}/news/{p.Slug}"), date,
                        t?.Excerpt ?? p.Excerpt, shown, Notice(shown)));
                    break;
                }
                case IssueItemKind.Event when events.TryGetValue(item.RefId, out var e):
                {
                    var t = Best(eventTexts.Where(x => x.EventId == e.Id), x => x.Culture, e.Culture);
                    var shown = t?.Culture ?? e.Culture;
                    var span = EventTimes.In(e.StartsAt, e.EndsAt, zone ?? e.TimeZone);
                    items.Add(new(S["Event"], t?.Title ?? e.Title, Link($"/{culture}/events/{e.Slug}"), $"{span.Text} ({span.City})",
                        (t is null ? e.Summary : t.Summary) ?? "", shown, Notice(shown)));
                    break;
                }
                case IssueItemKind.Campaign when campaigns.TryGetValue(item.RefId, out var c):
                {
                    var t = Best(campaignTexts.Where(x => x.CampaignId == c.Id), x => x.Culture, c.Culture);
                    var shown = t?.Culture ?? c.Culture;
                    var count = await db.Signatures.Counted(c.Id).CountAsync(ct);
                    items.Add(new(S["Campaign"], t?.Title ?? c.Title, Link($"/{culture}/campaigns/{c.Slug}"),
                        S["{0} signatures", count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)], "", shown, Notice(shown)));
                    break;
                }
            }
        }
        return new IssueView(culture, textCulture, subject, ContentMarkdown.ToSafeHtml(intro), ContentMarkdown.ToPlainText(intro), items);
    }

    /// <summary>The email of a view: introduction, the items, then where to change or stop (the per-person address, a placeholder here).</summary>
    public static MailContent ToMail(IssueView view, string webUrl, string preferencesUrl, IStringLocalizer S)
    {
        var textLang = view.TextCulture == view.Culture ? null : view.TextCulture;
        var parts = new List<MailPart> { new MailHtml(view.IntroductionHtml, view.IntroductionText, textLang) };
        foreach (var item in view.Items)
        {
            var lang = item.TextCulture == view.Culture ? null : item.TextCulture;
            parts.Add(new MailHeading(item.Title, item.Url, item.Note is null ? item.Kind : $"{item.Kind} · {item.Note}", lang));
            if (item.Notice is { } notice)
            {
                parts.Add(new MailText(notice));
            }
            if (item.Excerpt.Length > 0)
            {
                parts.Add(new MailText(item.Excerpt, lang));
            }
        }
        parts.Add(new MailAction(S["Read this issue on the web:"], webUrl, S["Web version"]));
        parts.Add(new MailAction(S["You receive this because you subscribed. Change your language or topics, or unsubscribe:"], preferencesUrl,
            S["Manage or unsubscribe"]));
        return new MailContent(view.Subject, parts);
    }
}
