using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;

namespace Chorus.Web.Tests.Features.Accounts;

/// <summary>A site that requires two-factor sign-in of its editors as well as its admins.</summary>
public sealed class EditorsTwoFactorApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [new("Accounts:SignInsPerMinute", "1000"), new("Accounts:RequireTwoFactorForRoles:0", Roles.Editor)];
}

public sealed class TwoFactorRolesTests(EditorsTwoFactorApp app) : IClassFixture<EditorsTwoFactorApp>
{
    [Fact]
    public async Task A_role_the_settings_name_must_turn_on_two_factor_and_can_others_may()
    {
        await Staff.CreateAsync(app, "editor-2fa@crossroads.test", Roles.Editor);
        await Staff.CreateAsync(app, "moderator-2fa@crossroads.test", Roles.Moderator);
        var editor = await Staff.SignInAsync(app, "editor-2fa@crossroads.test");
        var moderator = await Staff.SignInAsync(app, "moderator-2fa@crossroads.test");

        Assert.Equal("/account/two-factor/setup", (await editor.GetAsync(new Uri("/admin/posts", UriKind.Relative))).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);

        // The editor turns it on with an authenticator app and gets in; the moderator could too, from their account page.
        var setup = new HtmlParser().ParseDocument(await editor.GetStringAsync(new Uri("/account/two-factor/setup", UriKind.Relative)));
        var key = setup.QuerySelector(".qr code")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        await Staff.PostFormAsync(editor, "/account/two-factor/setup", new Dictionary<string, string> { ["Code"] = Staff.Totp(key) });
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/admin/posts", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(new Uri("/account/two-factor/setup", UriKind.Relative))).StatusCode);
    }
}
