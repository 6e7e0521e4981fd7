using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Newsletter;
using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>Lists, confirmed subscribers, posts and issues written straight to a test's database.</summary>
internal static class IssueFixtures
{
    public static async Task<int> ListAsync(ChorusFactory app, string slug) => await app.WithDb(async db =>
    {
        var list = new NewsletterList { Slug = $"{slug}-{Guid.NewGuid():N}", CreatedAt = app.Clock.GetUtcNow().UtcDateTime };
        list.Texts.Add(new NewsletterListText { Culture = "en", Name = slug });
        db.NewsletterLists.Add(list);
        await db.SaveChangesAsync();
        return list.Id;
    });

    public static async Task<List<string>> SubscribersAsync(ChorusFactory app, int listId, string prefix, int count, string culture = "en", string? zone = null) =>
        await app.WithDb(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var run = Guid.NewGuid().ToString("N")[..8];
            var emails = Enumerable.Range(0, count).Select(i => $"{prefix}-{run}-{i}@example.org").ToList();
            foreach (var email in emails)
            {
                var subscriber = new Subscriber
                {
                    Email = email, EmailKey = email, Culture = culture, TimeZone = zone, State = SubscriberState.Confirmed, CreatedAt = now, ConfirmedAt = now,
                    LinkStamp = SubscriberLinks.NewStamp(),
                };
                subscriber.Lists.Add(new SubscriberList { ListId = listId, AddedAt = now });
                db.Subscribers.Add(subscriber);
            }
            await db.SaveChangesAsync();
            return emails;
        });

    public static async Task<int> PostAsync(ChorusFactory app, string title, string excerpt, (string Culture, string Title, string Excerpt)? translation = null) =>
        await app.WithDb(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var post = new Post
            {
                Title = title, Slug = $"post-{Guid.NewGuid():N}", BodyMarkdown = excerpt, Excerpt = excerpt, BodyHtml = $"<p>{excerpt}</p>", Culture = "en",
                Status = PostStatus.Published, PublishedAt = now.AddDays(-1), CreatedAt = now, UpdatedAt = now,
            };
            if (translation is { } t)
            {
                post.Translations.Add(new PostTranslation
                {
                    Culture = t.Culture, Title = t.Title, BodyMarkdown = t.Excerpt, Excerpt = t.Excerpt, BodyHtml = $"<p>{t.Excerpt}</p>", State = TranslationState.Human,
                    SourceHash = post.ContentHash, UpdatedAt = now,
                });
            }
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            return post.Id;
        });

    public static async Task<NewsletterIssue> IssueAsync(ChorusFactory app, int listId, IssueState state, params int[] postIds) => await app.WithDb(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var issue = new NewsletterIssue
        {
            Slug = $"issue-{Guid.NewGuid():N}", Subject = "Coalition news", Introduction = "Welcome to this **month's** news.", State = state, ListIds = [listId],
            Items = [.. postIds.Select(id => new IssueItem { Kind = IssueItemKind.Post, RefId = id })], CreatedAt = now, UpdatedAt = now,
        };
        issue.Translations.Add(new IssueText { Culture = "ar", Subject = "أخبار التحالف", Introduction = "مرحبًا بكم في أخبار هذا الشهر." });
        db.NewsletterIssues.Add(issue);
        await db.SaveChangesAsync();
        return issue;
    });

    /// <summary>One round of the issue sender, as the background job runs it.</summary>
    public static async Task<int> SendRoundAsync(ChorusFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IssueSender>().RunAsync(scope.ServiceProvider.GetRequiredService<ChorusDb>(), default);
    }
}

public sealed class NewsletterSmtpApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. TestMail.Settings, new("Newsletter:BatchSize", "7")];
}
