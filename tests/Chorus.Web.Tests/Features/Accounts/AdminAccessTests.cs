using System.Net;
using Chorus.Web.Features.Accounts;

namespace Chorus.Web.Tests.Features.Accounts;

/// <summary>One account per role, signed in through the real forms.</summary>
public sealed class StaffApp : ChorusFactory
{
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public override async Task InitializeAsync()
    {
        foreach (var role in Roles.All)
        {
            var email = $"{role.ToLowerInvariant()}@crossroads.test";
            var key = await Staff.CreateAsync(this, email, role, twoFactor: role == Roles.Admin);
            Clients[role] = await Staff.SignInAsync(this, email, key);
        }
    }
}

/// <summary>Every admin route, for every role and for anonymous visitors: content only for those allowed.</summary>
public sealed class AdminAccessTests(StaffApp app) : IClassFixture<StaffApp>
{
    public static TheoryData<string, string, bool> Matrix()
    {
        var routes = new (string Path, string[] Allowed)[]
        {
            ("/admin", Roles.All),
            ("/admin/users", [Roles.Admin]),
            ("/admin/audit", [Roles.Admin]),
            ("/admin/posts", [Roles.Admin, Roles.Editor]),
            ("/admin/posts/new", [Roles.Admin, Roles.Editor]),
            ("/admin/posts/1", [Roles.Admin, Roles.Editor]),
            ("/admin/posts/1/revisions", [Roles.Admin, Roles.Editor]),
            ("/admin/media", [Roles.Admin, Roles.Editor]),
            ("/admin/categories", [Roles.Admin, Roles.Editor]),
            ("/admin/account", Roles.All),
            ("/admin/translations", [Roles.Admin, Roles.Editor, Roles.Translator]),
            ("/admin/organisations", [Roles.Admin, Roles.Editor]),
            ("/admin/organisations/new", [Roles.Admin, Roles.Editor]),
            ("/admin/organisations/1", [Roles.Admin, Roles.Editor]),
            ("/admin/organisations/1/merge", [Roles.Admin, Roles.Editor]),
            ("/admin/organisations/import", [Roles.Admin, Roles.Editor]),
        };
        var data = new TheoryData<string, string, bool>();
        foreach (var (path, allowed) in routes)
        {
            foreach (var role in Roles.All.Append("anonymous"))
            {
                data.Add(path, role, allowed.Contains(role));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Admin_routes_show_content_only_to_the_roles_they_name(string path, string role, bool allowed)
    {
        var client = role == "anonymous" ? Staff.Client(app) : app.Clients[role];

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Chorus admin", body, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var expected = role == "anonymous" ? "/account/login" : "/account/denied";
            Assert.StartsWith($"http://localhost{expected}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("Chorus admin", body, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Roles.Translator)]
    [InlineData(Roles.Moderator)]
    [InlineData("anonymous")]
    public async Task The_directory_export_with_email_domains_is_for_editors_only(string role)
    {
        var client = role == "anonymous" ? Staff.Client(app) : app.Clients[role];

        var response = await client.GetAsync(new Uri("/admin/organisations?handler=export", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("email_domains", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var editor = await app.Clients[Roles.Editor].GetAsync(new Uri("/admin/organisations?handler=export", UriKind.Relative));
        Assert.StartsWith("name,acronym,country", (await editor.Content.ReadAsStringAsync()).TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_lists_only_what_the_role_may_open()
    {
        var editor = await (await app.Clients[Roles.Editor].GetAsync(new Uri("/admin", UriKind.Relative))).Content.ReadAsStringAsync();
        var admin = await (await app.Clients[Roles.Admin].GetAsync(new Uri("/admin", UriKind.Relative))).Content.ReadAsStringAsync();

        Assert.DoesNotContain("href=\"/admin/users\"", editor, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/users\"", admin, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit\"", admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_post_without_an_antiforgery_token_is_rejected()
    {
        var response = await app.Clients[Roles.Admin].PostAsync(new Uri("/admin/users?handler=Invite", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Invite.Email"] = "forged@example.org", ["Invite.Role"] = "Admin" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var login = await Staff.Client(app).PostAsync(new Uri("/account/login", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "admin@crossroads.test", ["Input.Password"] = Staff.Password }));
        Assert.Equal(HttpStatusCode.BadRequest, login.StatusCode);
    }

    [Fact]
    public async Task Staff_pages_are_never_served_from_the_public_cache()
    {
        await app.Clients[Roles.Admin].GetAsync(new Uri("/admin", UriKind.Relative));

        var anonymous = await Staff.Client(app).GetAsync(new Uri("/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
