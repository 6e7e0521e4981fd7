using System.Text.RegularExpressions;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Newsletter;
using Chorus.Web.Features.Newsletter.Issues;
using Chorus.Web.Infrastructure.Email;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>The outbox does not send by itself: each test lets queued copies go when it chooses. Tracking parameters on.</summary>
public sealed class OutboxByHandApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. TestMail.Settings, new("Newsletter:UtmParameters", "true")];

    public HttpClient Editor { get; private set; } = null!;

    private Func<Task>? _whileQueueing;

    /// <summary>Runs once, inside the next save that queues copies, before it commits: a person acting while a batch is written.</summary>
    public void WhileQueueing(Func<Task> act) => _whileQueueing = act;

    public bool QueueingActed => Volatile.Read(ref _whileQueueing) is null;

    private sealed class QueueingHook(OutboxByHandApp app) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (eventData.Context?.ChangeTracker.Entries<NewsletterDelivery>().Any(e => e.State == EntityState.Added) == true
                && Interlocked.Exchange(ref app._whileQueueing, null) is { } act)
            {
                await act();
            }
            return result;
        }
    }

    public override async Task InitializeAsync()
    {
        await Staff.CreateAsync(this, "copies-editor@crossroads.test", Roles.Editor);
        Editor = await Staff.SignInAsync(this, "copies-editor@crossroads.test");
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(new QueueingHook(this));
            services.Remove(services.Single(d => d.ImplementationType == typeof(OutboxSender)));
            services.Remove(services.Single(d => d.ImplementationFactory is not null && d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                && d.ImplementationFactory.Method.ReturnType == typeof(IssueSending)));
        });
    }

    /// <summary>What the outbox sends now (the background sender's round, run by the test).</summary>
    public async Task<int> SendQueuedAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Outbox>().SendDueAsync(scope.ServiceProvider.GetRequiredService<ChorusDb>(), default);
    }
}

/// <summary>Copies already in the outbox follow what happens after they were queued: a pause, a subscriber leaving.</summary>
public sealed partial class QueuedCopiesTests(OutboxByHandApp app) : IClassFixture<OutboxByHandApp>
{
    /// <summary>None of <paramref name="readers"/> has a copy yet; resumed, each gets exactly one.</summary>
    private async Task HeldThenSentOnceAsync(int issue, IEnumerable<string> readers)
    {
        foreach (var to in readers)
        {
            Assert.Equal(0, await TestMail.CountAsync(to));
        }
        await Staff.PostFormAsync(app.Editor, $"/admin/newsletter/issues/{issue}", new Dictionary<string, string>(), "main form[action*=Resume]");
        await app.SendQueuedAsync();
        foreach (var to in readers)
        {
            await TestMail.ReceivedAsync(to);
            Assert.Equal(1, await TestMail.CountAsync(to));
        }
    }

    [SkippableFact]
    public async Task Pausing_holds_the_copies_already_queued_and_resuming_sends_each_once()
    {
        var list = await IssueFixtures.ListAsync(app, "hold");
        var post = await IssueFixtures.PostAsync(app, "Held report", "Held.");
        var readers = await IssueFixtures.SubscribersAsync(app, list, "held", 4);
        var issue = await IssueFixtures.IssueAsync(app, list, IssueState.Sending, post);
        Assert.Equal(4, await IssueFixtures.SendRoundAsync(app));

        var paused = await Staff.PostFormAsync(app.Editor, $"/admin/newsletter/issues/{issue.Id}", new Dictionary<string, string>(), "main form[action*=Pause]");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, paused.StatusCode);
        await app.SendQueuedAsync();
        // A sender round while paused neither sends nor releases them.
        await IssueFixtures.SendRoundAsync(app);
        await app.SendQueuedAsync();
        await HeldThenSentOnceAsync(issue.Id, readers);
        // Sent once the last copy has gone (recorded by the sender's next round), not when they were queued.
        Assert.Equal(IssueState.Sending, await app.WithDb(db => db.NewsletterIssues.Where(i => i.Id == issue.Id).Select(i => i.State).SingleAsync()));
        await IssueFixtures.SendRoundAsync(app);
        Assert.Equal(IssueState.Sent, await app.WithDb(db => db.NewsletterIssues.Where(i => i.Id == issue.Id).Select(i => i.State).SingleAsync()));
    }

    [SkippableFact]
    public async Task Pausing_while_a_batch_is_being_written_holds_that_batch_too()
    {
        var list = await IssueFixtures.ListAsync(app, "racing");
        var post = await IssueFixtures.PostAsync(app, "Racing report", "Raced.");
        var readers = await IssueFixtures.SubscribersAsync(app, list, "racing", 3);
        var issue = await IssueFixtures.IssueAsync(app, list, IssueState.Sending, post);

        // The editor pauses after the sender checked the issue was still going, before its batch is committed.
        app.WhileQueueing(async () => Assert.Equal(System.Net.HttpStatusCode.Redirect,
            (await Staff.PostFormAsync(app.Editor, $"/admin/newsletter/issues/{issue.Id}", new Dictionary<string, string>(), "main form[action*=Pause]")).StatusCode));
        Assert.Equal(3, await IssueFixtures.SendRoundAsync(app));
        Assert.True(app.QueueingActed);

        // Any node's outbox, sending now, sends none of them.
        Assert.Equal(0, await app.SendQueuedAsync());
        await HeldThenSentOnceAsync(issue.Id, readers);
    }

    [SkippableFact]
    public async Task A_subscriber_who_leaves_bounces_or_is_erased_after_their_copy_was_queued_gets_nothing()
    {
        var list = await IssueFixtures.ListAsync(app, "leaving");
        var post = await IssueFixtures.PostAsync(app, "Leaving report", "Left.");
        var (leaver, bouncer, erased, stayer) = (await IssueFixtures.SubscribersAsync(app, list, "leaving", 4)) switch { var e => (e[0], e[1], e[2], e[3]) };
        await IssueFixtures.IssueAsync(app, list, IssueState.Sending, post);
        Assert.Equal(4, await IssueFixtures.SendRoundAsync(app));

        // One-click, from the header of the very copy that is waiting.
        var header = await app.WithDb(db => db.Outbox.Where(m => m.To == leaver).Select(m => m.Headers).SingleAsync());
        var oneClick = OneClick().Match(header!).Groups[1].Value;
        var left = await Staff.Client(app).PostAsync(new Uri(oneClick), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.True(left.IsSuccessStatusCode);
        // Marked Bouncing by another issue's refusal: the sender's next round withdraws this copy.
        await app.WithDb(db => db.Subscribers.Where(s => s.Email == bouncer).ExecuteUpdateAsync(s => s.SetProperty(x => x.State, SubscriberState.Bouncing)));
        await IssueFixtures.SendRoundAsync(app);
        var erasedId = await app.WithDb(db => db.Subscribers.Where(s => s.Email == erased).Select(s => s.Id).SingleAsync());
        var erase = await Staff.PostFormAsync(app.Editor, $"/admin/newsletter/subscribers?q={Uri.EscapeDataString(erased)}", new Dictionary<string, string>(),
            $"main form[action*='/{erasedId}'][action*=Erase], main form[action*='id={erasedId}'][action*=Erase]");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, erase.StatusCode);

        await app.SendQueuedAsync();
        await TestMail.ReceivedAsync(stayer);
        foreach (var to in new[] { leaver, bouncer, erased })
        {
            Assert.Equal(0, await TestMail.CountAsync(to));
        }
        // Nothing of the erased address stays in the outbox, sent or not.
        Assert.False(await app.WithDb(db => db.Outbox.AnyAsync(m => m.To == erased)));
    }

    [SkippableFact]
    public async Task A_scheduled_issue_goes_at_its_time_by_the_clock_with_the_same_tracking_parameters_for_everyone()
    {
        var list = await IssueFixtures.ListAsync(app, "scheduled");
        var post = await IssueFixtures.PostAsync(app, "Scheduled report", "On time.");
        var readers = await IssueFixtures.SubscribersAsync(app, list, "scheduled", 2);
        var issue = await IssueFixtures.IssueAsync(app, list, IssueState.Scheduled, post);
        var at = app.Clock.GetUtcNow().UtcDateTime.AddHours(2);
        await app.WithDb(db => db.NewsletterIssues.Where(i => i.Id == issue.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.ScheduledAt, at)));

        Assert.Equal(0, await IssueFixtures.SendRoundAsync(app));
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await IssueFixtures.SendRoundAsync(app));
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(2, await IssueFixtures.SendRoundAsync(app));
        await app.SendQueuedAsync();

        var links = new List<string>();
        foreach (var to in readers)
        {
            var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument((await TestMail.ReceivedAsync(to)).HtmlBody!);
            var item = html.QuerySelectorAll("a[href*='/en/']").Select(a => a.GetAttribute("href")!).First(h => h.Contains("utm_", StringComparison.Ordinal));
            Assert.Contains($"utm_source=newsletter", item, StringComparison.Ordinal);
            Assert.Contains($"utm_medium=email", item, StringComparison.Ordinal);
            Assert.Contains($"utm_campaign={issue.Slug}", item, StringComparison.Ordinal);
            links.Add(item);
        }
        // Never per person: both readers' item links are the same address.
        Assert.Single(links.Distinct());
    }

    [GeneratedRegex("<(http[^>]+)>")]
    private static partial Regex OneClick();
}
