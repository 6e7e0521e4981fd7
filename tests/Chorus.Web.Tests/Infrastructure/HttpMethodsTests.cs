using System.Net;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>An empty site with one post.</summary>
public sealed class OnePostApp : EmptyChorusFactory
{
    public override Task InitializeAsync() => this.Add(Posts.Make("Methods post", Clock.GetUtcNow().UtcDateTime.AddDays(-1)));
}

/// <summary>A method an address does not take is a 405 naming the ones it does, never a 500 (TRACE used to be, on ten page types).</summary>
public sealed class HttpMethodsTests(OnePostApp app) : IClassFixture<OnePostApp>
{
    private async Task<HttpResponseMessage> Send(string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
        return await app.CreatePlainClient().SendAsync(request);
    }

    private static readonly string[] Methods = ["TRACE", "PATCH", "PUT", "DELETE", "FOO"];

    private static readonly string[] Urls =
    [
        "/en/", "/en/news/methods-post", "/en/events", "/en/organizations", "/en/search?q=x", "/en/feed.xml", "/en/events.ics",
        "/api/v1/posts", "/api/v1/posts/methods-post", "/account/login", "/admin/posts",
    ];

    public static TheoryData<string, string> Addresses
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var method in Methods)
            {
                foreach (var url in Urls)
                {
                    data.Add(method, url);
                }
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public async Task A_method_the_address_does_not_take_is_405_with_the_methods_it_does(string method, string url)
    {
        var response = await Send(method, url);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task The_405_is_the_error_page_in_the_reader_s_language()
    {
        var response = await Send("TRACE", "/fr/news/methods-post");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("Cette adresse n’accepte pas ce type de requête.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_methods_a_page_takes_still_work()
    {
        Assert.Equal(HttpStatusCode.OK, (await Send("GET", "/en/news/methods-post")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send("HEAD", "/en/news/methods-post")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Send("HEAD", "/api/v1/posts")).StatusCode);
        // A form post without its antiforgery token is refused as before, not as a wrong method.
        Assert.Equal(HttpStatusCode.BadRequest, (await Send("POST", "/account/login")).StatusCode);
    }
}
