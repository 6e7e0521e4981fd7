using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Tests.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Campaigns;

/// <summary>A moderator acts on every signature the queue shows at once, without script; exactly those, and no others.</summary>
public sealed class ModerationQueueTests
{
    private static async Task<int> AddPending(ChorusFactory app, int campaign, string name) => await app.WithDb(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var s = new Signature
        {
            CampaignId = campaign, Name = name, Country = "KE", State = SignatureState.Pending, SignatoryName = "A Person",
            Email = $"{Guid.NewGuid():N}@queue.test", ConsentAt = now, ConfirmedAt = now, CreatedAt = now, Version = 1,
            SortKey = name.ToLowerInvariant(),
        };
        db.Signatures.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    });

    /// <summary>Sends the queue's form as a browser does: every field, repeated names included, and the button pressed.</summary>
    private static Task<HttpResponseMessage> Press(HttpClient client, string url, IHtmlDocument page, string action, string reason = "")
    {
        var form = page.QuerySelector("main form[method=post]")!;
        var fields = form.QuerySelectorAll("input[name]")
            .Where(i => i.GetAttribute("type") != "checkbox" && i.GetAttribute("name") != "Reason")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("Reason", reason)).Append(new("Action", action));
        return client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Approve_or_reject_all_on_this_page_acts_on_exactly_the_signatures_shown()
    {
        await using var app = new EmptyChorusFactory();
        await app.StartAsync();
        await Staff.CreateAsync(app, "queue-moderator@crossroads.test", Roles.Moderator);
        var moderator = await Staff.SignInAsync(app, "queue-moderator@crossroads.test");
        var campaign = await app.WithDb(async db =>
        {
            var c = new Campaign { Slug = "queue", Title = "Queue", OpensAt = ChorusFactory.Start.UtcDateTime.AddDays(-1), ClosesAt = ChorusFactory.Start.UtcDateTime.AddDays(30) };
            db.Campaigns.Add(c);
            await db.SaveChangesAsync();
            return c.Id;
        });
        var harbourOne = await AddPending(app, campaign, "Harbour One");
        var harbourTwo = await AddPending(app, campaign, "Harbour Two");
        var valley = await AddPending(app, campaign, "Valley Network");

        var url = $"/admin/campaigns/{campaign}/signatures?state=Pending&q=harbour";
        var page = await new HtmlParser().ParseDocumentAsync(await moderator.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Equal(["Harbour Two", "Harbour One"], page.QuerySelectorAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent));
        // Without script: buttons for the whole page in their own group; with it, a "select all" box (hidden until the script shows it).
        var groups = page.QuerySelectorAll("fieldset.actions legend").Select(l => l.TextContent).ToList();
        Assert.Equal(["The ticked signatures", "Every signature on this page (2)"], groups);
        var selectAll = page.QuerySelector("input[type=checkbox][data-select-all=Ids]")!;
        Assert.True(selectAll.Closest("label")!.HasAttribute("hidden"));
        Assert.Contains("All on this page", selectAll.Closest("label")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("script[src^='/js/select-all.']"));

        // A signature arriving after the page was shown is not approved with it.
        var late = await AddPending(app, campaign, "Harbour Three");
        var approved = await Press(moderator, url, page, "approve-all");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var states = await app.WithDb(db => db.Signatures.ToDictionaryAsync(s => s.Id, s => s.State));
        Assert.Equal([SignatureState.Published, SignatureState.Published, SignatureState.Pending, SignatureState.Pending],
            new[] { harbourOne, harbourTwo, valley, late }.Select(id => states[id]));

        // Rejecting all needs a reason, like rejecting some.
        url = $"/admin/campaigns/{campaign}/signatures?state=Pending";
        page = await new HtmlParser().ParseDocumentAsync(await moderator.GetStringAsync(new Uri(url, UriKind.Relative)));
        var refused = await Press(moderator, url, page, "reject-all");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Give a reason for rejecting.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rejected = await Press(moderator, url, page, "reject-all", "Not a member organisation");
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        var after = await app.WithDb(db => db.Signatures.ToDictionaryAsync(s => s.Id, s => (s.State, s.ModerationReason)));
        Assert.Equal((SignatureState.Rejected, "Not a member organisation"), after[valley]);
        Assert.Equal((SignatureState.Rejected, "Not a member organisation"), after[late]);
        Assert.Equal((SignatureState.Published, (string?)null), after[harbourOne]);

        // With nothing shown, only the group for ticked signatures is left.
        var empty = await new HtmlParser().ParseDocumentAsync(await moderator.GetStringAsync(new Uri(url, UriKind.Relative)));
        Assert.Empty(empty.QuerySelectorAll("tbody tr"));
        Assert.Single(empty.QuerySelectorAll("fieldset.actions"));
    }
}
