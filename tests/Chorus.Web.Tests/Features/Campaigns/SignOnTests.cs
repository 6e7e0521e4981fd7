using System.Net;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Campaigns;

/// <summary>Signing on through the public form: email confirmation, badges, one signature per organisation, what is counted and shown.</summary>
public sealed class SignOnTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    [SkippableFact]
    public async Task Submitting_then_following_the_emailed_link_counts_the_endorsement_once()
    {
        await app.AddCampaign("flow");
        var email = $"{CampaignsApp.Unique("eleni")}@harbour-rights.test";
        var client = Staff.Client(app);

        var sent = await app.SubmitAsync(client, "flow", CampaignsApp.Fields("Harbour Rights", email));
        Assert.Equal("/en/campaigns/flow?sent=1#done", sent.Headers.Location!.OriginalString);
        var (_, checkPage) = await app.GetHtml("/en/campaigns/flow?sent=1");
        Assert.Contains("Check your email.", checkPage.QuerySelector("#done")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await app.CountAsync("flow"));

        var message = await TestMail.ReceivedAsync(email);
        Assert.Equal("Confirm your endorsement: Position paper flow", message.Subject);
        var confirm = CampaignsApp.Link(message, "It counts once you confirm.");
        var shown = await client.GetAsync(new Uri(confirm, UriKind.Relative));
        Assert.Equal(0, await app.CountAsync("flow"));
        Assert.Contains("Confirm that Harbour Rights endorses", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var confirmed = await Staff.PostFormAsync(client, confirm, new Dictionary<string, string>());
        Assert.Contains("your endorsement is confirmed and counted", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.CountAsync("flow"));
        var (_, list) = await app.GetHtml("/en/campaigns/flow/signatories");
        Assert.Contains("Harbour Rights", list.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // The link works once.
        var again = await client.GetAsync(new Uri(confirm, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("already been used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.CountAsync("flow"));
    }

    [SkippableFact]
    public async Task Badges_say_member_domain_verified_or_self_declared_and_know_public_suffixes()
    {
        await app.AddCampaign("badges");
        await app.AddOrganisation("Lagos Diaspora Forum Test", "NG", Membership.Member, "https://ldf-test.org/", "ldf-test.org");
        var member = $"{CampaignsApp.Unique("ada")}@ldf-test.org";
        var verified = $"{CampaignsApp.Unique("tom")}@mail.ngo.org.uk";
        var selfDeclared = $"{CampaignsApp.Unique("sam")}@other.org.uk";

        await app.SignAndConfirmAsync("badges", CampaignsApp.Fields("Lagos Diaspora Forum Test", member, country: ""));
        // ngo.org.uk and other.org.uk share only the public suffix org.uk: not the same organisation.
        await app.SignAndConfirmAsync("badges", CampaignsApp.Fields("Thames Refugee Aid", verified, country: "GB", website: "https://www.ngo.org.uk/"));
        await app.SignAndConfirmAsync("badges", CampaignsApp.Fields("Mersey Migrant Help", selfDeclared, country: "GB", website: "ngo.org.uk"));

        Assert.Equal(Badge.Member, (await app.SignatureOf(member)).Badge);
        Assert.Equal(Badge.DomainVerified, (await app.SignatureOf(verified)).Badge);
        Assert.Equal(Badge.SelfDeclared, (await app.SignatureOf(selfDeclared)).Badge);
        var (_, list) = await app.GetHtml("/en/campaigns/badges/signatories?by=Name");
        var entries = list.QuerySelectorAll("section.signatories li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Contains(entries, e => e.StartsWith("Lagos Diaspora Forum Test", StringComparison.Ordinal) && e.Contains("Member", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("Thames Refugee Aid", StringComparison.Ordinal) && e.Contains("Domain verified", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.StartsWith("Mersey Migrant Help", StringComparison.Ordinal) && e.Contains("Self-declared", StringComparison.Ordinal));
        var (_, filtered) = await app.GetHtml("/en/campaigns/badges/signatories?badge=DomainVerified");
        var verifiedOnly = filtered.QuerySelector("main")!.TextContent;
        Assert.Contains("Thames Refugee Aid", verifiedOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Mersey Migrant Help", verifiedOnly, StringComparison.Ordinal);
        Assert.DoesNotContain("Lagos Diaspora Forum Test", verifiedOnly, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x y@example.org")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>@example.test")]
    public async Task An_address_the_outbox_could_not_send_to_gets_a_clear_message_and_nothing_is_kept(string address)
    {
        var slug = "bad-address-" + Guid.NewGuid().ToString("N")[..8];
        await app.AddCampaign(slug);

        var sent = await app.SubmitAsync(Staff.Client(app), slug, CampaignsApp.Fields("Bad Address Org", address));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("This is not an email address.", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.WithDb(db => db.Signatures.AnyAsync(s => s.Name == "Bad Address Org")));
    }

    [SkippableFact]
    public async Task The_same_signatory_signing_again_updates_their_entry()
    {
        await app.AddCampaign("once");
        var first = $"{CampaignsApp.Unique("first")}@casa.test";
        await app.SignAndConfirmAsync("once", CampaignsApp.Fields("Casa Puente Test", first, country: "GT", name: "First Person"));

        // The same name, written differently, in the same country, from the same address.
        var fields = CampaignsApp.Fields("  casa puente TEST ", first, country: "GT", name: "First Person");
        fields["Input.Role"] = "Chair";
        var client = Staff.Client(app);
        await app.SubmitAsync(client, "once", fields);
        var email = await TestMail.ReceivedAsync(first, m => m.TextBody!.Contains("casa puente TEST", StringComparison.Ordinal));
        var page = await Staff.PostFormAsync(client, CampaignsApp.Link(email, "It counts once you confirm."), new Dictionary<string, string>());

        Assert.Contains("had already endorsed this campaign; its entry now has the details you just confirmed", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var kept = Assert.Single(await app.WithDb(db => db.Signatures.AsNoTracking().Where(s => s.Campaign.Slug == "once").ToListAsync()));
        Assert.Equal(("Chair", SignatureState.Published), (kept.SignatoryRole, kept.State));
    }

    [SkippableFact]
    public async Task Someone_else_signing_for_an_organisation_that_signed_changes_nothing_until_a_moderator_approves()
    {
        var campaign = await app.AddCampaign("takeover");
        await app.AddOrganisation("Harbour Takeover Network", "GR", Membership.CoConvener, "https://harbour-takeover.test/", "harbour-takeover.test");
        var owner = $"{CampaignsApp.Unique("owner")}@harbour-takeover.test";
        await app.SignAndConfirmAsync("takeover", CampaignsApp.Fields("Harbour Takeover Network", owner, name: "Original Signatory"));
        var before = await app.SignatureOf(owner);
        Assert.Equal((Badge.Member, SignatureState.Published), (before.Badge, before.State));

        // A stranger signs for the same organisation from their own address and confirms.
        var stranger = $"{CampaignsApp.Unique("mallory")}@elsewhere.test";
        var (page, strangerEmail) = await app.SignAndConfirmAsync("takeover", CampaignsApp.Fields("Harbour Takeover Network", stranger, name: "Mallory"));
        Assert.Contains("Your details wait for the secretariat", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The public entry, its badge, its signatory and its manage link are untouched; the first signatory is told.
        var after = await app.SignatureOf(owner);
        Assert.Equal((before.Id, before.SignatoryName, before.Badge, before.ManageTokenHash, SignatureState.Published),
            (after.Id, after.SignatoryName, after.Badge, after.ManageTokenHash, after.State));
        Assert.Equal(1, await app.CountAsync("takeover"));
        var (_, list) = await app.GetHtml("/en/campaigns/takeover/signatories");
        var entry = Assert.Single(list.QuerySelectorAll("section.signatories li"));
        Assert.Contains("Member", entry.TextContent, StringComparison.Ordinal);
        var told = await TestMail.ReceivedAsync(owner, m => m.Subject == "Someone else signed for Harbour Takeover Network");
        Assert.Contains("Nothing has changed", told.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(stranger, told.TextBody, StringComparison.OrdinalIgnoreCase);
        var claim = await app.SignatureOf(stranger);
        Assert.Equal((SignatureState.Pending, before.Id), (claim.State, claim.ClaimsSignatureId));

        // The stranger's own link withdraws only their submission.
        var withdrawn = await Staff.PostFormAsync(Staff.Client(app), CampaignsApp.Link(strangerEmail, "To withdraw the endorsement"), new Dictionary<string, string>(),
            formSelector: "form[action*='handler=withdraw']");
        Assert.Contains("Your endorsement is withdrawn", await withdrawn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SignatureState.Published, (await app.SignatureOf(owner)).State);
        Assert.Equal(1, await app.CountAsync("takeover"));

        // A second try waits for a moderator, who sees both side by side and cannot let a self-declared one replace a member.
        var again = $"{CampaignsApp.Unique("mallory")}@elsewhere.test";
        await app.SignAndConfirmAsync("takeover", CampaignsApp.Fields("Harbour Takeover Network", again, name: "Mallory"));
        var second = await app.SignatureOf(again);
        var queue = await app.Moderator.GetStringAsync(new Uri($"/admin/campaigns/{campaign.Id}/signatures?state=Pending", UriKind.Relative));
        Assert.Contains("Asks to replace the entry signed first", queue, StringComparison.Ordinal);
        Assert.Contains(owner, queue, StringComparison.Ordinal);
        var approve = await Staff.PostFormAsync(app.Moderator, $"/admin/campaigns/{campaign.Id}/signatures?state=Pending",
            new Dictionary<string, string> { ["Ids"] = second.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Action"] = "approve" });
        var status = await app.Moderator.GetStringAsync(approve.Headers.Location);
        Assert.Contains("cannot replace an entry that is Member", status, StringComparison.Ordinal);
        Assert.Equal((owner, Badge.Member), ((await app.SignatureOf(owner)).Email, (await app.SignatureOf(owner)).Badge));
        Assert.Equal(SignatureState.Pending, (await app.SignatureOf(again)).State);
    }

    [SkippableFact]
    public async Task A_moderator_can_let_an_equally_verified_signatory_replace_the_first()
    {
        var campaign = await app.AddCampaign("handover");
        var first = $"{CampaignsApp.Unique("first")}@casa.test";
        var second = $"{CampaignsApp.Unique("second")}@casa.test";
        await app.SignAndConfirmAsync("handover", CampaignsApp.Fields("Casa Handover Test", first, country: "GT", name: "First Person"));
        await app.SignAndConfirmAsync("handover", CampaignsApp.Fields("Casa Handover Test", second, country: "GT", name: "Second Person"));
        Assert.Equal("First Person", (await app.SignatureOf(first)).SignatoryName);
        var claim = await app.SignatureOf(second);

        await Staff.PostFormAsync(app.Moderator, $"/admin/campaigns/{campaign.Id}/signatures?state=Pending",
            new Dictionary<string, string> { ["Ids"] = claim.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Action"] = "approve" });

        Assert.Equal(1, await app.CountAsync("handover"));
        var kept = Assert.Single(await app.WithDb(db => db.Signatures.AsNoTracking().Where(s => s.Campaign.Slug == "handover").ToListAsync()));
        Assert.Equal(("Second Person", second, SignatureState.Published), (kept.SignatoryName, kept.Email, kept.State));
    }

    [SkippableFact]
    public async Task Unconfirmed_pending_and_rejected_signatures_are_never_counted()
    {
        var campaign = await app.AddCampaign("moderated", c => c.Moderation = Moderation.BeforePublication);
        var unconfirmed = $"{CampaignsApp.Unique("nobody")}@x.test";
        await app.SubmitAsync(Staff.Client(app), "moderated", CampaignsApp.Fields("Never Confirmed Org", unconfirmed));
        var (page, _) = await app.SignAndConfirmAsync("moderated", CampaignsApp.Fields("Awaiting Review Org", $"{CampaignsApp.Unique("wait")}@y.test"));
        Assert.Contains("once the secretariat has reviewed it", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await app.SignAndConfirmAsync("moderated", CampaignsApp.Fields("Approved Org", $"{CampaignsApp.Unique("ok")}@z.test"));
        Assert.Equal(0, await app.CountAsync("moderated"));

        var ids = await app.WithDb(db => db.Signatures.Where(s => s.CampaignId == campaign.Id && s.State == SignatureState.Pending)
            .ToDictionaryAsync(s => s.Name, s => s.Id));
        var (_, dashboard) = await GetAs(app.Moderator, "/admin");
        Assert.Contains("Position paper moderated: 2 pending", dashboard, StringComparison.Ordinal);
        var noReason = await Staff.PostFormAsync(app.Moderator, $"/admin/campaigns/{campaign.Id}/signatures?state=Pending",
            new Dictionary<string, string> { ["Ids"] = ids["Awaiting Review Org"].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Action"] = "reject" });
        Assert.Contains("Give a reason for rejecting.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await Staff.PostFormAsync(app.Moderator, $"/admin/campaigns/{campaign.Id}/signatures?state=Pending",
            new Dictionary<string, string> { ["Ids"] = ids["Awaiting Review Org"].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Action"] = "reject", ["Reason"] = "Not an organisation" });
        await Staff.PostFormAsync(app.Moderator, $"/admin/campaigns/{campaign.Id}/signatures?state=Pending",
            new Dictionary<string, string> { ["Ids"] = ids["Approved Org"].ToString(System.Globalization.CultureInfo.InvariantCulture), ["Action"] = "approve" });

        Assert.Equal(1, await app.CountAsync("moderated"));
        var (_, list) = await app.GetHtml("/en/campaigns/moderated/signatories");
        var text = list.QuerySelector("main")!.TextContent;
        Assert.Contains("Approved Org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Awaiting Review Org", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Never Confirmed Org", text, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.AuditLog.AnyAsync(a => a.Entity == nameof(Signature) && a.EntityId == ids["Awaiting Review Org"].ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    [SkippableFact]
    public async Task A_script_in_an_organisation_name_is_shown_as_text()
    {
        await app.AddCampaign("escaping");
        await app.SignAndConfirmAsync("escaping", CampaignsApp.Fields("<script>alert('x')</script> Aid", $"{CampaignsApp.Unique("xss")}@aid.test"));

        var html = await app.CreatePlainClient().GetStringAsync(new Uri("/en/campaigns/escaping/signatories", UriKind.Relative));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Aid", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task No_signatory_email_appears_in_any_public_page_or_file()
    {
        var campaign = await app.AddCampaign("private");
        var org = await app.AddOrganisation("Privacy Test Network", "KE", Membership.Member, "https://privacytest.org/", "privacytest.org");
        var email = $"{CampaignsApp.Unique("secret")}@privacytest.org";
        await app.SignAndConfirmAsync("private", CampaignsApp.Fields("Privacy Test Network", email, country: ""));
        await app.WithDb(async db =>
        {
            var post = new Chorus.Web.Features.Content.Post
            {
                Title = "Private statement", Slug = "private-statement", Kind = Chorus.Web.Features.Content.PostKind.Statement,
                Status = Chorus.Web.Features.Content.PostStatus.Published, PublishedAt = ChorusFactory.Start.UtcDateTime.AddDays(-1), BodyMarkdown = "Text.",
                Statement = new Chorus.Web.Features.Statements.StatementDetails { DeliveredOn = new DateOnly(2026, 11, 1) },
            };
            db.Posts.Add(post);
            await db.SaveChangesAsync();
            (await db.Campaigns.SingleAsync(c => c.Id == campaign.Id)).PostId = post.Id;
            await db.SaveChangesAsync();
        });

        string[] urls =
        [
            "/en/campaigns/private", "/en/campaigns/private/signatories", "/en/campaigns/private/signatories.csv", "/en/campaigns/private/signatories.json",
            "/en/campaigns/private/count.json", "/en/campaigns/private/badge.svg", "/en/campaigns", $"/en/organizations/{org.Slug}", "/en/statements",
            "/en/news/private-statement", "/en/organizations/suggest?q=privacy", "/ar/campaigns/private/signatories",
        ];
        var user = email.Split('@')[0];
        foreach (var url in urls)
        {
            var response = await app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(user, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Eleni", body, StringComparison.Ordinal);
        }
        var (_, statements) = await app.GetHtml("/en/statements");
        Assert.Equal("/en/campaigns/private/signatories", statements.QuerySelector("a[href$='/signatories']")!.GetAttribute("href"));
        var (_, profile) = await app.GetHtml($"/en/organizations/{org.Slug}");
        Assert.Equal("/en/campaigns/private", profile.QuerySelector("#signed + ul a")!.GetAttribute("href"));
        var json = System.Text.Json.JsonDocument.Parse(await app.CreatePlainClient().GetStringAsync(new Uri("/en/campaigns/private/signatories.json", UriKind.Relative)));
        var entry = json.RootElement.GetProperty("signatories")[0];
        Assert.Equal(("Privacy Test Network", "Member"), (entry.GetProperty("name").GetString(), entry.GetProperty("badge").GetString()));
    }

    private static async Task<(HttpResponseMessage, string)> GetAs(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response, await response.Content.ReadAsStringAsync());
    }
}
