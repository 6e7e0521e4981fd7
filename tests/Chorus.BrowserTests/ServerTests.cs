using System.Net;

namespace Chorus.BrowserTests;

/// <summary>What only the real server (Kestrel, behind no proxy) shows: its headers and what it refuses to send.</summary>
public sealed class ServerTests(LiveSite site) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task The_server_does_not_name_itself()
    {
        var response = await site.Http.GetAsync(new Uri("/en/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [BrowserFact]
    public async Task A_language_link_back_to_an_arabic_address_redirects_instead_of_failing()
    {
        // Kestrel refuses a Location header that is not ASCII; the site keeps Arabic slugs.
        var response = await site.Http.GetAsync(new Uri("/culture/ar?returnUrl=%2Far%2Fnews%2F%D8%B3%D9%84%D8%A7%D9%85", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ar/news/%D8%B3%D9%84%D8%A7%D9%85", response.Headers.Location!.OriginalString);
    }

    [BrowserFact]
    public async Task A_request_for_another_host_is_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/en/", UriKind.Relative));
        request.Headers.Host = "evil.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await site.Http.SendAsync(request)).StatusCode);
    }
}
