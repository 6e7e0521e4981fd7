using Chorus.Web.Features.Newsletter;
using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>Permanent refusals (5xx) mark a subscriber Bouncing after Newsletter:BouncesBeforeStop and stop further sends.</summary>
public sealed class IssueBounceTests
{
    private sealed class App(int port) : EmptyChorusFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            new("Email:SmtpHost", "127.0.0.1"), new("Email:SmtpPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Email:SmtpSecurity", "None"), new("Email:From", "Crossroads Coalition <no-reply@crossroads.test>"), new("Newsletter:BouncesBeforeStop", "2"),
        ];
    }

    [Fact]
    public async Task Two_permanent_refusals_stop_further_issues_to_that_address()
    {
        await using var server = new RefusingSmtpServer();
        await using var app = new App(server.Port);
        await app.StartAsync();
        var list = await IssueFixtures.ListAsync(app, "bounce");
        var post = await IssueFixtures.PostAsync(app, "News", "Text.");
        var to = (await IssueFixtures.SubscribersAsync(app, list, "gone", 1)).Single();

        for (var round = 1; round <= 3; round++)
        {
            var issue = await IssueFixtures.IssueAsync(app, list, IssueState.Sending, post);
            // Queued by this round, or by the app's own sender if its first round came late (a loaded machine): once either way.
            await IssueFixtures.SendRoundAsync(app);
            var queued = await app.WithDb(db => db.NewsletterDeliveries.CountAsync(d => d.IssueId == issue.Id));
            // The background sender was woken when the copy was queued: wait (at most 30 s) for its answer from the server.
            for (var i = 0; i < 1200 && await app.WithDb(db => db.Outbox.AnyAsync(m => m.Status == QueueStatus.Pending)); i++)
            {
                await Task.Delay(25);
            }
            await IssueFixtures.SendRoundAsync(app); // reads the outcomes
            var subscriber = await app.WithDb(db => db.Subscribers.AsNoTracking().SingleAsync(s => s.Email == to));
            if (round < 3)
            {
                Assert.Equal(1, queued);
                // Refused for good: one attempt, not retried, and counted.
                var message = await app.WithDb(db => db.NewsletterDeliveries.Where(d => d.IssueId == issue.Id).Select(d => d.Message!).SingleAsync());
                Assert.Equal((QueueStatus.Failed, 1, 550), (message.Status, message.Attempts, message.SmtpStatus));
                Assert.Equal(round, subscriber.Bounces);
                Assert.Equal(round == 2 ? SubscriberState.Bouncing : SubscriberState.Confirmed, subscriber.State);
            }
            else
            {
                // Bouncing: the third issue is not even queued for them.
                Assert.Equal(0, queued);
            }
        }
        Assert.Equal(2, server.Refused);
    }
}
