using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Redirects;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Site;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Redirects;

/// <summary>The old site's addresses answering 301 to where their pages live now, and /admin/redirects.</summary>
public sealed class OldAddressTests(IdentityApp app) : IClassFixture<IdentityApp>
{
    private HttpClient Reader() => app.CreateClient(new() { AllowAutoRedirect = false });

    private Task<HttpResponseMessage> AddAsync(string from, string to) =>
        Staff.PostFormAsync(app.Editor, "/admin/redirects", new Dictionary<string, string> { ["From"] = from, ["To"] = to }, "main form[method=post]", "Add");

    [Fact]
    public async Task An_old_permalink_answers_301_to_its_new_page_which_answers_200_and_an_unknown_one_gets_the_404_page()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Reader().GetAsync(new Uri("/2021/12/16/international-migrants-day-2021/", UriKind.Relative))).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("https://old.example/2021/12/16/International-Migrants-Day-2021/", "/en/events/international-migrants-day-2021")).StatusCode);

        // Any spelling of the old address a person or a search engine kept: with or without the slash, in another case.
        foreach (var old in new[] { "/2021/12/16/international-migrants-day-2021/", "/2021/12/16/international-migrants-day-2021", "/2021/12/16/INTERNATIONAL-migrants-day-2021/" })
        {
            var moved = await Reader().GetAsync(new Uri(old, UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal("/en/events/international-migrants-day-2021", moved.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await Reader().GetAsync(new Uri("/en/events/international-migrants-day-2021", UriKind.Relative))).StatusCode);

        var unknown = await Reader().GetAsync(new Uri("/2021/12/17/never-written/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("<h1", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the site's own 404 page
    }

    [Fact]
    public async Task A_wordpress_query_address_and_an_uploaded_file_move_and_the_site_s_own_pages_always_win()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("/?p=123", "/en/news")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("/wp-content/uploads/2021/12/position-paper.pdf", "/en/campaigns")).StatusCode);
        // An old address that is also one of this site's pages: the page wins.
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("/en/events", "/en/news")).StatusCode);

        var query = await Reader().GetAsync(new Uri("/?p=123", UriKind.Relative));
        Assert.Equal((HttpStatusCode.MovedPermanently, "/en/news"), (query.StatusCode, query.Headers.Location!.OriginalString));
        var file = await Reader().GetAsync(new Uri("/wp-content/uploads/2021/12/position-paper.pdf", UriKind.Relative));
        Assert.Equal((HttpStatusCode.MovedPermanently, "/en/campaigns"), (file.StatusCode, file.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.OK, (await Reader().GetAsync(new Uri("/en/events", UriKind.Relative))).StatusCode);
        // The root without an item query still sends each reader to their language.
        Assert.Equal(HttpStatusCode.Redirect, (await Reader().GetAsync(new Uri("/?utm_source=x", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Staff_try_and_remove_an_old_address_and_bad_ones_are_refused_with_a_message()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await AddAsync("/category/statements/", "/en/statements")).StatusCode);
        var tried = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri("/admin/redirects?try=%2Fcategory%2Fstatements%2F", UriKind.Relative)));
        Assert.Equal("It leads to /en/statements.", tried.GetElementById("tried")!.TextContent);

        var refused = await AddAsync("/category/statements", "javascript:alert(1)");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await new HtmlParser().ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("Write a path on this site, such as /en/news/a-post, or a full address starting with https://.", page.QuerySelector("#To ~ .error, span[data-valmsg-for=To]")!.TextContent);
        Assert.Equal("This old address already leads somewhere; remove it first.", page.QuerySelector("span[data-valmsg-for=From]")!.TextContent);

        var id = await app.WithDb(db => db.OldAddresses.Where(a => a.From == "/category/statements").Select(a => a.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(app.Editor, "/admin/redirects", new Dictionary<string, string> { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"form:has(input[name=id][value='{id}'])")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader().GetAsync(new Uri("/category/statements/", UriKind.Relative))).StatusCode);

        // A reader is sent to sign in.
        var anonymous = await Reader().GetAsync(new Uri("/admin/redirects", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/2021/12/16/Slug/", null, "/2021/12/16/slug")]
    [InlineData("/", "?p=42&utm_source=x", "/?p=42")]
    [InlineData("/", "?s=migration", null)]
    [InlineData("//evil.example/x", null, null)]
    public void Old_addresses_are_compared_in_one_spelling(string path, string? query, string? key) =>
        Assert.Equal(key, OldAddresses.Key(path, query is null ? null : new Microsoft.AspNetCore.Http.QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query))));
}
