using System.Net;
using AngleSharp.Html.Parser;

namespace Chorus.Web.Tests.Features.Events;

/// <summary>The demo Migrants Day programme, read from Manila and from New York.</summary>
public sealed class ReaderTimeTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> Page(string zone, string path = "/en/events/international-migrants-day-2021")
    {
        var client = app.CreatePlainClient();
        client.DefaultRequestHeaders.Add("Cookie", $"tz={Uri.EscapeDataString(zone)}");
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Asia/Manila", "Friday 17 December 2021, 17:00–17:45 PST")]
    [InlineData("America/New_York", "Friday 17 December 2021, 04:00–04:45 EST")]
    public async Task The_opening_at_10_00_CET_shows_in_the_readers_own_time(string zone, string expected)
    {
        var html = await Page(zone);

        var opening = html.QuerySelectorAll(".sessions > li")[0];
        Assert.Equal("Friday 17 December 2021, 10:00–10:45 CET", opening.QuerySelector("time")!.TextContent);
        var reader = opening.QuerySelector(".when.reader")!.TextContent;
        Assert.Contains(expected, reader, StringComparison.Ordinal);
        Assert.Contains("Your time zone is not the event's", reader, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Readers_in_the_events_zone_see_one_time_and_each_zone_caches_its_own_copy()
    {
        var paris = await Page("Europe/Paris");
        var manila = await Page("Asia/Manila");
        var parisAgain = await Page("Europe/Paris");

        Assert.Empty(paris.QuerySelectorAll(".sessions > li:first-child .when.reader"));
        Assert.NotEmpty(manila.QuerySelectorAll(".sessions > li:first-child .when.reader"));
        Assert.Empty(parisAgain.QuerySelectorAll(".sessions > li:first-child .when.reader"));
    }

    [Fact]
    public async Task The_zone_form_remembers_the_choice_and_returns_to_the_page()
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri("/timezone?zone=Asia/Manila&returnUrl=/en/events/international-migrants-day-2021", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/events/international-migrants-day-2021", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tz=Asia%2FManila", StringComparison.Ordinal));
        var away = await app.CreatePlainClient().GetAsync(new Uri("/timezone?zone=Asia/Manila&returnUrl=//evil.example/", UriKind.Relative));
        Assert.Equal("/", away.Headers.Location!.OriginalString);
        // A tab makes "/\t/evil.example/" into "//evil.example/" for a browser.
        var tab = await app.CreatePlainClient().GetAsync(new Uri("/timezone?zone=Asia/Manila&returnUrl=/%09/evil.example/", UriKind.Relative));
        Assert.Equal("/", tab.Headers.Location!.OriginalString);
        var arabic = await app.CreatePlainClient().GetAsync(new Uri("/timezone?zone=Asia/Manila&returnUrl=/ar/events/%D8%B3%D9%84%D8%A7%D9%85", UriKind.Relative));
        Assert.Equal("/ar/events/%D8%B3%D9%84%D8%A7%D9%85", arabic.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_programme_lists_every_session_with_its_host_language_and_json_ld()
    {
        var html = await Page("Europe/Paris");

        Assert.Equal(8, html.QuerySelectorAll(".sessions > li").Length);
        Assert.Contains("In French", html.QuerySelectorAll(".sessions > li").Select(li => li.TextContent).Single(t => t.Contains("Sahel", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.NotNull(html.QuerySelector("figure.clock svg"));
        var json = System.Text.Json.JsonDocument.Parse(html.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("Event", json.GetProperty("@type").GetString());
        Assert.Equal("2021-12-17T10:00:00+01:00", json.GetProperty("startDate").GetString());
        Assert.Equal("https://schema.org/OnlineEventAttendanceMode", json.GetProperty("eventAttendanceMode").GetString());
    }

    [Fact]
    public async Task The_upcoming_list_is_never_empty_and_the_feed_subscribes_to_it()
    {
        var (_, list) = await app.GetHtml("/en/events");
        Assert.NotEmpty(list.QuerySelectorAll("ol.events > li"));

        var feed = await app.CreatePlainClient().GetAsync(new Uri("/en/events.ics", UriKind.Relative));
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        Assert.Contains(calendar.Events, e => e.Summary == "Regular pathways now: a briefing for members");
        Assert.Contains(calendar.TimeZones, z => z.TzId == "Europe/Zurich");
    }
}
