using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chorus.Web.Tests.Infrastructure;

public sealed class SmtpApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => TestMail.Settings;
}

/// <summary>Mail is queued with the change that causes it and delivered by the background sender over real SMTP.</summary>
public sealed class OutboxTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    [SkippableFact]
    public async Task A_queued_message_reaches_the_smtp_server_and_is_marked_sent()
    {
        var to = $"member-{Guid.NewGuid():N}@example.org";
        var outbox = app.Services.GetRequiredService<Outbox>();
        await app.WithDb(async db =>
        {
            outbox.Enqueue(db, to, "Welcome to the coalition", "Hello,\n\nthank you for joining — ¡bienvenida!");
            await db.SaveChangesAsync();
        });
        outbox.Notify();

        var message = await TestMail.ReceivedAsync(to);

        Assert.Equal("Welcome to the coalition", message.Subject);
        Assert.Equal("no-reply@crossroads.test", message.From.Mailboxes.Single().Address);
        Assert.Contains("¡bienvenida!", message.TextBody, StringComparison.Ordinal);
        var row = await WaitForStatus(to, QueueStatus.Done);
        Assert.NotNull(row.SentAt);
    }

    [SkippableFact]
    public async Task Mail_a_dead_node_had_claimed_goes_out_within_half_a_minute_and_a_live_node_keeps_its_claims()
    {
        var outbox = app.Services.GetRequiredService<Outbox>();
        var (dead, held) = ($"dead-node-{Guid.NewGuid():N}@example.org", $"live-node-{Guid.NewGuid():N}@example.org");
        await app.WithDb(async db =>
        {
            outbox.Enqueue(db, dead, "Claimed by a node that died", "Body");
            await db.SaveChangesAsync();
            // A node claims it and is killed before sending: nobody renews its claim.
            Assert.Contains(await WorkQueue.ClaimDueAsync(db.Outbox, app.Clock.GetUtcNow().UtcDateTime, 20, default), m => m.To == dead);
        });
        await app.WithDb(db => outbox.SendDueAsync(db, default));
        Assert.Equal(QueueStatus.Pending, (await app.WithDb(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == dead))).Status);

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        await app.WithDb(db => outbox.SendDueAsync(db, default));
        await TestMail.ReceivedAsync(dead);

        // A live worker busy for a minute and a half (a slow server) keeps what it claimed: no other node takes it.
        await app.WithDb(async db =>
        {
            outbox.Enqueue(db, held, "Held by a slow node", "Body");
            await db.SaveChangesAsync();
        });
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Chorus.Web.Data.ChorusDb>();
            await using var claims = await WorkQueue.HoldDueAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), d => d.Outbox, db, app.Clock, 20, default);
            Assert.Contains(claims.Items, m => m.To == held);
            for (var i = 0; i < 9; i++)
            {
                app.Clock.Advance(TimeSpan.FromSeconds(10));
                var until = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(20);
                for (var wait = 0; wait < 100 && (await app.WithDb(d => d.Outbox.AsNoTracking().SingleAsync(m => m.To == held))).NextAttemptAt < until; wait++)
                {
                    await Task.Delay(20);
                }
            }
            Assert.DoesNotContain(await app.WithDb(d => WorkQueue.ClaimDueAsync(d.Outbox, app.Clock.GetUtcNow().UtcDateTime, 20, default)), m => m.To == held);
        }
        Assert.Equal(0, await TestMail.CountAsync(held));
    }

    [SkippableFact]
    public async Task A_message_the_server_cannot_take_is_kept_and_retried_later()
    {
        // An address the SMTP server rejects at RCPT would be final; a dead server is temporary. Point the
        // sender at a closed port through a second app and check the message waits for a retry.
        await using var offline = new OfflineSmtpApp();
        await offline.StartAsync();
        var to = $"later-{Guid.NewGuid():N}@example.org";
        var outbox = offline.Services.GetRequiredService<Outbox>();
        await offline.WithDb(async db =>
        {
            outbox.Enqueue(db, to, "Retry me", "Body");
            await db.SaveChangesAsync();
            await outbox.SendDueAsync(db, CancellationToken.None);
        });

        var row = await offline.WithDb(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == to));
        Assert.Equal(QueueStatus.Pending, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.LastError);
        Assert.True(row.NextAttemptAt > offline.Clock.GetUtcNow().UtcDateTime);
    }

    [SkippableFact]
    public async Task A_message_that_cannot_be_written_fails_alone_and_admins_see_why()
    {
        // "x y@example.org" passed the old form check and MimeKit cannot parse it: it must not hold the messages around it.
        var (before, bad, after) = ($"before-{Guid.NewGuid():N}@example.org", "x y@example.org", $"after-{Guid.NewGuid():N}@example.org");
        var outbox = app.Services.GetRequiredService<Outbox>();
        await app.WithDb(async db =>
        {
            foreach (var to in new[] { before, bad, after })
            {
                outbox.Enqueue(db, to, "Batch " + to, "Body");
            }
            await db.SaveChangesAsync();
        });
        outbox.Notify();

        await TestMail.ReceivedAsync(before);
        await TestMail.ReceivedAsync(after);
        var failed = await WaitForStatus(bad, QueueStatus.Failed);
        Assert.False(string.IsNullOrEmpty(failed.LastError));
        Assert.Equal(QueueStatus.Done, (await WaitForStatus(after, QueueStatus.Done)).Status);

        var admin = $"mail-admin-{Guid.NewGuid():N}@crossroads.test";
        var key = await Features.Accounts.Staff.CreateAsync(app, admin, Chorus.Web.Features.Accounts.Roles.Admin, twoFactor: true);
        var client = await Features.Accounts.Staff.SignInAsync(app, admin, key);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/admin/mail", UriKind.Relative)));
        var row = page.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(bad, StringComparison.Ordinal));
        Assert.Contains(failed.LastError!, row.TextContent, StringComparison.Ordinal);

        // Sent again from the page, it fails again for the same reason: nothing else is held.
        var retry = await Features.Accounts.Staff.PostFormAsync(client, "/admin/mail", new Dictionary<string, string>(), $"form[action*='id={failed.Id}']");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(1, (await WaitForStatus(bad, QueueStatus.Failed, attempts: 1)).Attempts);
    }

    private async Task<OutboxMessage> WaitForStatus(string to, QueueStatus status, int? attempts = null)
    {
        for (var i = 0; i < 100; i++)
        {
            var row = await app.WithDb(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == to));
            if (row.Status == status && (attempts is null || row.Attempts == attempts))
            {
                return row;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"message to {to} never reached {status}");
    }
}

/// <summary>An app whose SMTP server does not answer (a closed port on loopback).</summary>
public sealed class OfflineSmtpApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Email:SmtpHost", "127.0.0.1"), new("Email:SmtpPort", "9"), new("Email:SmtpSecurity", "None")];
}

public sealed class DropFolderTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    [SkippableFact]
    public async Task Without_an_smtp_server_messages_are_written_as_eml_files()
    {
        var outbox = app.Services.GetRequiredService<Outbox>();
        await app.WithDb(async db =>
        {
            outbox.Enqueue(db, "editor@example.org", "Your invitation", "Follow the link.");
            await db.SaveChangesAsync();
            // The background sender may claim the message first; either way it is sent exactly once.
            await outbox.SendDueAsync(db, CancellationToken.None);
        });

        for (var i = 0; i < 100 && (!Directory.Exists(app.MailDropFolder) || Directory.GetFiles(app.MailDropFolder, "*.eml").Length == 0); i++)
        {
            await Task.Delay(100);
        }
        var file = Assert.Single(Directory.GetFiles(app.MailDropFolder, "*.eml"));
        Assert.Equal(QueueStatus.Done, (await app.WithDb(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == "editor@example.org"))).Status);
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Your invitation", message.Subject);
        Assert.Equal("editor@example.org", message.To.Mailboxes.Single().Address);
    }
}
