using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Campaigns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>
/// What the outbox keeps, read straight from the database: a sent message loses its text at once (its links and tokens were
/// for one person), its row goes after Email:KeepSentDays, and at once when the person's contact data is erased.
/// </summary>
public sealed class MailRetentionTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    private Task<List<OutboxMessage>> RowsTo(string to) => app.WithDb(db => db.Outbox.AsNoTracking().Where(m => m.To == to).ToListAsync());

    private async Task<List<OutboxMessage>> SentTo(string to)
    {
        for (var i = 0; i < 100; i++)
        {
            var rows = await RowsTo(to);
            if (rows.Count > 0 && rows.All(m => m.Status == QueueStatus.Done))
            {
                return rows;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"mail to {to} was not sent");
    }

    [SkippableFact]
    public async Task Once_sent_no_link_or_token_is_kept_and_erasing_contact_details_forgets_the_mail()
    {
        await app.AddCampaign("retention");
        var email = $"{CampaignsApp.Unique("kept")}@retention.test";
        var (_, confirmation) = await app.SignAndConfirmAsync("retention", CampaignsApp.Fields("Retention Test Org", email));
        var manage = CampaignsApp.Link(confirmation, "To withdraw the endorsement");
        var secret = manage.Split('/')[^1];

        var sent = Assert.Single(await SentTo(email));
        Assert.Equal(("", null), (sent.TextBody, sent.AttachmentText));
        Assert.StartsWith("Confirm your endorsement", sent.Subject, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Outbox.AnyAsync(m => m.TextBody.Contains(secret))));

        var erase = await Staff.PostFormAsync(Staff.Client(app), manage, new Dictionary<string, string>(), formSelector: "form[action*='handler=erase']");
        Assert.Contains("Your contact details are erased.", await erase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(await RowsTo(email));
    }

    [SkippableFact]
    public async Task Sent_mail_is_deleted_after_the_days_it_is_kept_for()
    {
        var (old, recent) = ($"old-{Guid.NewGuid():N}@retention.test", $"recent-{Guid.NewGuid():N}@retention.test");
        var outbox = app.Services.GetRequiredService<Outbox>();
        async Task Send(string to)
        {
            await app.WithDb(async db =>
            {
                outbox.Enqueue(db, to, "Kept a week", "Body");
                await db.SaveChangesAsync();
            });
            outbox.Notify();
            await SentTo(to);
        }
        await Send(old);
        app.Clock.Advance(TimeSpan.FromDays(2));
        await Send(recent);

        app.Clock.Advance(TimeSpan.FromDays(6)); // the first was sent 8 days ago, the second 6 (Email:KeepSentDays is 7)
        await app.WithDb(db => outbox.PurgeAsync(db, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None));

        Assert.Empty(await RowsTo(old));
        Assert.Single(await RowsTo(recent));
    }
}
