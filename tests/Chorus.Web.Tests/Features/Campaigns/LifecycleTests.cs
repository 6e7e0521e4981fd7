using System.Net;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Campaigns;

/// <summary>What happens around a signature: robots, closing, withdrawal, erasure, new versions of the text, the private export.</summary>
public sealed class LifecycleTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    [Fact]
    public async Task The_deadline_is_shown_in_the_site_s_zone_and_the_reader_s_in_each_language_s_own_way()
    {
        // A month ahead, at 22:59 UTC: in Paris (the site's zone) 23:59 or 00:59 the next day, in Manila 06:59 the next day.
        var day = app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(30);
        var closes = day.AddHours(22).AddMinutes(59);
        await app.AddCampaign("deadline", c => c.ClosesAt = closes);
        var paris = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var there = NodaTime.Instant.FromDateTimeUtc(closes).InZone(paris);
        var english = System.Globalization.CultureInfo.GetCultureInfo("en");
        var expected = $"Open until {there.ToString("dddd d MMMM yyyy, HH:mm", english)} {paris.GetZoneInterval(there.ToInstant()).Name}";

        var (_, page) = await app.GetHtml("/en/campaigns/deadline");
        Assert.Equal(expected, page.QuerySelector(".meta time")!.TextContent);
        Assert.DoesNotContain("UTC", page.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        var (_, chinese) = await app.GetHtml("/zh/campaigns/deadline");
        Assert.Contains($"{there.Year}年{there.Month}月{there.Day}日", chinese.QuerySelector(".meta time")!.TextContent, StringComparison.Ordinal);

        var manila = app.CreatePlainClient();
        manila.DefaultRequestHeaders.Add("Cookie", "tz=Asia%2FManila");
        var theirs = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await manila.GetStringAsync(new Uri("/en/campaigns/deadline", UriKind.Relative)));
        var meta = theirs.QuerySelector(".meta")!.TextContent;
        Assert.Contains($"Your time: {closes.AddHours(8).ToString("dddd d MMMM yyyy", english)}, 06:59", meta, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_role_the_server_requires_of_organisations_is_marked_required_in_the_form()
    {
        await app.AddCampaign("organisations-only", c => c.Signers = Signers.Organisations);
        await app.AddCampaign("anyone", c => c.Signers = Signers.Both);

        var (_, organisations) = await app.GetHtml("/en/campaigns/organisations-only");
        Assert.NotNull(organisations.QuerySelector("input[name='Input.Role'][required]"));
        // Where people may also sign as themselves, the role cannot be required of everyone (the server asks it of organisations).
        var (_, anyone) = await app.GetHtml("/en/campaigns/anyone");
        Assert.Null(anyone.QuerySelector("input[name='Input.Role'][required]"));
    }

    [SkippableFact]
    public async Task Robots_filling_the_hidden_field_or_answering_at_once_leave_nothing()
    {
        await app.AddCampaign("robots");
        var client = Staff.Client(app);
        var trapped = await app.SubmitAsync(client, "robots", new Dictionary<string, string>(CampaignsApp.Fields("Bot Org", "bot@robots.test")) { ["Input.Extra"] = "http://spam.test" });
        Assert.Equal(HttpStatusCode.Redirect, trapped.StatusCode);

        var quick = await app.SubmitAsync(client, "robots", CampaignsApp.Fields("Quick Org", "quick@robots.test"), wait: false);
        Assert.Equal(HttpStatusCode.OK, quick.StatusCode);
        Assert.Contains("That was very quick.", await quick.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var missing = await app.SubmitAsync(client, "robots", new Dictionary<string, string>(CampaignsApp.Fields("", "not-an-email")) { ["Input.Authorised"] = "false" });
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Write your organisation&#x27;s name.", html, StringComparison.Ordinal);
        Assert.Contains("This is not an email address.", html, StringComparison.Ordinal);
        Assert.Contains("Tick the box to confirm you may sign for this organisation.", html, StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Signatures.AnyAsync(s => s.Campaign.Slug == "robots")));
    }

    [SkippableFact]
    public async Task After_closing_the_form_becomes_a_notice_and_the_list_stays()
    {
        var campaign = await app.AddCampaign("closing", c => c.ClosesAt = ChorusFactory.Start.UtcDateTime.AddDays(60));
        await app.SignAndConfirmAsync("closing", CampaignsApp.Fields("Early Bird Org", $"{CampaignsApp.Unique("early")}@early.test"));
        var client = Staff.Client(app);
        var page = await client.GetStringAsync(new Uri("/en/campaigns/closing", UriKind.Relative));
        var (_, open) = await app.GetHtml("/en/campaigns/closing/signatories");
        Assert.NotNull(open.QuerySelector("a[href='/en/campaigns/closing#sign']"));
        app.Clock.SetUtcNow(campaign.ClosesAt!.Value.AddMinutes(1));

        var (_, closed) = await app.GetHtml("/en/campaigns/closing");
        Assert.Null(closed.QuerySelector("#sign form"));
        Assert.Contains("This campaign has closed", closed.QuerySelector("#sign")!.TextContent, StringComparison.Ordinal);
        var (_, list) = await app.GetHtml("/en/campaigns/closing/signatories");
        Assert.Contains("Early Bird Org", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        // The list was cached while the campaign was open; the closing instant evicted it.
        Assert.Null(list.QuerySelector("a[href='/en/campaigns/closing#sign']"));
        var late = await app.SubmitFromAsync(client, "closing", page, CampaignsApp.Fields("Late Org", "late@late.test"));
        Assert.Contains("This campaign has closed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Signatures.AnyAsync(s => s.Name == "Late Org")));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(1, await app.CountAsync("closing"));
    }

    [SkippableFact]
    public async Task The_emailed_link_withdraws_or_erases_contact_details()
    {
        await app.AddCampaign("withdraw");
        var stays = $"{CampaignsApp.Unique("stays")}@stays.test";
        var leaves = $"{CampaignsApp.Unique("leaves")}@leaves.test";
        var (_, stayEmail) = await app.SignAndConfirmAsync("withdraw", CampaignsApp.Fields("Staying Org", stays));
        var (_, leaveEmail) = await app.SignAndConfirmAsync("withdraw", CampaignsApp.Fields("Leaving Org", leaves));
        Assert.Equal(2, await app.CountAsync("withdraw"));
        var stayingId = (await app.SignatureOf(stays)).Id;

        var erase = await Staff.PostFormAsync(Staff.Client(app), CampaignsApp.Link(stayEmail, "To withdraw the endorsement"), new Dictionary<string, string>(),
            formSelector: "form[action*='handler=erase']");
        Assert.Contains("Your contact details are erased.", await erase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var erased = await app.WithDb(db => db.Signatures.AsNoTracking().SingleAsync(s => s.Id == stayingId));
        Assert.Equal((null, null, null, SignatureState.Published), (erased.Email, erased.SignatoryName, erased.SignatoryRole, erased.State));
        Assert.NotNull(erased.ContactErasedAt);

        var withdraw = await Staff.PostFormAsync(Staff.Client(app), CampaignsApp.Link(leaveEmail, "To withdraw the endorsement"), new Dictionary<string, string>(),
            formSelector: "form[action*='handler=withdraw']");
        Assert.Contains("Your endorsement is withdrawn", await withdraw.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.CountAsync("withdraw"));
        var (_, list) = await app.GetHtml("/en/campaigns/withdraw/signatories");
        Assert.DoesNotContain("Leaving Org", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Contact_data_is_erased_the_set_number_of_days_after_closing()
    {
        var campaign = await app.AddCampaign("retention", c => (c.ClosesAt, c.EraseContactAfterDays) = (ChorusFactory.Start.UtcDateTime.AddDays(2), 10));
        var email = $"{CampaignsApp.Unique("keep")}@retention.test";
        await app.SignAndConfirmAsync("retention", CampaignsApp.Fields("Retention Org", email));
        var id = (await app.SignatureOf(email)).Id;

        await app.WithDb(db => CampaignRetention.RunAsync(db, campaign.ClosesAt!.Value.AddDays(9), TimeSpan.FromDays(7), default));
        Assert.Equal(email, (await app.WithDb(db => db.Signatures.AsNoTracking().SingleAsync(s => s.Id == id))).Email);

        await app.WithDb(db => CampaignRetention.RunAsync(db, campaign.ClosesAt!.Value.AddDays(10).AddMinutes(1), TimeSpan.FromDays(7), default));
        var after = await app.WithDb(db => db.Signatures.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal((null, SignatureState.Published), (after.Email, after.State));
    }

    [SkippableFact]
    public async Task A_new_version_of_the_text_must_be_named_and_emails_every_signatory()
    {
        var campaign = await app.AddCampaign("versions");
        var email = $"{CampaignsApp.Unique("signer")}@versions.test";
        await app.SignAndConfirmAsync("versions", CampaignsApp.Fields("Versions Org", email));
        var signed = await app.SignatureOf(email);
        Assert.Equal(1, signed.Version);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("We call on Member States to end child detention."u8)), signed.TextHash);
        var url = $"/admin/campaigns/{campaign.Id}";

        var unnamed = await Staff.PostFormAsync(app.Editor, url, new Dictionary<string, string> { ["Input.Text"] = "We call on Member States to end all immigration detention.", ["Input.Change"] = "" });
        Assert.Contains("say whether your change is a correction or a new version", await unnamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var saved = await Staff.PostFormAsync(app.Editor, url, new Dictionary<string, string>
        {
            ["Input.Text"] = "We call on Member States to end all immigration detention.", ["Input.Change"] = "NewVersion", ["Input.ChangeNote"] = "Point 1 now covers adults too.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var message = await TestMail.ReceivedAsync(email, m => (m.Subject ?? "").StartsWith("New version of", StringComparison.Ordinal));
        Assert.Contains("it is now version 2", message.TextBody!, StringComparison.Ordinal);
        Assert.Contains("Point 1 now covers adults too.", message.TextBody!, StringComparison.Ordinal);
        var manage = await Staff.Client(app).GetAsync(new Uri(CampaignsApp.Link(message, "If you no longer support it"), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, manage.StatusCode);
        var (_, page) = await app.GetHtml("/en/campaigns/versions");
        Assert.Contains("Text version 2", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var (_, list) = await app.GetHtml("/en/campaigns/versions/signatories");
        Assert.Contains("version 1", list.QuerySelector("section.signatories")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_moderator_changes_a_badge_with_a_reason_and_merges_a_duplicate()
    {
        var campaign = await app.AddCampaign("duplicates");
        var first = $"{CampaignsApp.Unique("one")}@gmail-like.test";
        var second = $"{CampaignsApp.Unique("two")}@gmail-like.test";
        await app.SignAndConfirmAsync("duplicates", CampaignsApp.Fields("Red Puentes Test", first, country: "MX"));
        await app.SignAndConfirmAsync("duplicates", CampaignsApp.Fields("Red Puentes de las Americas Test", second, country: "MX"));
        Assert.Equal(2, await app.CountAsync("duplicates"));
        var (keep, duplicate) = ((await app.SignatureOf(first)).Id, (await app.SignatureOf(second)).Id);
        var page = $"/admin/campaigns/{campaign.Id}/signatures/{keep}";

        var noReason = await Staff.PostFormAsync(app.Moderator, page, new Dictionary<string, string> { ["Badge"] = "DomainVerified", ["Reason"] = "" },
            formSelector: "form[action*='handler=badge']");
        Assert.Contains("Say why", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Staff.PostFormAsync(app.Moderator, page, new Dictionary<string, string> { ["Badge"] = "DomainVerified", ["Reason"] = "Confirmed by phone with the director" },
            formSelector: "form[action*='handler=badge']");
        await Staff.PostFormAsync(app.Moderator, $"/admin/campaigns/{campaign.Id}/signatures/{duplicate}",
            new Dictionary<string, string> { ["KeepId"] = keep.ToString(System.Globalization.CultureInfo.InvariantCulture) }, formSelector: "form[action*='handler=merge']");

        var kept = await app.WithDb(db => db.Signatures.AsNoTracking().SingleAsync(s => s.Id == keep));
        Assert.Equal((Badge.DomainVerified, "Confirmed by phone with the director"), (kept.Badge, kept.BadgeReason));
        Assert.Equal(SignatureState.Merged, (await app.WithDb(db => db.Signatures.AsNoTracking().SingleAsync(s => s.Id == duplicate))).State);
        Assert.Equal(1, await app.CountAsync("duplicates"));
        var (_, list) = await app.GetHtml("/en/campaigns/duplicates/signatories");
        Assert.Contains("Domain verified", list.QuerySelector("section.signatories")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Only_moderators_and_admins_export_private_fields_and_the_export_is_audited()
    {
        var campaign = await app.AddCampaign("export");
        var email = $"{CampaignsApp.Unique("export")}@export.test";
        await app.SignAndConfirmAsync("export", CampaignsApp.Fields("Export Org", email));
        var url = new Uri($"/admin/campaigns/{campaign.Id}/signatures?handler=export", UriKind.Relative);

        var editor = await app.Editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, editor.StatusCode);
        Assert.StartsWith("http://localhost/account/denied", editor.Headers.Location!.ToString(), StringComparison.Ordinal);
        var csv = await app.Moderator.GetStringAsync(url);
        Assert.Contains(email, csv, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.AuditLog.AnyAsync(a => a.Action == "exported" && a.Entity == nameof(Signature))));
    }
}

public sealed class StrictSignOnApp : CampaignsApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. TestMail.Settings, new("PublicForms:PostsPerMinute", "2")];
}

public sealed class SignOnRateLimitTests(StrictSignOnApp app) : IClassFixture<StrictSignOnApp>
{
    [SkippableFact]
    public async Task Sign_ons_beyond_the_limit_get_429_with_a_readable_page()
    {
        await app.AddCampaign("limited");
        var client = Staff.Client(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            var response = await app.SubmitAsync(client, "limited", CampaignsApp.Fields($"Org {i}", $"limit{i}@limited.test"));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Please wait a moment and try again.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }
}
