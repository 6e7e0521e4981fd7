using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure.Email;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Campaigns;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>
/// Two nodes of one site on one database and one Redis (test.sh starts redis-server and sets CHORUS_TEST_REDIS), each with
/// its own memory and media folder, as two machines behind a balancer.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    internal static readonly string? Redis = Environment.GetEnvironmentVariable("CHORUS_TEST_REDIS");

    // Keys and channels of this class only: other test classes use the same Redis at the same time.
    private readonly string _prefix = $"test-{Guid.NewGuid():N}";

    public Node A { get; private set; } = null!;
    public Node B { get; private set; } = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        if (Redis is null)
        {
            return; // each test skips, saying why
        }
        A = new Node(_prefix, database: null);
        await A.StartAsync();
        B = new Node(_prefix, database: A.ConnectionString);
        await B.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (B is not null)
        {
            await B.DisposeAsync();
        }
        if (A is not null)
        {
            await A.DisposeAsync();
        }
    }

    /// <summary>One node: the demo site (the first node's copy of the template), mail to the real SMTP server.</summary>
    public sealed class Node(string prefix, string? database) : CampaignsApp
    {
        public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), $"chorus-node-media-{Guid.NewGuid():N}");

        protected override bool SeedDemo => true;

        // The second node opens the first one's database rather than a copy of its own.
        protected override bool NeedsDatabase => database is null;

        protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [
            .. TestMail.Settings,
            new("Redis:Configuration", Redis!), new("Redis:Prefix", prefix),
            new("Media:Store", "Database"), new("Media:Folder", MediaFolder),
            new("Api:RequestsPerMinute", "10"),
            .. database is null ? [] : new[] { new KeyValuePair<string, string>("Database:ConnectionString", database) },
        ];

        // The campaigns staff exist once, made by the first node.
        public override Task InitializeAsync() => database is null ? base.InitializeAsync() : Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            if (Directory.Exists(MediaFolder))
            {
                Directory.Delete(MediaFolder, recursive: true);
            }
            return base.DisposeAsync();
        }
    }
}

/// <summary>What a reader or the secretariat does on one node is what every node shows, within a second.</summary>
public sealed class TwoNodeTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    private static void NeedsRedis() =>
        Skip.If(TwoNodes.Redis is null, "Needs Redis: set CHORUS_TEST_REDIS (host:port), as ./test.sh does.");

    private static async Task<string> ReadAsync(TwoNodes.Node node, string url, string selector)
    {
        var response = await node.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector(selector)!.TextContent.Trim();
    }

    /// <summary>Polls until <paramref name="done"/> holds; returns how long it took, or fails after <paramref name="limit"/>.</summary>
    private static async Task<TimeSpan> UntilAsync(Func<Task<bool>> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!await done())
        {
            Assert.True(clock.Elapsed < limit, $"not seen within {limit.TotalSeconds} s");
            await Task.Delay(25);
        }
        return clock.Elapsed;
    }

    [SkippableFact]
    public async Task A_post_edited_on_one_node_shows_on_the_other_nodes_cached_page_within_a_second()
    {
        NeedsRedis();
        var post = await nodes.A.WithDb(db => db.Posts.Where(p => p.Slug == "youth-working-group-launched").Select(p => new { p.Id, p.Title }).SingleAsync());
        var (id, title) = (post.Id, post.Title);
        var url = "/en/news/youth-working-group-launched";
        Assert.Equal(title, await ReadAsync(nodes.B, url, "h1"));
        Assert.Equal(title, await ReadAsync(nodes.B, url, "h1"));

        // Changed behind both nodes' backs, no eviction: B keeps serving its cached copy (so what follows is the eviction's doing).
        await nodes.A.WithDb(db => db.Posts.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, title + " (unseen)")));
        Assert.Equal(title, await ReadAsync(nodes.B, url, "h1"));

        await Staff.CreateAsync(nodes.A, "two-nodes-editor@crossroads.test", Roles.Editor);
        var editor = await Staff.SignInAsync(nodes.A, "two-nodes-editor@crossroads.test");
        var saved = await Staff.PostFormAsync(editor, $"/admin/posts/{id}", new Dictionary<string, string> { ["Input.Title"] = "Youth working group: edited on node A" },
            "form.editor", "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await UntilAsync(async () => await ReadAsync(nodes.B, url, "h1") == "Youth working group: edited on node A", TimeSpan.FromSeconds(1));
    }

    [SkippableFact]
    public async Task A_sign_on_from_a_form_one_node_rendered_posted_to_the_other_and_confirmed_counts_on_both_within_a_second()
    {
        NeedsRedis();
        var campaign = await nodes.A.AddCampaign("two-nodes");
        var before = await nodes.B.CountAsync("two-nodes");
        Assert.Equal(before, await nodes.B.CountAsync("two-nodes")); // cached on B now

        // The page and its antiforgery cookie from A, the form sent to B, as a balancer may do.
        var noCookies = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var shown = await nodes.A.CreateClient(noCookies).GetAsync(new Uri("/en/campaigns/two-nodes", UriKind.Relative));
        var form = await shown.Content.ReadAsStringAsync();
        var client = nodes.B.CreateClient(noCookies);
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", shown.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));
        var email = $"{CampaignsApp.Unique("nodes")}@example.org";
        var sent = await nodes.B.SubmitFromAsync(client, "two-nodes", form, CampaignsApp.Fields("Two Nodes Network", email));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode); // A's antiforgery token is good on B
        var message = await TestMail.ReceivedAsync(email, m => (m.Subject ?? "").StartsWith("Confirm your endorsement", StringComparison.Ordinal));
        var confirmed = await Staff.PostFormAsync(Staff.Client(nodes.A), CampaignsApp.Link(message, "It counts once you confirm."), new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);

        await UntilAsync(async () => await nodes.B.CountAsync("two-nodes") == before + 1, TimeSpan.FromSeconds(1));
        Assert.Equal(before + 1, await nodes.A.CountAsync("two-nodes"));
        Assert.Equal(campaign.Id, (await nodes.B.SignatureOf(email)).CampaignId);
    }

    [SkippableFact]
    public async Task A_file_uploaded_on_one_node_is_served_by_the_other_in_ranges_and_a_deleted_one_by_neither()
    {
        NeedsRedis();
        await Staff.CreateAsync(nodes.A, "two-nodes-media@crossroads.test", Roles.Editor);
        var editor = await Staff.SignInAsync(nodes.A, "two-nodes-media@crossroads.test");
        var pdf = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        Assert.Equal(HttpStatusCode.Redirect, (await Features.Media.MediaTests.UploadAsync(editor, pdf, "two-nodes.pdf", "")).StatusCode);
        var item = await nodes.A.WithDb(db => db.Media.AsNoTracking().SingleAsync(m => m.OriginalName == "two-nodes.pdf"));

        var whole = await nodes.B.CreatePlainClient().GetAsync(new Uri(item.Url(), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("application/pdf", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await whole.Content.ReadAsByteArrayAsync());
        foreach (var _ in new[] { "copied from the database", "served from B's own copy" })
        {
            using var range = new HttpRequestMessage(HttpMethod.Get, new Uri(item.Url(), UriKind.Relative));
            range.Headers.Range = new RangeHeaderValue(0, 7);
            var part = await nodes.B.CreatePlainClient().SendAsync(range);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal("%PDF-1.4"u8.ToArray(), await part.Content.ReadAsByteArrayAsync());
        }

        var media = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync(new Uri("/admin/media", UriKind.Relative)));
        var delete = media.QuerySelectorAll("form").Single(f => f.QuerySelector($"input[name=id][value='{item.Id}']") is not null);
        var deleted = await editor.PostAsync(new Uri(delete.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(
            delete.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "")));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await UntilAsync(async () => (await nodes.B.CreatePlainClient().GetAsync(new Uri(item.Url(), UriKind.Relative))).StatusCode == HttpStatusCode.NotFound,
            TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await nodes.A.CreatePlainClient().GetAsync(new Uri(item.Url(), UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task The_rate_limit_counts_a_clients_requests_on_every_node_together()
    {
        NeedsRedis();
        // Api:RequestsPerMinute is 10 on both nodes: five on each are all answered, the next on either is refused.
        for (var i = 0; i < 10; i++)
        {
            var node = i % 2 == 0 ? nodes.A : nodes.B;
            Assert.Equal(HttpStatusCode.OK, (await node.CreatePlainClient().GetAsync(new Uri("/api/v1/posts", UriKind.Relative))).StatusCode);
        }
        foreach (var node in new[] { nodes.A, nodes.B })
        {
            var refused = await node.CreatePlainClient().GetAsync(new Uri("/api/v1/posts", UriKind.Relative));
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.NotNull(refused.Headers.RetryAfter);
        }
    }

    [SkippableFact]
    public async Task Mail_queued_once_is_delivered_once_while_both_nodes_send()
    {
        NeedsRedis();
        var to = Enumerable.Range(0, 30).Select(i => $"all-{i}-{Guid.NewGuid():N}@example.org").ToList();
        await nodes.A.WithDb(async db =>
        {
            foreach (var address in to)
            {
                nodes.A.Services.GetRequiredService<Outbox>().Enqueue(db, address, "To every registrant", "The meeting starts at 15:00 CET.");
            }
            await db.SaveChangesAsync();
        });
        nodes.A.Services.GetRequiredService<Outbox>().Notify();
        nodes.B.Services.GetRequiredService<Outbox>().Notify();

        foreach (var address in to)
        {
            await TestMail.ReceivedAsync(address);
        }
        await UntilAsync(() => nodes.A.WithDb(db => db.Outbox.AllAsync(m => !to.Contains(m.To) || m.Status == Chorus.Web.Infrastructure.QueueStatus.Done)),
            TimeSpan.FromSeconds(10));
        await Task.Delay(500); // a second delivery, had there been one, would have reached the server by now
        foreach (var address in to)
        {
            Assert.Equal(1, await TestMail.CountAsync(address));
        }
    }
}
