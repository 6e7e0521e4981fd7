using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Accounts;

/// <summary>An empty site whose sign-in limit the tests here do not reach (SignInRateLimitTests tests the limit itself).</summary>
public sealed class SignInApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Accounts:SignInsPerMinute", "1000")];
}

public sealed class SignInTests(SignInApp app) : IClassFixture<SignInApp>
{
    private static Dictionary<string, string> Credentials(string email, string password) =>
        new() { ["Input.Email"] = email, ["Input.Password"] = password };

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await Staff.CreateAsync(app, "locked@crossroads.test", Roles.Editor);
        var client = Staff.Client(app);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await Staff.PostFormAsync(client, "/account/login", Credentials("locked@crossroads.test", "not the password"));
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await Staff.PostFormAsync(client, "/account/login", Credentials("locked@crossroads.test", Staff.Password));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        // Locked, it answers exactly as an address without an account does: nothing tells an attacker it exists.
        var unknown = await Staff.PostFormAsync(Staff.Client(app), "/account/login", Credentials("no-account@crossroads.test", Staff.Password));
        string Errors(string html) => new HtmlParser().ParseDocument(html).QuerySelector(".errors")!.TextContent.Trim();
        Assert.Equal(Errors(await unknown.Content.ReadAsStringAsync()), Errors(await right.Content.ReadAsStringAsync()));
        Assert.Contains("locked for 15 minutes", Errors(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        var audit = await app.WithDb(db => db.AuditLog.Where(e => e.UserName == "locked@crossroads.test").Select(e => e.Action).ToListAsync());
        Assert.Equal(4, audit.Count(a => a == "sign-in failed"));
        Assert.Equal(2, audit.Count(a => a == "sign-in locked out"));
    }

    [Fact]
    public async Task A_wrong_password_says_so_next_to_the_form_and_keeps_the_email()
    {
        var response = await Staff.PostFormAsync(Staff.Client(app), "/account/login", Credentials("nobody@crossroads.test", "whatever it is"));

        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email address or the password is wrong, or the account is locked for 15 minutes after too many attempts.", html.QuerySelector(".errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("nobody@crossroads.test", html.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Empty_and_absurd_input_get_messages_not_errors()
    {
        var response = await Staff.PostFormAsync(Staff.Client(app), "/account/login", Credentials("", new string('x', 5000)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your email address.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deactivated_account_cannot_sign_in()
    {
        await Staff.CreateAsync(app, "gone@crossroads.test", Roles.Moderator);
        await app.WithDb(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == "gone@crossroads.test")).IsActive = false;
            await db.SaveChangesAsync();
        });

        var response = await Staff.PostFormAsync(Staff.Client(app), "/account/login", Credentials("gone@crossroads.test", Staff.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email address or the password is wrong, or the account is locked for 15 minutes after too many attempts.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_sent_to_turn_it_on_and_can()
    {
        await Staff.CreateAsync(app, "new-admin@crossroads.test", Roles.Admin);
        var client = await Staff.SignInAsync(app, "new-admin@crossroads.test");

        var dashboard = await client.GetAsync(new Uri("/admin", UriKind.Relative));
        Assert.Equal("/account/two-factor/setup", dashboard.Headers.Location!.OriginalString);

        var setup = await new HtmlParser().ParseDocumentAsync(await (await client.GetAsync(new Uri("/account/two-factor/setup", UriKind.Relative))).Content.ReadAsStringAsync());
        Assert.NotNull(setup.QuerySelector(".qr svg"));
        var key = setup.QuerySelector(".qr code")!.TextContent.Replace(" ", "", StringComparison.Ordinal);
        var enabled = await Staff.PostFormAsync(client, "/account/two-factor/setup", new Dictionary<string, string> { ["Code"] = Staff.Totp(key) });
        var page = await new HtmlParser().ParseDocumentAsync(await enabled.Content.ReadAsStringAsync());
        Assert.Equal(10, page.QuerySelectorAll(".codes li").Length);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_first_admin_is_created_through_the_one_time_setup_link_and_only_once()
    {
        await using var fresh = new EmptyChorusFactory();
        await fresh.StartAsync();
        var tokens = fresh.Services.GetRequiredService<ExpiringTokens>();
        var client = Staff.Client(fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/account/setup?token=forged", UriKind.Relative))).StatusCode);

        // The link lasts 24 hours by the site's clock, whatever the machine's clock says.
        var early = SetupToken.Create(tokens);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri($"/account/setup?token={Uri.EscapeDataString(early)}", UriKind.Relative))).StatusCode);
        fresh.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/account/setup?token={Uri.EscapeDataString(early)}", UriKind.Relative))).StatusCode);

        var token = SetupToken.Create(tokens);
        var created = await Staff.PostFormAsync(client, $"/account/setup?token={Uri.EscapeDataString(token)}", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "First Admin", ["Input.Email"] = "first@crossroads.test", ["Input.Password"] = Staff.Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.True(await fresh.WithDb(db => db.Users.AnyAsync(u => u.Email == "first@crossroads.test")));
        Assert.Equal(HttpStatusCode.NotFound, (await Staff.Client(fresh).GetAsync(new Uri($"/account/setup?token={Uri.EscapeDataString(token)}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_password_reset_link_works_for_three_days_of_the_sites_clock_then_expires()
    {
        await Staff.CreateAsync(app, "forgetful@crossroads.test", Roles.Editor);
        async Task<string> LinkAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ChorusUser>>();
            var token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync("forgetful@crossroads.test"))!);
            return $"/account/reset-password?email=forgetful%40crossroads.test&token={Uri.EscapeDataString(token)}";
        }
        var stale = await LinkAsync();
        app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        var refused = await Staff.PostFormAsync(Staff.Client(app), stale, new Dictionary<string, string> { ["Password"] = "a passphrase too late" });
        Assert.Contains("This link has expired or was already used.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var fresh = await LinkAsync();
        app.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromMinutes(1));
        var saved = await Staff.PostFormAsync(Staff.Client(app), fresh, new Dictionary<string, string> { ["Password"] = "a passphrase just in time" });
        Assert.Equal("/account/login", saved.Headers.Location!.OriginalString);
        await Staff.SignInAsync(app, "forgetful@crossroads.test", password: "a passphrase just in time");
    }
}

public sealed class StrictRateLimitApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Accounts:SignInsPerMinute", "3")];
}

public sealed class SignInRateLimitTests(StrictRateLimitApp app) : IClassFixture<StrictRateLimitApp>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_with_a_page_that_says_why()
    {
        var client = Staff.Client(app);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            var response = await Staff.PostFormAsync(client, "/account/login", new Dictionary<string, string> { ["Input.Email"] = "x@example.org", ["Input.Password"] = "guess number " + i });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.Contains("Please wait a moment and try again.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
