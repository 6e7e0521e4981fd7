using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>
/// A host stopped in the middle of a send, and a new one started on the same database: every subscriber ends with
/// exactly one copy at the SMTP server.
/// </summary>
public sealed class IssueCrashTests
{
    /// <summary>Owns the database and runs none of the site's background work: only the nodes send.</summary>
    private sealed class Owner : EmptyChorusFactory
    {
        protected override bool RunsWorkers => false;
    }

    /// <summary>A node of the site on <paramref name="database"/>, sending to the real SMTP server in batches of 10.</summary>
    private sealed class Node(string database) : EmptyChorusFactory
    {
        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
            [.. TestMail.Settings, new("Newsletter:BatchSize", "10"), new("Database:ConnectionString", database)];
    }

    [SkippableFact]
    public async Task A_send_cut_short_and_resumed_by_a_new_host_gives_everyone_exactly_one_copy()
    {
        await using var owner = new Owner();
        await owner.StartAsync();
        var list = await IssueFixtures.ListAsync(owner, "crash");
        var post = await IssueFixtures.PostAsync(owner, "Crash-safe news", "Sent once.");
        var everyone = (await IssueFixtures.SubscribersAsync(owner, list, "crash-en", 80))
            .Concat(await IssueFixtures.SubscribersAsync(owner, list, "crash-es", 40, "es")).ToList();
        await IssueFixtures.IssueAsync(owner, list, IssueState.Sending, post);

        var first = new Node(owner.ConnectionString);
        await first.StartAsync();
        first.Services.GetRequiredService<IssueSending>().Notify();
        // Stopped once some (not all) copies reached the server, as recorded by the outbox (cheap to ask as it goes; on a busy
        // machine the first copies may take several seconds to leave).
        for (var i = 0; i < 6000 && await first.WithDb(db => db.Outbox.CountAsync(m => m.Status == QueueStatus.Done)) < 8; i++)
        {
            await Task.Delay(5);
        }
        await first.DisposeAsync();
        // What the outbox recorded as sent is in the server's mailbox (polled: the server writes each file as it answers).
        var recipients = everyone.ToHashSet();
        var before = 0;
        for (var i = 0; i < 100 && (before = await TestMail.CountAsync(recipients)) == 0; i++)
        {
            await Task.Delay(100);
        }
        Assert.InRange(before, 1, everyone.Count - 1);

        await using var second = new Node(owner.ConnectionString);
        await second.StartAsync();
        // What the first host had claimed and not sent is free again after the claim lapses.
        second.Clock.Advance(WorkQueue.ClaimFor + TimeSpan.FromSeconds(1));
        await IssueFixtures.SendRoundAsync(second);
        second.Services.GetRequiredService<Outbox>().Notify();
        // Time passes on the second node too: a copy that met a passing SMTP hiccup is tried again after its backoff.
        for (var i = 0; i < 300 && await second.WithDb(db => db.Outbox.CountAsync(m => m.Status == QueueStatus.Pending)) > 0; i++)
        {
            await Task.Delay(50);
            if (i % 20 == 19)
            {
                second.Clock.Advance(TimeSpan.FromMinutes(2));
                second.Services.GetRequiredService<Outbox>().Notify();
            }
        }
        foreach (var to in everyone)
        {
            await TestMail.ReceivedAsync(to);
            Assert.Equal(1, await TestMail.CountAsync(to));
        }
        Assert.Equal(everyone.Count, await second.WithDb(db => db.NewsletterDeliveries.CountAsync()));
    }
}
