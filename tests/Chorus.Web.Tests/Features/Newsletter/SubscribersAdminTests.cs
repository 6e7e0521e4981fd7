using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Newsletter;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>The subscribers admin: a Mailchimp audience import with a preview, the audited export, erasing, and who may see it.</summary>
public sealed class SubscribersAdminTests(NewsletterApp app) : IClassFixture<NewsletterApp>
{
    /// <summary>Uploads <paramref name="csv"/> for a preview, then presses Import; returns the preview page.</summary>
    private async Task<string> ImportAsync(string csv, bool import = true)
    {
        var form = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri("/admin/newsletter/subscribers/import", UriKind.Relative)));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent($"{app.Events}"), "ListId" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "Upload", "members_export.csv" },
        };
        var preview = await app.Editor.PostAsync(new Uri("/admin/newsletter/subscribers/import?handler=Preview", UriKind.Relative), upload);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var page = await preview.Content.ReadAsStringAsync();
        if (import)
        {
            var html = await new HtmlParser().ParseDocumentAsync(page);
            var confirm = html.QuerySelector("main form[action*=Import]")!;
            var values = confirm.QuerySelectorAll("input[name]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""));
            var done = await app.Editor.PostAsync(new Uri(confirm.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(values));
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        }
        return page;
    }

    private static string Csv(params string[] rows) =>
        "Email Address,First Name,Last Name,Language,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS\n"
        + string.Join("\n", rows) + "\n";

    private static string Row(string email, string language, string optin, string confirm, string tags) =>
        $"{email},Ana,Lopez,{language},2,{optin},,{confirm},,,,,,,,,2021-12-18 10:00:00,1,abc,,\"{tags}\"";

    [SkippableFact]
    public async Task A_mailchimp_export_subscribes_those_with_consent_invites_the_others_and_skips_erased_addresses()
    {
        var (consented, invited, erased, bad) = (NewsletterApp.Unique("mc-yes"), NewsletterApp.Unique("mc-invite"), NewsletterApp.Unique("mc-erased"), "not-an-address");
        await app.WithDb(db =>
        {
            db.SuppressedAddresses.Add(new SuppressedAddress { Hash = Subscriptions.Hash(erased), At = NewsletterApp.Start.UtcDateTime });
            return db.SaveChangesAsync();
        });
        var csv = Csv(
            Row(consented, "fr", "2021-12-18 10:22:10", "2021-12-18 10:25:00", "\"\"News and statements\"\",\"\"Calls for sign-on\"\",\"\"VIP\"\""),
            Row(invited, "es_ES", "", "", ""),
            Row(erased, "en", "2020-01-01 00:00:00", "2020-01-01 00:00:00", ""),
            Row(bad, "en", "", "", ""));

        var preview = await ImportAsync(csv);
        Assert.Contains("1 subscribed, 1 invited to confirm, 2 skipped", preview, StringComparison.Ordinal);
        Assert.Contains("VIP", preview, StringComparison.Ordinal);

        var yes = (await app.SubscriberAsync(consented))!;
        Assert.Equal((SubscriberState.Confirmed, "import", "fr"), (yes.State, yes.Source, yes.Culture));
        Assert.Equal(new DateTime(2021, 12, 18, 10, 25, 0, DateTimeKind.Utc), yes.ConsentAt);
        Assert.Equal([app.News, app.Calls], yes.Lists.Select(l => l.ListId).Order());

        var pending = (await app.SubscriberAsync(invited))!;
        Assert.Equal((SubscriberState.Pending, "es"), (pending.State, pending.Culture));
        Assert.Empty(pending.Lists);
        var invitation = await TestMail.ReceivedAsync(invited, m => m.Subject == "Confirme su suscripción al boletín");
        Assert.Contains("Events", invitation.TextBody, StringComparison.Ordinal);
        await Staff.PostFormAsync(Staff.Client(app), NewsletterApp.LinkIn(invitation), new Dictionary<string, string>());
        var confirmed = (await app.SubscriberAsync(invited))!;
        Assert.Equal(SubscriberState.Confirmed, confirmed.State);
        Assert.Equal([app.Events], confirmed.Lists.Select(l => l.ListId));

        Assert.Null(await app.SubscriberAsync(erased));
        Assert.False(await app.WithDb(db => db.Outbox.AnyAsync(m => m.To == erased || m.To == consented)));
    }

    [Fact]
    public async Task The_export_has_the_addresses_and_is_audited()
    {
        var email = NewsletterApp.Unique("exported");
        await app.SubscribeAsync("en", email, "en", [app.News]);
        var response = await app.Editor.GetAsync(new Uri("/admin/newsletter/subscribers?handler=export&q=exported", UriKind.Relative));
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("email,language", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains(email, csv, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.AuditLog.AnyAsync(a => a.Action == "exported" && a.Entity == nameof(Subscriber))));
    }

    [SkippableFact]
    public async Task Erasing_leaves_only_a_hash_and_a_new_import_skips_the_address()
    {
        var email = NewsletterApp.Unique("erase-me");
        await ImportAsync(Csv(Row(email, "en", "2021-01-01 00:00:00", "", "Events")));
        var s = (await app.SubscriberAsync(email))!;
        var list = await app.Editor.GetStringAsync(new Uri($"/admin/newsletter/subscribers?q={Uri.EscapeDataString(email)}", UriKind.Relative));
        Assert.Contains(email, list, StringComparison.Ordinal);

        var erased = await Staff.PostFormAsync(app.Editor, $"/admin/newsletter/subscribers?q={Uri.EscapeDataString(email)}", new Dictionary<string, string>(),
            "main form[action*=Erase]");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        Assert.Null(await app.SubscriberAsync(email));
        Assert.True(await app.WithDb(db => db.SuppressedAddresses.AnyAsync(a => a.Hash == Subscriptions.Hash(email))));
        Assert.False(await app.WithDb(db => db.SubscriberLists.AnyAsync(l => l.SubscriberId == s.Id)));
        Assert.False(await app.WithDb(db => db.AuditLog.AnyAsync(a => a.Summary.Contains(email))));

        var again = await ImportAsync(Csv(Row(email, "en", "2021-01-01 00:00:00", "", "Events")));
        Assert.Contains("0 subscribed, 0 invited to confirm, 1 skipped", again, StringComparison.Ordinal);
        Assert.Null(await app.SubscriberAsync(email));
    }

    [Theory]
    [InlineData("/admin/newsletter/subscribers")]
    [InlineData("/admin/newsletter/subscribers?handler=export")]
    [InlineData("/admin/newsletter/subscribers/import")]
    [InlineData("/admin/newsletter/lists")]
    public async Task Only_staff_see_the_subscribers(string url)
    {
        var response = await Staff.Client(app).GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editors_create_a_list_named_in_several_languages_and_archive_it()
    {
        var created = await Staff.PostFormAsync(app.Editor, "/admin/newsletter/lists", new Dictionary<string, string>
        {
            ["Texts[0].Name"] = "Reports", ["Texts[0].Description"] = "Our research", ["Texts[1].Name"] = "Rapports",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await app.WithDb(db => db.NewsletterLists.AsNoTracking().SingleAsync(l => l.Slug == "reports"));
        Assert.Equal(["Reports", "Rapports"], list.Texts.Select(t => t.Name));
        Assert.Contains("Rapports", await app.CreateClient().GetStringAsync(new Uri("/fr/newsletter", UriKind.Relative)), StringComparison.Ordinal);

        await Staff.PostFormAsync(app.Editor, $"/admin/newsletter/lists/{list.Id}", new Dictionary<string, string> { ["Archived"] = "true" });
        Assert.NotNull((await app.WithDb(db => db.NewsletterLists.AsNoTracking().SingleAsync(l => l.Id == list.Id))).ArchivedAt);
        Assert.DoesNotContain("Rapports", await app.CreateClient().GetStringAsync(new Uri("/fr/newsletter", UriKind.Relative)), StringComparison.Ordinal);
    }
}
