using System.Net;
using System.Text.Json;
using Chorus.Web.Features.Content;

namespace Chorus.Web.Tests.Features.Api;

/// <summary>An empty site whose API limit no test reaches.</summary>
public class ApiApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Api:RequestsPerMinute", "100000")];
}

/// <summary>The demo site, with the same generous limit (its tests walk every page of every list).</summary>
public class DemoApiApp : ChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Api:RequestsPerMinute", "100000")];
}

/// <summary>An empty site that lets one address make three API requests a minute.</summary>
public class LimitedApiApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Api:RequestsPerMinute", "3")];
}

internal static class Api
{
    public static async Task<HttpResponseMessage> Get(this ChorusFactory app, string url, Action<HttpRequestMessage>? change = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.RelativeOrAbsolute));
        change?.Invoke(request);
        return await app.CreatePlainClient().SendAsync(request);
    }

    /// <summary>The JSON of a 200 answer (failing the test on any other status).</summary>
    public static async Task<JsonElement> Json(this ChorusFactory app, string url)
    {
        var response = await app.Get(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Every item of a list, following its next links; also the number of pages read.</summary>
    public static async Task<(List<JsonElement> Items, int Pages)> Walk(this ChorusFactory app, string url)
    {
        var items = new List<JsonElement>();
        var pages = 0;
        for (string? next = url; next is not null; pages++)
        {
            var page = await app.Json(next);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            next = page.GetProperty("next").GetString();
        }
        return (items, pages);
    }

    /// <summary>Adds posts in a category of their own, so a test can list just its posts.</summary>
    public static Task AddInCategory(this ChorusFactory app, string category, params Post[] posts) => app.WithDb(async db =>
    {
        var found = (await CategoryLookup.FindOrAddAsync(db, [category], CancellationToken.None))[0];
        foreach (var post in posts)
        {
            post.Categories.Add(found);
        }
        db.Posts.AddRange(posts);
        await db.SaveChangesAsync();
    });

    public static string Slug(string category) => Chorus.Web.Infrastructure.Slugs.From(category);
}
