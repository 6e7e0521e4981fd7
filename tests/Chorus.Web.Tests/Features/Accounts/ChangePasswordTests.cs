using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;

namespace Chorus.Web.Tests.Features.Accounts;

public sealed class ChangePasswordTests
{
    [Fact]
    public async Task Changing_ones_password_needs_the_current_one_and_ends_every_other_session()
    {
        await using var app = new EmptyChorusFactory();
        await app.StartAsync();
        await Staff.CreateAsync(app, "mover@crossroads.test", Roles.Editor);
        var laptop = await Staff.SignInAsync(app, "mover@crossroads.test");
        var phone = await Staff.SignInAsync(app, "mover@crossroads.test");

        async Task<string?> Error(HttpResponseMessage response, string field) =>
            (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector($"[data-valmsg-for={field}]")?.TextContent;
        var wrong = await Staff.PostFormAsync(laptop, "/admin/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not my password", ["NewPassword"] = "a much longer passphrase", ["ConfirmPassword"] = "a much longer passphrase",
        });
        Assert.Equal("This is not your current password.", await Error(wrong, "CurrentPassword"));
        var differ = await Staff.PostFormAsync(laptop, "/admin/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Staff.Password, ["NewPassword"] = "a much longer passphrase", ["ConfirmPassword"] = "a much longer passphrase!",
        });
        Assert.Equal("The two new passwords differ.", await Error(differ, "ConfirmPassword"));

        var changed = await Staff.PostFormAsync(laptop, "/admin/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Staff.Password, ["NewPassword"] = "a much longer passphrase", ["ConfirmPassword"] = "a much longer passphrase",
        });
        Assert.Equal((HttpStatusCode.Redirect, "/admin/account"), (changed.StatusCode, changed.Headers.Location!.OriginalString));

        // Other browsers are signed out at their next request (their sessions are ended); this one stays in, then and later.
        var outside = await phone.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.OK, (await laptop.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, outside.StatusCode);
        Assert.Contains("/account/login", outside.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await Staff.SignInAsync(app, "mover@crossroads.test", password: "a much longer passphrase");
    }
}
