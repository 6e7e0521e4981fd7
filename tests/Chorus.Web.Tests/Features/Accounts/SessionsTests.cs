using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Accounts;

public sealed class SessionsTests
{
    private const string Firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private const string IPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private const string Android = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

    private static async Task<IHtmlDocument> SessionsPage(HttpClient client) =>
        await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri("/admin/account/sessions", UriKind.Relative)));

    private static async Task<HttpStatusCode> AdminStatus(HttpClient client) =>
        (await client.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode;

    /// <summary>The session id in the End form of the row naming this browser.</summary>
    private static string IdOf(IHtmlDocument page, string browser) =>
        page.QuerySelectorAll("table.sessions tbody tr").Single(r => r.TextContent.Contains(browser, StringComparison.Ordinal))
            .QuerySelector("input[name=id]")!.GetAttribute("value")!;

    [Fact]
    public async Task Staff_see_where_they_are_signed_in_and_end_one_session_or_all_others_at_once()
    {
        await using var app = new EmptyChorusFactory();
        await app.StartAsync();
        await Staff.CreateAsync(app, "traveller@crossroads.test", Roles.Moderator);
        var laptop = await Staff.SignInAsync(app, "traveller@crossroads.test", userAgent: Firefox);
        var phone = await Staff.SignInAsync(app, "traveller@crossroads.test", userAgent: IPhone);

        var page = await SessionsPage(laptop);
        var rows = page.QuerySelectorAll("table.sessions tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("Firefox on Linux", rows[0], StringComparison.Ordinal);
        Assert.Contains("(this session)", rows[0], StringComparison.Ordinal);
        Assert.Contains("Safari on iPhone", rows[1], StringComparison.Ordinal);
        Assert.DoesNotContain("this session", rows[1], StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("table.sessions tbody tr")[0].QuerySelectorAll("form")); // this one is ended by signing out
        Assert.Contains("Times are in", page.QuerySelector("table.sessions caption")!.TextContent, StringComparison.Ordinal);

        // Ending the phone's session signs the phone out at its very next request; the laptop stays in.
        var ended = await Staff.PostFormAsync(laptop, "/admin/account/sessions", new Dictionary<string, string>(),
            $"form[action*='handler=End']:has(input[name=id][value='{IdOf(page, "iPhone")}'])");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await AdminStatus(phone));
        Assert.Equal(HttpStatusCode.OK, await AdminStatus(laptop));
        Assert.Contains("The session is ended: Safari on iPhone.", (await SessionsPage(laptop)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDb(db => db.AuditLog.AnyAsync(a => a.Entity == nameof(StaffSession) && a.Action == "changed" && a.Summary.Contains("EndedAt"))));

        // "End all other sessions" ends every other one.
        var tablet = await Staff.SignInAsync(app, "traveller@crossroads.test", userAgent: Android);
        var again = await Staff.SignInAsync(app, "traveller@crossroads.test", userAgent: IPhone);
        Assert.Equal(3, (await SessionsPage(laptop)).QuerySelectorAll("table.sessions tbody tr").Length);
        var all = await Staff.PostFormAsync(laptop, "/admin/account/sessions", new Dictionary<string, string>(), "form[action*='handler=EndOthers']");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await AdminStatus(tablet));
        Assert.Equal(HttpStatusCode.Redirect, await AdminStatus(again));
        var left = await SessionsPage(laptop);
        Assert.Contains("Sessions ended: 2.", left.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(left.QuerySelectorAll("table.sessions tbody tr"));
        Assert.Null(left.QuerySelector("form[action*='handler=EndOthers']"));

        // Signing out ends the session.
        Assert.Equal(1, await app.WithDb(db => db.StaffSessions.CountAsync(s => s.EndedAt == null)));
        await Staff.PostFormAsync(laptop, "/account/logout", new Dictionary<string, string>());
        Assert.Equal(0, await app.WithDb(db => db.StaffSessions.CountAsync(s => s.EndedAt == null)));
    }

    [Fact]
    public async Task The_last_active_time_follows_use_and_nobody_can_end_another_person_s_session()
    {
        await using var app = new EmptyChorusFactory();
        await app.StartAsync();
        await Staff.CreateAsync(app, "owner@crossroads.test", Roles.Editor);
        await Staff.CreateAsync(app, "intruder@crossroads.test", Roles.Translator);
        var owner = await Staff.SignInAsync(app, "owner@crossroads.test", userAgent: Firefox);
        var intruder = await Staff.SignInAsync(app, "intruder@crossroads.test", userAgent: Android);
        await Staff.SignInAsync(app, "intruder@crossroads.test", userAgent: IPhone);
        var ownerSession = await app.WithDb(db => db.StaffSessions.Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s.Id, u.Email })
            .Where(x => x.Email == "owner@crossroads.test").Select(x => x.Id).SingleAsync());

        // The intruder's own form, pointed at the owner's session, finds nothing: 404, and the owner stays signed in.
        var page = await SessionsPage(intruder);
        var refused = await Staff.PostFormAsync(intruder, "/admin/account/sessions", new Dictionary<string, string> { ["id"] = ownerSession },
            $"form[action*='handler=End']:has(input[name=id][value='{IdOf(page, "iPhone")}'])");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await AdminStatus(owner));
        Assert.Null(await app.WithDb(db => db.StaffSessions.Where(s => s.Id == ownerSession).Select(s => s.EndedAt).SingleAsync()));

        // Seen again after a while: the last-active time moves (written at most every few minutes, not at every request).
        var signedIn = await app.WithDb(db => db.StaffSessions.Where(s => s.Id == ownerSession).Select(s => s.LastSeenAt).SingleAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, await AdminStatus(owner));
        Assert.Equal(signedIn, await app.WithDb(db => db.StaffSessions.Where(s => s.Id == ownerSession).Select(s => s.LastSeenAt).SingleAsync()));
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, await AdminStatus(owner));
        Assert.Equal(signedIn.AddMinutes(11), await app.WithDb(db => db.StaffSessions.Where(s => s.Id == ownerSession).Select(s => s.LastSeenAt).SingleAsync()));
    }
}
