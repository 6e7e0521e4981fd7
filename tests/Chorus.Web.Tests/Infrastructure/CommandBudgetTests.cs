using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Organisations;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>The demo site with the output cache off, counting the database commands each request sends.</summary>
public sealed class CountingApp : ChorusFactory
{
    internal const string Header = "X-Count-Commands";

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Caching:OutputCache", "false"), new("Diagnostics:ServerTiming", "true")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IInterceptor>(sp => new CommandCounter(sp.GetRequiredService<IHttpContextAccessor>()));
            services.AddSingleton<IInterceptor>(sp => new ConnectionCounter(sp.GetRequiredService<IHttpContextAccessor>()));
        });
    }

    internal CommandCounter Counter => Services.GetServices<IInterceptor>().OfType<CommandCounter>().Single();

    internal ConnectionCounter Connections => Services.GetServices<IInterceptor>().OfType<ConnectionCounter>().Single();

    /// <summary>The request a statement or connection belongs to, named by the test's header.</summary>
    internal static string? Request(IHttpContextAccessor http) =>
        http.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } request ? request : null;
}

/// <summary>Counts the connections each request opens.</summary>
internal sealed class ConnectionCounter(IHttpContextAccessor http) : DbConnectionInterceptor
{
    private readonly ConcurrentDictionary<string, int> _opened = new();

    internal int Opened(string request) => _opened.GetValueOrDefault(request);

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (CountingApp.Request(http) is { } request)
        {
            _opened.AddOrUpdate(request, 1, (_, n) => n + 1);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ConnectionOpened(connection, eventData);
        return Task.CompletedTask;
    }
}

/// <summary>Writes down each command's SQL under the request that sent it (named by a header; workers send none).</summary>
internal sealed class CommandCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _byRequest = new();

    internal IReadOnlyCollection<string> Commands(string request) => _byRequest.TryGetValue(request, out var q) ? q : [];

    private void Count(DbCommand command)
    {
        if (CountingApp.Request(http) is { } request)
        {
            _byRequest.GetOrAdd(request, _ => new()).Enqueue(command.CommandText);
        }
    }

    /// <summary>Called once for every statement EF sends, before it is executed.</summary>
    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Count(result);
        return result;
    }
}

/// <summary>
/// An uncached public page costs a few database commands, however many items it lists: no query per item or per group.
/// Each page is read once first, so what a site reads once and keeps (site-wide data) is not counted against it.
/// </summary>
public sealed class CommandBudgetTests(CountingApp app) : IClassFixture<CountingApp>
{
    private async Task<(IReadOnlyCollection<string> Commands, int Connections, string? ServerTiming)> CommandsFor(string url)
    {
        var client = app.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
        var request = Guid.NewGuid().ToString("N");
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        message.Headers.Add(CountingApp.Header, request);
        var response = await client.SendAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.Age); // rendered, not served from a cache
        return (app.Counter.Commands(request), app.Connections.Opened(request),
            response.Headers.TryGetValues("Server-Timing", out var timing) ? string.Join(", ", timing) : null);
    }

    private async Task<Dictionary<string, string>> DemoUrls() => await app.WithDb(async db =>
    {
        var post = await db.Posts.Where(p => p.Status == PostStatus.Published && p.Kind == PostKind.News).Select(p => p.Slug).FirstAsync();
        var statement = await db.Posts.Where(p => p.Status == PostStatus.Published && p.Kind == PostKind.Statement).Select(p => p.Slug).FirstAsync();
        var category = await db.Categories.Select(c => c.Slug).FirstAsync();
        // The event with most sessions, and its month (a month with events in it, whatever the clock says).
        var main = await db.Events.OrderByDescending(e => e.Sessions.Count).Select(e => new { e.Slug, e.StartsAt }).FirstAsync();
        var (evt, month) = (main.Slug, main.StartsAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture));
        var campaign = await db.Campaigns.OrderByDescending(c => db.Signatures.Count(s => s.CampaignId == c.Id)).Select(c => c.Slug).FirstAsync();
        var organisation = await db.Organisations.Select(o => o.Slug).FirstAsync();
        return new Dictionary<string, string>
        {
            ["home"] = "/en/", ["home, French"] = "/fr/", ["news"] = "/en/news", ["post"] = $"/en/news/{post}", ["statement"] = $"/en/news/{statement}",
            ["statement register"] = "/en/statements", ["category"] = $"/en/category/{category}", ["events list"] = "/en/events",
            ["event page"] = $"/en/events/{evt}", ["event month"] = $"/en/events/month/{month}", ["directory"] = "/en/organizations",
            ["organisation"] = $"/en/organizations/{organisation}", ["campaigns"] = "/en/campaigns", ["campaign"] = $"/en/campaigns/{campaign}",
            ["endorsers"] = $"/en/campaigns/{campaign}/signatories", ["search"] = "/en/search?q=migrants", ["rss"] = "/en/feed.xml",
            ["calendar"] = "/en/events.ics", ["event calendar"] = $"/en/events/{evt}.ics",
        };
    });

    /// <summary>
    /// Each page type's budget: what it shows, one statement per kind of thing (the demo campaign's endorsers come from 32
    /// countries, its search finds a page of texts, and each is still a handful of statements). The demo home page shows six
    /// blocks (a featured campaign, events, open campaigns, statements, news, an About text): its budget is theirs added up.
    /// Posts and event pages also show the consultations linked to them (one statement, then kept in memory until a write).
    /// </summary>
    public static TheoryData<string, int> Budgets => new()
    {
        { "home", 14 }, { "home, French", 14 }, { "news", 3 }, { "post", 7 }, { "statement", 7 }, { "statement register", 3 }, { "category", 4 },
        { "events list", 4 }, { "event page", 6 }, { "event month", 3 }, { "directory", 1 }, { "organisation", 5 }, { "campaigns", 2 },
        { "campaign", 2 }, { "endorsers", 3 }, { "search", 4 }, { "rss", 4 }, { "calendar", 3 }, { "event calendar", 3 },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public async Task An_uncached_page_sends_no_more_statements_than_its_budget(string page, int budget)
    {
        var url = (await DemoUrls())[page];
        var (commands, connections, timing) = await CommandsFor(url);
        Assert.True(commands.Count <= budget,
            $"{url} sent {commands.Count} statements (budget {budget}):\n{string.Join("\n", commands.Select(c => c.ReplaceLineEndings(" ")))}");
        Assert.NotEmpty(commands); // the counter sees this page's statements (a page read from elsewhere would count none)
        Assert.Equal(1, connections); // all of them over one connection
        // What the site reports to an operator measuring it (Diagnostics:ServerTiming) is the same count.
        Assert.Matches($"db;desc=\"statements {commands.Count}\", alloc;desc=\"bytes [1-9][0-9]*\"", timing);
    }

    /// <summary>
    /// The directory keeps its table of counts and the events list its filters' choices in memory (their budgets above count
    /// only the rows a page lists): kept through writes that change neither, read again after one that changes them.
    /// </summary>
    [Fact]
    public async Task Data_kept_in_memory_is_read_again_after_a_write_that_changes_it_and_only_then()
    {
        async Task<(int Statements, string Html)> Read(string url)
        {
            var request = Guid.NewGuid().ToString("N");
            using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            message.Headers.Add(CountingApp.Header, request);
            var response = await app.CreatePlainClient().SendAsync(message);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (app.Counter.Commands(request).Count, await response.Content.ReadAsStringAsync());
        }
        const string directory = "/en/organizations?country=IS&type=Ngo";
        var before = await app.WithDb(db => db.Organisations.CountAsync(o => o.Country == "IS" && o.Type == OrganisationType.Ngo && o.ArchivedAt == null));
        await Read(directory);
        await Read("/en/events");
        var (statements, html) = await Read(directory);
        Assert.Equal(1, statements);
        Assert.Contains($"Organisations found: {before}<", html, StringComparison.Ordinal);

        // A post is not in the directory's counts nor among an events list's hosts: nothing is read again.
        await app.WithDb(async db =>
        {
            db.Posts.Add(new Post { Title = "Unrelated news", Slug = "unrelated-news-kept", Status = PostStatus.Published, BodyMarkdown = "News." });
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, (await Read(directory)).Statements);
        var (eventStatements, events) = await Read("/en/events");
        Assert.DoesNotContain("Reykjavik Refugee Network", events, StringComparison.Ordinal);

        // A new organisation hosting an event changes both.
        await app.WithDb(async db =>
        {
            var host = new Organisation { Name = "Reykjavik Refugee Network", Slug = "reykjavik-refugee-network", Country = "IS", Type = OrganisationType.Ngo };
            db.Organisations.Add(host);
            var upcoming = await db.Events.OrderBy(e => e.Id).FirstAsync(e => e.DeletedAt == null);
            db.EventHosts.Add(new EventHost { EventId = upcoming.Id, Organisation = host, Position = 9 });
            await db.SaveChangesAsync();
        });
        (statements, html) = await Read(directory);
        Assert.Equal(2, statements); // the counts, then the rows
        Assert.Contains($"Organisations found: {before + 1}<", html, StringComparison.Ordinal);
        Assert.Contains("Reykjavik Refugee Network", html, StringComparison.Ordinal);
        var (eventStatementsAfter, eventsAfter) = await Read("/en/events");
        Assert.Equal(eventStatements + 2, eventStatementsAfter); // the categories and the hosts read again
        Assert.Contains("Reykjavik Refugee Network", eventsAfter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stylesheet_opens_no_database_connection()
    {
        var request = Guid.NewGuid().ToString("N");
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri("/css/site.css", UriKind.Relative));
        message.Headers.Add(CountingApp.Header, request);
        Assert.Equal(HttpStatusCode.OK, (await app.CreatePlainClient().SendAsync(message)).StatusCode);
        Assert.Equal(0, app.Connections.Opened(request));
    }

    [Fact]
    public async Task A_page_kept_in_the_cache_is_sent_smaller_than_one_rendered_for_a_single_request()
    {
        async Task<(long Size, string? Encoding)> Compressed(ChorusFactory site)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/en/", UriKind.Relative));
            request.Headers.Add("Accept-Encoding", "br");
            var response = await site.CreatePlainClient().SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ((await response.Content.ReadAsByteArrayAsync()).LongLength, response.Content.Headers.ContentEncoding.SingleOrDefault());
        }
        await using var cached = new ChorusFactory();
        await cached.StartAsync();
        var (keptSize, keptEncoding) = await Compressed(cached);
        var (onceSize, onceEncoding) = await Compressed(app);
        Assert.Equal("br", keptEncoding);
        Assert.Equal("br", onceEncoding);
        Assert.True(keptSize < onceSize, $"cached home page {keptSize} bytes, uncached {onceSize} bytes");
    }
}
