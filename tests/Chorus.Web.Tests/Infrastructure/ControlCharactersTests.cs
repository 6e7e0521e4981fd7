using System.Globalization;
using System.Net;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Features.Events;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>
/// A control character typed or pasted into a form (U+0001 in an event title) is dropped on the way in: XML cannot carry
/// it, and one such title used to take the event feeds down for every reader.
/// </summary>
public sealed class ControlCharactersTests(EventsApp app) : IClassFixture<EventsApp>
{
    private async Task<string> Fetch(string url)
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(text, c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));
        return text;
    }

    private async Task Save(string editor, Dictionary<string, string> fields) =>
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(app.Editor, editor, fields, "form.editor", "Save")).StatusCode);

    private async Task<IEnumerable<string>> FeedTitles(string url)
    {
        using var reader = XmlReader.Create(new StringReader(await Fetch(url)));
        return SyndicationFeed.Load(reader).Items.Select(i => i.Title.Text);
    }

    [Fact]
    public async Task A_control_character_in_an_event_title_is_dropped_and_the_feeds_and_calendars_still_work()
    {
        var start = app.Clock.GetUtcNow().AddDays(10).ToString("yyyy-MM-dd'T'10:00", CultureInfo.InvariantCulture);
        var end = app.Clock.GetUtcNow().AddDays(10).ToString("yyyy-MM-dd'T'11:00", CultureInfo.InvariantCulture);
        await Save("/admin/events/new", new()
        {
            ["Input.Title"] = "Briefing\u0001 on\u0085 returns", ["Input.Slug"] = "control-briefing", ["Input.Kind"] = "Single",
            ["Input.TimeZone"] = "Europe/Paris", ["Input.Start"] = start, ["Input.End"] = end, ["Input.Culture"] = "en", ["Input.Format"] = "Online",
            ["Input.Registration"] = "None", ["Input.Summary"] = "Line one,\r\nline two,\tand a bell\u0007.", ["Input.Body"] = "Text\u001b[31m in red?",
        });

        Assert.Contains("Briefing on returns", await FeedTitles("/en/events/feed.xml"));
        Assert.Contains("Briefing on returns", await FeedTitles("/en/events/feed.atom"));
        Assert.Contains("SUMMARY:Briefing on returns", await Fetch("/en/events/control-briefing.ics"), StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Briefing on returns", await Fetch("/en/events.ics"), StringComparison.Ordinal);
        var summary = await app.WithDb(db => db.Events.Where(e => e.Slug == "control-briefing").Select(e => e.Summary).SingleAsync());
        Assert.Equal("Line one,\r\nline two,\tand a bell.", summary); // tab and line breaks are text, and stay
    }

    [Fact]
    public async Task A_control_character_in_a_post_is_dropped_and_the_news_feed_still_works()
    {
        await Save("/admin/posts/new", new()
        {
            ["Input.Title"] = "Statement\u0002 on detention", ["Input.Body"] = "Pasted\u0003 from a PDF\u001f.", ["Input.Status"] = "Published",
        });

        Assert.Contains("Statement on detention", await FeedTitles("/en/feed.xml"));
        Assert.Contains("Statement on detention", await FeedTitles("/en/feed.atom"));
        Assert.Contains("Pasted from a PDF.", await Fetch("/en/feed.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_in_a_form_is_a_bad_request_said_as_one()
    {
        // ASP.NET Core's form reader refuses %00 itself; the error page must call it a bad request, not a failure of ours.
        using var form = new StringContent("Input.Email=a%00b", System.Text.Encoding.ASCII, "application/x-www-form-urlencoded");
        var response = await app.CreatePlainClient().PostAsync(new Uri("/account/login", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>Bad request</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public sealed record JsonProbe(string Title, List<string> Tags, string[] Names, JsonProbe? Inner);

    [Fact]
    public void Objects_read_from_json_lose_escaped_control_characters_too()
    {
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var read = JsonSerializer.Deserialize<JsonProbe>("""
            { "title": "Briefing\u0001 on returns", "tags": ["a\u0002b", "tab\tkept"], "names": ["x\u007fy"],
              "inner": { "title": "line\nbreak\u009f", "tags": [], "names": [] } }
            """, options)!;

        Assert.Equal("Briefing on returns", read.Title);
        Assert.Equal(["ab", "tab\tkept"], read.Tags);
        Assert.Equal(["xy"], read.Names);
        Assert.Equal("line\nbreak", read.Inner!.Title);
    }
}
