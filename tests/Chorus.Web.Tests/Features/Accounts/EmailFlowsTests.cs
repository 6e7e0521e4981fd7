using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Accounts;

/// <summary>Password reset and invitations, end to end through the real SMTP server.</summary>
public sealed partial class EmailFlowsTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    private static string LinkIn(MimeKit.MimeMessage message) => Link().Match(message.TextBody ?? "").Value;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [SkippableFact]
    public async Task The_full_password_reset_flow_goes_through_email()
    {
        var email = $"reset-{Guid.NewGuid():N}@crossroads.test";
        await Staff.CreateAsync(app, email, Roles.Editor);

        var asked = await Staff.PostFormAsync(Staff.Client(app), "/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });
        Assert.Contains("we have sent it a link", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var unknown = await Staff.PostFormAsync(Staff.Client(app), "/account/forgot-password", new Dictionary<string, string> { ["Email"] = "stranger@crossroads.test" });
        Assert.Contains("we have sent it a link", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal); // no address is revealed

        var message = await TestMail.ReceivedAsync(email);
        Assert.Equal("Choose a new password", message.Subject);
        var link = new Uri(LinkIn(message));
        var client = Staff.Client(app);
        var saved = await Staff.PostFormAsync(client, link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "a brand new passphrase" });
        Assert.Equal("/account/login", saved.Headers.Location!.OriginalString);

        await Staff.SignInAsync(app, email, password: "a brand new passphrase");
        var reused = await Staff.PostFormAsync(Staff.Client(app), link.PathAndQuery, new Dictionary<string, string> { ["Password"] = "yet another passphrase" });
        Assert.Contains("This link has expired or was already used.", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task An_invited_editor_creates_an_account_from_the_email_and_the_admin_sees_it_audited()
    {
        var adminEmail = $"admin-{Guid.NewGuid():N}@crossroads.test";
        var key = await Staff.CreateAsync(app, adminEmail, Roles.Admin, twoFactor: true);
        var admin = await Staff.SignInAsync(app, adminEmail, key);
        var invitee = $"editor-{Guid.NewGuid():N}@crossroads.test";

        var sent = await Staff.PostFormAsync(admin, "/admin/users", new Dictionary<string, string> { ["Invite.Email"] = invitee, ["Invite.Role"] = Roles.Editor },
            "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var message = await TestMail.ReceivedAsync(invitee);
        var link = new Uri(LinkIn(message));
        var editor = Staff.Client(app);
        var accepted = await Staff.PostFormAsync(editor, link.PathAndQuery, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "New Editor", ["Input.Email"] = invitee, ["Input.Password"] = Staff.Password,
        });
        Assert.Equal("/admin", accepted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        var again = await Staff.Client(app).GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        Assert.Contains("expired or was already used", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The admin deactivates the editor; the audit log records who did what.
        var users = await new HtmlParser().ParseDocumentAsync(await (await admin.GetAsync(new Uri("/admin/users", UriKind.Relative))).Content.ReadAsStringAsync());
        var row = users.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(invitee, StringComparison.Ordinal));
        var id = row.QuerySelector("input[name=id]")!.GetAttribute("value")!;
        var deactivated = await Staff.PostFormAsync(admin, "/admin/users", new Dictionary<string, string> { ["id"] = id }, $"tbody tr form[action*='Deactivate']:has(input[value='{id}'])");
        Assert.Equal(HttpStatusCode.Redirect, deactivated.StatusCode);

        var audit = await new HtmlParser().ParseDocumentAsync(await (await admin.GetAsync(new Uri($"/admin/audit?entity={id}", UriKind.Relative))).Content.ReadAsStringAsync());
        var entries = audit.QuerySelectorAll("tbody tr").ToList();
        Assert.Contains(entries, e => e.TextContent.Contains(adminEmail, StringComparison.Ordinal) && e.Children[2].TextContent == "Changed"
            && e.QuerySelectorAll("dl.changes dt").Zip(e.QuerySelectorAll("dl.changes dd")).Any(f => (f.First.TextContent, f.Second.TextContent) == ("Active", "Yes → No")));
        Assert.DoesNotContain(entries, e => e.TextContent.Contains("PasswordHash", StringComparison.Ordinal) || e.TextContent.Contains("SecurityStamp", StringComparison.Ordinal));
        Assert.False(await app.WithDb(db => db.Users.Where(u => u.Email == invitee).Select(u => u.IsActive).SingleAsync()));
    }

    [SkippableFact]
    public async Task An_admin_changes_a_role_but_cannot_demote_herself()
    {
        var adminEmail = $"chief-{Guid.NewGuid():N}@crossroads.test";
        var key = await Staff.CreateAsync(app, adminEmail, Roles.Admin, twoFactor: true);
        var admin = await Staff.SignInAsync(app, adminEmail, key);
        var staffEmail = $"staff-{Guid.NewGuid():N}@crossroads.test";
        await Staff.CreateAsync(app, staffEmail, Roles.Editor);
        var ids = await app.WithDb(db => db.Users.Where(u => u.Email == staffEmail || u.Email == adminEmail).ToDictionaryAsync(u => u.Email!, u => u.Id));

        await Staff.PostFormAsync(admin, "/admin/users", new Dictionary<string, string> { ["role"] = Roles.Translator, ["translatorCultures"] = "fr, ar" },
            $"form:has(input[name=id][value='{ids[staffEmail]}'])[action*='Roles']");
        var self = await Staff.PostFormAsync(admin, "/admin/users", new Dictionary<string, string> { ["role"] = Roles.Editor },
            $"form:has(input[name=id][value='{ids[adminEmail]}'])[action*='Roles']");

        var roles = await app.WithDb(db => db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync());
        Assert.Equal([Roles.Translator], roles.Where(r => r.UserId == ids[staffEmail]).Select(r => r.Name));
        Assert.Equal([Roles.Admin], roles.Where(r => r.UserId == ids[adminEmail]).Select(r => r.Name));
        Assert.Equal("fr,ar", await app.WithDb(db => db.Users.Where(u => u.Email == staffEmail).Select(u => u.TranslatorCultures).SingleAsync()));
        var page = await admin.GetAsync(self.Headers.Location!);
        Assert.Contains("You cannot take away your own admin role.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
