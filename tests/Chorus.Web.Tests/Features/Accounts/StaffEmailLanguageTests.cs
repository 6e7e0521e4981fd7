using System.Net;
using System.Text.RegularExpressions;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Accounts;

/// <summary>
/// Staff are written to in the language stored with their account: chosen by whoever invites them, changed on their own
/// settings page; the /account pages have no language of their own to leak into the email.
/// </summary>
public sealed partial class StaffEmailLanguageTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    [SkippableTheory]
    [InlineData("fr", "Choisir un nouveau mot de passe", "votre mot de passe ne change pas")]
    [InlineData("ar", "اختر كلمة مرور جديدة", "ستبقى كلمة مرورك كما هي")]
    public async Task A_password_reset_comes_in_the_language_chosen_in_the_account_settings(string culture, string subject, string fragment)
    {
        var email = $"reset-{culture}-{Guid.NewGuid():N}@crossroads.test";
        await Staff.CreateAsync(app, email, Roles.Editor);
        var client = await Staff.SignInAsync(app, email);
        var saved = await Staff.PostFormAsync(client, "/admin/account", new Dictionary<string, string> { ["EmailCulture"] = culture });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(culture, await app.WithDb(db => db.Users.Where(u => u.Email == email).Select(u => u.Culture).SingleAsync()));

        await Staff.PostFormAsync(Staff.Client(app), "/account/forgot-password", new Dictionary<string, string> { ["Email"] = email });

        var message = await TestMail.ReceivedAsync(email, m => m.Subject == subject);
        TestMail.AssertWrittenIn(message, culture);
        Assert.Contains(fragment, message.TextBody, StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/account/reset-password?", Link().Match(message.TextBody!).Value, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("fr", "Vous êtes invité·e à Crossroads Coalition", "vous invite à participer à la gestion de Crossroads Coalition")]
    [InlineData("ar", "دعوة إلى Crossroads Coalition", "للمساعدة في إدارة Crossroads Coalition")]
    public async Task An_invitation_comes_in_the_language_the_admin_chose_and_the_account_keeps_it(string culture, string subject, string fragment)
    {
        var adminEmail = $"inviter-{culture}-{Guid.NewGuid():N}@crossroads.test";
        var key = await Staff.CreateAsync(app, adminEmail, Roles.Admin, twoFactor: true);
        var admin = await Staff.SignInAsync(app, adminEmail, key);
        var invitee = $"invitee-{culture}-{Guid.NewGuid():N}@crossroads.test";

        var sent = await Staff.PostFormAsync(admin, "/admin/users", new Dictionary<string, string>
        {
            ["Invite.Email"] = invitee, ["Invite.Role"] = Roles.Moderator, ["Invite.Culture"] = culture,
        }, "form[action*='handler=Invite']");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var message = await TestMail.ReceivedAsync(invitee, m => m.Subject == subject);
        TestMail.AssertWrittenIn(message, culture);
        Assert.Contains(fragment, message.TextBody, StringComparison.Ordinal);
        var accepted = await Staff.PostFormAsync(Staff.Client(app), new Uri(Link().Match(message.TextBody!).Value).PathAndQuery, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "New Moderator", ["Input.Email"] = invitee, ["Input.Password"] = Staff.Password,
        });
        Assert.Equal("/admin", accepted.Headers.Location!.OriginalString);
        Assert.Equal(culture, await app.WithDb(db => db.Users.Where(u => u.Email == invitee).Select(u => u.Culture).SingleAsync()));
    }
}
