using System.Net;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Audit;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Localization.Machine;
using Chorus.Web.Data;
using Chorus.Web.Features.Media;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Campaigns;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>
/// A write evicts only the cached pages that show what it changed: what strangers can cause (failed sign-ins, unconfirmed
/// sign-ons, registrations, mail) leaves every page cached, and a new endorsement refreshes its own campaign only.
/// </summary>
public sealed class CacheEvictionTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    /// <summary>An anonymous GET that must succeed.</summary>
    private async Task<HttpResponseMessage> GetAsync(string url)
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response;
    }

    /// <summary>Fetches each page twice and checks the second answer came from the cache.</summary>
    private async Task CacheAsync(params string[] urls)
    {
        foreach (var url in urls)
        {
            await GetAsync(url);
            Assert.NotNull((await GetAsync(url)).Headers.Age); // only a cached copy carries an Age
        }
    }

    private async Task<bool> CachedAsync(string url) => (await GetAsync(url)).Headers.Age is not null;

    private Task<Event> AddEventAsync(string slug) => app.WithDb(async db =>
    {
        var e = new Event
        {
            Title = $"Webinar {slug}", Slug = slug, Kind = EventKind.Single, Format = EventFormat.Online, TimeZone = "Europe/Paris",
            LocalStart = DateTime.SpecifyKind(Now.AddDays(7), DateTimeKind.Unspecified),
            LocalEnd = DateTime.SpecifyKind(Now.AddDays(7).AddHours(1), DateTimeKind.Unspecified), Registration = RegistrationMode.Form,
        };
        EventSchedule.Schedule(e);
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e;
    });

    [Fact]
    public async Task What_strangers_can_write_leaves_every_cached_page_in_the_cache()
    {
        await app.AddCampaign("untouched");
        var e = await AddEventAsync("untouched-webinar");
        string[] pages = ["/en/", "/en/campaigns", "/en/campaigns/untouched/count.json", "/en/events/untouched-webinar", "/en/organizations"];
        await CacheAsync(pages);

        // A wrong password for a staff address, an endorsement nobody confirmed, a registration, and mail going out.
        var login = await Staff.PostFormAsync(Staff.Client(app), "/account/login",
            new Dictionary<string, string> { ["Input.Email"] = "campaigns-editor@crossroads.test", ["Input.Password"] = "not the password" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var signOn = await app.SubmitAsync(Staff.Client(app), "untouched", CampaignsApp.Fields("Unconfirmed Rights", CampaignsApp.Unique("stranger") + "@example.org"));
        Assert.Equal(HttpStatusCode.Redirect, signOn.StatusCode);
        await app.WithDb(async db =>
        {
            db.Registrations.Add(new Registration
            {
                EventId = e.Id, Name = "A Registrant", Email = "registrant@example.org", Country = "GR", Status = RegistrationStatus.Confirmed,
                CreatedAt = Now, ConsentAt = Now, TokenHash = new string('7', 64),
            });
            db.Outbox.Add(new OutboxMessage { To = "someone@example.org", Subject = "A message", TextBody = "Hello.", CreatedAt = Now, NextAttemptAt = Now });
            await db.SaveChangesAsync();
        });

        foreach (var page in pages)
        {
            Assert.True(await CachedAsync(page), $"{page} was evicted");
        }
    }

    [SkippableFact]
    public async Task A_confirmed_endorsement_refreshes_its_campaign_and_nothing_else()
    {
        await app.AddCampaign("counted");
        await app.AddCampaign("elsewhere");
        await CacheAsync("/en/", "/en/campaigns/counted/count.json", "/en/campaigns/elsewhere/count.json", "/en/campaigns/counted/signatories");
        Assert.Equal(0, await app.CountAsync("counted"));

        var (page, _) = await app.SignAndConfirmAsync("counted", CampaignsApp.Fields("Harbour Rights", CampaignsApp.Unique("harbour") + "@harbour.example"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        Assert.Equal(1, await app.CountAsync("counted"));
        Assert.False(await CachedAsync("/en/campaigns/counted/signatories"));
        Assert.True(await CachedAsync("/en/campaigns/elsewhere/count.json"));
        Assert.True(await CachedAsync("/en/"));
    }

    [Fact]
    public async Task A_write_in_a_transaction_evicts_when_it_commits_so_a_reader_in_between_cannot_cache_the_old_page()
    {
        await AddEventAsync("renamed-in-a-transaction");
        await CacheAsync("/en/events/renamed-in-a-transaction");

        // As the product runs its transactions (the execution strategy's unit, committed after the work returns).
        await app.WithDb(db => db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct =>
        {
            var e = await db.Events.SingleAsync(x => x.Slug == "renamed-in-a-transaction", ct);
            e.Title = "Webinar moved to Thursday";
            await db.SaveChangesAsync(ct);
            // A reader before the commit gets the page as it was (the change is not visible yet) and may put it in the cache.
            Assert.DoesNotContain("Webinar moved to Thursday", await (await GetAsync("/en/events/renamed-in-a-transaction")).Content.ReadAsStringAsync(ct),
                StringComparison.Ordinal);
            await GetAsync("/en/events/renamed-in-a-transaction");
            return true;
        }, default));

        Assert.Contains("Webinar moved to Thursday", await (await GetAsync("/en/events/renamed-in-a-transaction")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_post_refreshes_the_home_page_its_category_and_feeds_but_not_an_event_page()
    {
        var category = await app.WithDb(async db =>
        {
            var c = new Category { Name = "Detention", Slug = "detention" };
            db.Categories.Add(c);
            await db.SaveChangesAsync();
            return c;
        });
        await AddEventAsync("unrelated-webinar");
        string[] fresh = ["/en/", "/en/category/detention", "/en/feed.xml"];
        await CacheAsync([.. fresh, "/en/events/unrelated-webinar", "/en/events.ics"]);

        await app.WithDb(async db =>
        {
            db.Posts.Add(new Post
            {
                Title = "Detention ends", Slug = "detention-ends", Status = PostStatus.Published, PublishedAt = Now.AddMinutes(-1),
                BodyMarkdown = "A new law.", Categories = [await db.Categories.SingleAsync(c => c.Id == category.Id)],
            });
            await db.SaveChangesAsync();
        });

        foreach (var url in fresh)
        {
            var response = await GetAsync(url);
            Assert.Null(response.Headers.Age);
            Assert.Contains("Detention ends", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.True(await CachedAsync("/en/events/unrelated-webinar"));
        Assert.True(await CachedAsync("/en/events.ics")); // calendars show events only
    }

    /// <summary>Tables no public page shows: writing them must never evict a cached page.</summary>
    private static readonly Type[] NeverShown =
    [
        typeof(ChorusUser), typeof(Invitation), typeof(AuditEntry), typeof(OutboxMessage), typeof(Registration), typeof(MediaFile),
        typeof(PostRevision), typeof(CachedTranslation), typeof(TranslationJob), typeof(Chorus.Web.Features.Consultations.ConsultationFile), typeof(DataProtectionKey), typeof(ModerationDigest),
        typeof(StaffSession),
        // The newsletter's subscribers are private; its lists are shown by no cached page yet.
        typeof(Chorus.Web.Features.Newsletter.Subscriber), typeof(Chorus.Web.Features.Newsletter.SubscriberList),
        typeof(Chorus.Web.Features.Newsletter.SuppressedAddress), typeof(Chorus.Web.Features.Newsletter.NewsletterList),
        // Who was sent which issue: private bookkeeping.
        typeof(Chorus.Web.Features.Newsletter.Issues.NewsletterDelivery),
        // What an import made of each old item: bookkeeping for the next import.
        typeof(Chorus.Web.Features.WordPress.ImportedItem), typeof(Chorus.Web.Features.WordPress.ImportRun),
        // A consultation's answer rows are shown only through their response, whose state change (its rule) evicts; a
        // question's earlier words are shown to staff only.
        typeof(Chorus.Web.Features.Consultations.Answer), typeof(Chorus.Web.Features.Consultations.QuestionRevision),
    ];

    [Fact]
    [Trait("Database", "none")]
    public async Task Every_table_says_which_cached_pages_its_writes_change_or_is_known_to_change_none()
    {
        var rules = app.Services.GetServices<PublicWrite>().Select(r => r.Entity).ToHashSet();

        var unclassified = await app.WithDb(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !rules.Contains(t.ClrType) && !NeverShown.Contains(t.ClrType)
                && t.ClrType.Namespace?.StartsWith("Microsoft.AspNetCore.Identity", StringComparison.Ordinal) != true)
            .Select(t => t.ClrType.Name).ToList()));

        // A new table a public page shows needs an EvictOnWrite rule in its feature; one no page shows belongs in NeverShown.
        Assert.Empty(unclassified);
        Assert.DoesNotContain(rules, NeverShown.Contains);
    }

    /// <summary>A schedule whose first lookup fails (the database was down), then finds an instant an hour ahead.</summary>
    private sealed class FlakySchedule(TimeProvider clock, IServiceScopeFactory scopes, bool failFirst = true) : ScheduledEviction(clock, scopes)
    {
        public int Lookups { get; private set; }

        protected override string Shows => Shown.Posts;

        protected override Task<DateTime?> NextAsync(ChorusDb db, DateTime now, CancellationToken ct) =>
            ++Lookups == 1 && failFirst ? throw new TimeoutException("the database did not answer") : Task.FromResult<DateTime?>(now.AddHours(1));
    }

    /// <summary>Records what is evicted.</summary>
    private sealed class EvictionLog : IOutputCacheStore
    {
        public List<string> Evicted { get; } = [];

        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
        {
            Evicted.Add(tag);
            return ValueTask.CompletedTask;
        }

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_failed_lookup_of_the_next_scheduled_change_is_retried_and_the_change_still_evicts_at_its_instant()
    {
        var schedule = new FlakySchedule(app.Clock, app.Services.GetRequiredService<IServiceScopeFactory>());
        var store = new EvictionLog();

        await Assert.ThrowsAsync<TimeoutException>(() => schedule.EnsureFreshAsync(store, default).AsTask());
        await schedule.EnsureFreshAsync(store, default);
        Assert.Equal(2, schedule.Lookups);
        Assert.Empty(store.Evicted);

        app.Clock.Advance(TimeSpan.FromHours(1));
        await schedule.EnsureFreshAsync(store, default);

        Assert.Equal([Shown.Posts], store.Evicted);
    }

    [Fact]
    public async Task A_scheduled_change_whose_instant_came_before_a_write_is_still_evicted_by_the_next_request()
    {
        var schedule = new FlakySchedule(app.Clock, app.Services.GetRequiredService<IServiceScopeFactory>(), failFirst: false);
        var store = new EvictionLog();
        await schedule.EnsureFreshAsync(store, default);
        Assert.Empty(store.Evicted);

        app.Clock.Advance(TimeSpan.FromHours(2));
        schedule.Invalidate(); // an editor saved something else before any reader came
        await schedule.EnsureFreshAsync(store, default);

        Assert.Equal([Shown.Posts], store.Evicted);
    }
}
