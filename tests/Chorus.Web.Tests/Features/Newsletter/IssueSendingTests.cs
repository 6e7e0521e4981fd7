using Chorus.Web.Features.Newsletter;
using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Infrastructure.Email;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>An issue goes to each subscriber in their language, through the outbox, once, with RFC 8058 headers.</summary>
public sealed class IssueSendingTests(NewsletterSmtpApp app) : IClassFixture<NewsletterSmtpApp>
{
    [SkippableFact]
    public async Task An_arabic_subscriber_reads_the_arabic_translation_and_the_english_original_with_the_notice()
    {
        var list = await IssueFixtures.ListAsync(app, "news");
        var translated = await IssueFixtures.PostAsync(app, "Statement on the Global Compact", "The coalition welcomes the review.",
            ("ar", "بيان بشأن الاتفاق العالمي", "يرحب التحالف بالمراجعة."));
        var untranslated = await IssueFixtures.PostAsync(app, "Regional consultation in Dakar", "Members met in Dakar.");
        var reader = (await IssueFixtures.SubscribersAsync(app, list, "arabic-reader", 1, "ar")).Single();
        await IssueFixtures.IssueAsync(app, list, IssueState.Sending, translated, untranslated);

        Assert.Equal(1, await IssueFixtures.SendRoundAsync(app));
        var message = await TestMail.ReceivedAsync(reader);

        Assert.Equal("أخبار التحالف", message.Subject);
        TestMail.AssertWrittenIn(message, "ar");
        Assert.Contains("بيان بشأن الاتفاق العالمي", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("يرحب التحالف بالمراجعة.", message.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Statement on the Global Compact", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Regional consultation in Dakar", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("لم تُترجم هذه الصفحة إلى", message.TextBody, StringComparison.Ordinal);
        // The English text is marked as English inside the Arabic message.
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Contains(html.QuerySelectorAll("[lang=en]"), e => e.TextContent.Contains("Regional consultation in Dakar", StringComparison.Ordinal));
        Assert.Empty(html.QuerySelectorAll("img[width='1'], img[height='1']"));

        // RFC 8058: the one-click address in List-Unsubscribe, and the POST it takes named.
        Assert.Matches("^<http://localhost/newsletter/unsubscribe\\?token=[A-Za-z0-9_-]+>$", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("http://localhost/ar/newsletter/preferences?token=", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("http://localhost/ar/newsletter/preferences?token=", message.HtmlBody, StringComparison.Ordinal);
        // Nothing else about them in the links: no tracking parameters by default.
        Assert.DoesNotContain("utm_", message.HtmlBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Every_subscriber_gets_one_copy_in_their_language_and_a_paused_issue_waits()
    {
        var list = await IssueFixtures.ListAsync(app, "events");
        var post = await IssueFixtures.PostAsync(app, "Annual report", "Our year.");
        var english = await IssueFixtures.SubscribersAsync(app, list, "batch-en", 9);
        var french = await IssueFixtures.SubscribersAsync(app, list, "batch-fr", 6, "fr");
        var issue = await IssueFixtures.IssueAsync(app, list, IssueState.Paused, post);

        Assert.Equal(0, await IssueFixtures.SendRoundAsync(app));
        Assert.Equal(0, await app.WithDb(db => db.NewsletterDeliveries.CountAsync(d => d.IssueId == issue.Id)));

        // Resumed: queued in batches of 7 (two full and one short), each subscriber once, however many rounds run.
        await app.WithDb(db => db.NewsletterIssues.Where(i => i.Id == issue.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, IssueState.Sending)));
        Assert.Equal(15, await IssueFixtures.SendRoundAsync(app));
        Assert.Equal(0, await IssueFixtures.SendRoundAsync(app));
        foreach (var to in english.Concat(french))
        {
            await TestMail.ReceivedAsync(to);
        }
        // Sent once every copy has left the outbox, as the next round records.
        await WaitForAsync(() => app.WithDb(db => db.Outbox.AnyAsync(m => english.Concat(french).Contains(m.To) && m.Status == Chorus.Web.Infrastructure.QueueStatus.Pending)), false);
        await IssueFixtures.SendRoundAsync(app);
        Assert.Equal(IssueState.Sent, await app.WithDb(db => db.NewsletterIssues.Where(i => i.Id == issue.Id).Select(i => i.State).SingleAsync()));
        Assert.Equal("Coalition news", (await TestMail.ReceivedAsync(english[0])).Subject);
        TestMail.AssertWrittenIn(await TestMail.ReceivedAsync(french[0]), "fr");
        foreach (var to in english.Concat(french))
        {
            Assert.Equal(1, await TestMail.CountAsync(to));
        }
        await IssueFixtures.SendRoundAsync(app);
        Assert.Equal(15, await app.WithDb(db => db.NewsletterDeliveries.CountAsync(d => d.IssueId == issue.Id && d.State == DeliveryState.Sent)));
    }

    private static async Task WaitForAsync(Func<Task<bool>> check, bool wanted)
    {
        for (var i = 0; i < 100 && await check() != wanted; i++)
        {
            await Task.Delay(100);
        }
    }
}
