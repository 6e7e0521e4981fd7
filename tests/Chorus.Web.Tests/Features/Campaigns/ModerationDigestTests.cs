using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Campaigns;

/// <summary>
/// Moderators are emailed what waits for them: once when signatures arrive, at most once an hour, in each one's language,
/// never when nothing (new) waits. The worker's own runs (the test clock's leaps wake it) and the test's share the claims.
/// </summary>
public sealed class ModerationDigestTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    private async Task<int> Run()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await app.Services.GetRequiredService<ModerationDigests>().SendDueAsync(scope.ServiceProvider, CancellationToken.None);
    }

    private Task<int> Digests(string to) =>
        app.WithDb(db => db.Outbox.CountAsync(m => m.To == to));

    private async Task<string> Moderator(string culture)
    {
        var email = $"moderator-{culture}-{Guid.NewGuid():N}@crossroads.test";
        await Staff.CreateAsync(app, email, Roles.Moderator);
        await app.WithDb(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.Culture, culture)));
        return email;
    }

    [SkippableFact]
    public async Task Moderators_get_one_digest_an_hour_in_their_language_and_none_when_nothing_new_waits()
    {
        var (french, arabic) = (await Moderator("fr"), await Moderator("ar"));
        var editor = $"editor-{Guid.NewGuid():N}@crossroads.test";
        await Staff.CreateAsync(app, editor, Roles.Editor);
        var campaign = await app.AddCampaign("moderated", c => c.Moderation = Moderation.BeforePublication);
        await app.AddCampaign("published-at-once");

        // Nothing waits (a signature published at once is not moderators' business): nobody is written to.
        await app.SignAndConfirmAsync("published-at-once", CampaignsApp.Fields("Open Org", $"{CampaignsApp.Unique("open")}@open.test"));
        Assert.Equal(0, await Run());
        Assert.Equal(0, await Digests(french));

        await app.SignAndConfirmAsync("moderated", CampaignsApp.Fields("First Waiting Org", $"{CampaignsApp.Unique("first")}@wait.test"));
        await Run();
        var fr = await TestMail.ReceivedAsync(french, m => m.Subject == "Signatures en attente de modération : 1");
        TestMail.AssertWrittenIn(fr, "fr");
        Assert.Contains("Position paper moderated : 1 en attente", fr.TextBody, StringComparison.Ordinal);
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(fr.HtmlBody!);
        var link = html.QuerySelectorAll("li a").Single();
        Assert.Equal($"http://localhost/admin/campaigns/{campaign.Id}/signatures?state=Pending", link.GetAttribute("href"));
        var ar = await TestMail.ReceivedAsync(arabic, m => m.Subject == "توقيعات بانتظار المراجعة: 1");
        TestMail.AssertWrittenIn(ar, "ar");
        Assert.Contains("Position paper moderated: 1 قيد الانتظار", ar.TextBody, StringComparison.Ordinal);
        // Only moderators: an editor hears nothing.
        Assert.Equal(0, await Digests(editor));

        // Another arrives ten minutes later: still within the hour, no second email.
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await app.SignAndConfirmAsync("moderated", CampaignsApp.Fields("Second Waiting Org", $"{CampaignsApp.Unique("second")}@wait.test"));
        await Run();
        Assert.Equal(1, await Digests(french));

        // After the hour, one more, counting both.
        app.Clock.Advance(TimeSpan.FromMinutes(51));
        await Run();
        await Run();
        Assert.Equal(2, await Digests(french));
        Assert.Equal(2, await Digests(arabic));
        await TestMail.ReceivedAsync(french, m => m.Subject == "Signatures en attente de modération : 2");

        // They still wait, but nothing new arrived: no reminder every hour.
        app.Clock.Advance(TimeSpan.FromHours(2));
        await Run();
        Assert.Equal(2, await Digests(french));
    }
}
