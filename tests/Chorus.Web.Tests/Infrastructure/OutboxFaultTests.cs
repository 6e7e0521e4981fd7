using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>Fails the save that records a message to one address as sent, once: the database going away at that moment.</summary>
internal sealed class LostSentMark : SaveChangesInterceptor
{
    public string? Address { get; set; }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Address is { } to && eventData.Context!.ChangeTracker.Entries<OutboxMessage>().Any(m => m.Entity.To == to && m.Entity.Status == QueueStatus.Done))
        {
            Address = null;
            throw new DbUpdateException("The database went away.");
        }
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}

public sealed class LostSentMarkApp : EmptyChorusFactory
{
    internal LostSentMark Fault { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string>> Settings => TestMail.Settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(Fault);
            // The test sends itself, step by step: a background round starting at the wrong moment would take the fault.
            services.Remove(services.Single(d => d.ImplementationType == typeof(OutboxSender)));
        });
    }
}

public sealed class OutboxFaultTests(LostSentMarkApp app) : IClassFixture<LostSentMarkApp>
{
    [SkippableFact]
    public async Task A_message_the_server_accepted_is_not_sent_again_when_recording_it_fails()
    {
        var to = $"once-{Guid.NewGuid():N}@example.org";
        app.Fault.Address = to;
        var outbox = app.Services.GetRequiredService<Outbox>();
        await app.WithDb(async db =>
        {
            outbox.Enqueue(db, to, "Only once", "Body");
            await db.SaveChangesAsync();
        });

        // The server takes it; recording that fails, as when the database restarts at that moment.
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDb(db => outbox.SendDueAsync(db, CancellationToken.None)));
        await TestMail.ReceivedAsync(to);
        Assert.Equal(QueueStatus.Pending, (await app.WithDb(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == to))).Status);

        // When its claim runs out it comes due again, and is recorded as sent without a second delivery.
        app.Clock.Advance(WorkQueue.ClaimFor + TimeSpan.FromMinutes(1));
        await app.WithDb(db => outbox.SendDueAsync(db, CancellationToken.None));
        for (var i = 0; i < 50 && (await app.WithDb(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == to))).Status != QueueStatus.Done; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(QueueStatus.Done, (await app.WithDb(db => db.Outbox.AsNoTracking().SingleAsync(m => m.To == to))).Status);
        await Task.Delay(500); // a second delivery, had there been one, would have reached the server by now
        Assert.Equal(1, await TestMail.CountAsync(to));
    }
}
