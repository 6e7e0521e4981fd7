using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Events;
using Chorus.Web.Tests.Features.Accounts;
using Ical.Net.DataTypes;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Chorus.Web.Tests.Features.Events;

/// <summary>Series made in the editor: wall-clock times kept across daylight-saving changes, and calendars that say the same.</summary>
public sealed class SeriesAndCalendarTests(EventsApp app) : IClassFixture<EventsApp>
{
    private async Task<Event> CreateSeries(string title, Dictionary<string, string> more)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Kind"] = "Series", ["Input.TimeZone"] = "Europe/Paris", ["Input.Format"] = "Online",
            ["Input.Registration"] = "None", ["Input.Culture"] = "en", ["Input.Frequency"] = "Weekly", ["Input.Interval"] = "1",
        };
        foreach (var (k, v) in more)
        {
            fields[k] = v;
        }
        var saved = await Staff.PostFormAsync(app.Editor, "/admin/events/new", fields, "form.editor", "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var slug = Chorus.Web.Infrastructure.Slugs.From(title);
        return await app.WithDb(db => db.Events.Include(e => e.Sessions).SingleAsync(e => e.Slug == slug));
    }

    [Fact]
    public async Task A_weekly_series_at_15_00_Paris_crosses_the_end_of_summer_time_without_moving()
    {
        // The last Sunday of October 2026 is the 25th: Tuesdays before are CEST (UTC+2), after are CET (UTC+1).
        var series = await CreateSeries("Autumn webinars", new()
        {
            ["Input.Start"] = "2026-10-13T15:00", ["Input.End"] = "2026-10-13T16:00", ["Input.Weekdays"] = "TU", ["Input.Count"] = "4",
        });

        var starts = series.Sessions.OrderBy(s => s.StartsAt).Select(s => s.StartsAt).ToList();
        Assert.Equal([new DateTime(2026, 10, 13, 13, 0, 0), new DateTime(2026, 10, 20, 13, 0, 0), new DateTime(2026, 10, 27, 14, 0, 0), new DateTime(2026, 11, 3, 14, 0, 0)],
            starts.Select(s => DateTime.SpecifyKind(s, DateTimeKind.Unspecified)));
        var (_, page) = await app.GetHtml("/en/events/autumn-webinars");
        var times = page.QuerySelectorAll(".sessions time").Select(t => t.TextContent).ToList();
        Assert.EndsWith("15:00–16:00 CEST", times[0], StringComparison.Ordinal);
        Assert.EndsWith("15:00–16:00 CEST", times[1], StringComparison.Ordinal);
        Assert.EndsWith("15:00–16:00 CET", times[2], StringComparison.Ordinal);
        Assert.Equal("2026-10-27T14:00:00Z", page.QuerySelectorAll(".sessions time")[2].GetAttribute("datetime"));

        // A calendar app reading our file finds the same four instants.
        var ics = Ical.Net.Calendar.Load(await app.CreatePlainClient().GetStringAsync(new Uri("/en/events/autumn-webinars.ics", UriKind.Relative)))!;
        var occurrences = ics.GetOccurrences(new CalDateTime(2026, 1, 1, 0, 0, 0, "UTC"), null).Take(10).Select(o => o.Period.StartTime.AsUtc).ToList();
        Assert.Equal(starts, occurrences);
    }

    [Fact]
    public async Task The_last_Tuesday_of_each_month_for_a_year_agrees_with_the_published_rule()
    {
        var rule = new Recurrence { Frequency = RecurrenceFrequency.Monthly, ByDay = "TU", Ordinal = -1, Count = 12 };

        var dates = rule.Occurrences(new LocalDate(2027, 1, 1)).Select(d => d.ToString("yyyy-MM-dd", null)).ToList();

        Assert.Equal(["2027-01-26", "2027-02-23", "2027-03-30", "2027-04-27", "2027-05-25", "2027-06-29",
            "2027-07-27", "2027-08-31", "2027-09-28", "2027-10-26", "2027-11-30", "2027-12-28"], dates);
        var series = await CreateSeries("Members' call 2027", new()
        {
            ["Input.Start"] = "2027-01-26T16:00", ["Input.End"] = "2027-01-26T17:00", ["Input.Frequency"] = "Monthly", ["Input.Weekdays"] = "TU",
            ["Input.Ordinal"] = "-1", ["Input.Count"] = "12",
        });
        var ics = Ical.Net.Calendar.Load(await app.CreatePlainClient().GetStringAsync(new Uri($"/en/events/{series.Slug}.ics", UriKind.Relative)))!;
        Assert.Contains("BYDAY=-1TU", ics.Events.Single().RecurrenceRule!.ToString(), StringComparison.Ordinal);
        var fromCalendar = ics.GetOccurrences(new CalDateTime(2027, 1, 1, 0, 0, 0, "UTC"), null).Take(20)
            .Select(o => o.Period.StartTime.Date.ToString("yyyy-MM-dd", null)).ToList();
        Assert.Equal(dates, fromCalendar);
    }

    [Fact]
    public async Task A_cancelled_session_becomes_an_exdate_and_a_moved_one_an_override()
    {
        var series = await CreateSeries("Winter clinics", new()
        {
            ["Input.Start"] = "2027-01-05T18:00", ["Input.End"] = "2027-01-05T19:00", ["Input.Weekdays"] = "TU", ["Input.Count"] = "3",
        });
        var sessions = series.Sessions.OrderBy(s => s.StartsAt).ToList();
        Task<HttpResponseMessage> Edit(int id, Dictionary<string, string> fields) =>
            Staff.PostFormAsync(app.Editor, $"/admin/events/{series.Id}/sessions?session={id}", fields, "form.editor", "Save");

        Assert.Equal(HttpStatusCode.Redirect, (await Edit(sessions[1].Id, new() { ["Input.Cancelled"] = "true", ["Input.Scope"] = "This" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Edit(sessions[2].Id, new() { ["Input.Start"] = "2027-01-19T19:30", ["Input.End"] = "2027-01-19T20:30", ["Input.Title"] = "Moved for the holiday", ["Input.Scope"] = "This" })).StatusCode);

        var text = await app.CreatePlainClient().GetStringAsync(new Uri("/en/events/winter-clinics.ics", UriKind.Relative));
        Assert.Contains("EXDATE;TZID=Europe/Paris:20270112T180000", text, StringComparison.Ordinal);
        Assert.Contains("RECURRENCE-ID;TZID=Europe/Paris:20270119T180000", text, StringComparison.Ordinal);
        var ics = Ical.Net.Calendar.Load(text)!;
        var occurrences = ics.GetOccurrences(new CalDateTime(2027, 1, 1, 0, 0, 0, "UTC"), null).Select(o => o.Period.StartTime.AsUtc).ToList();
        Assert.Equal([new DateTime(2027, 1, 5, 17, 0, 0, DateTimeKind.Utc), new DateTime(2027, 1, 19, 18, 30, 0, DateTimeKind.Utc)], occurrences);

        var (_, page) = await app.GetHtml("/en/events/winter-clinics");
        var items = page.QuerySelectorAll(".sessions > li").ToList();
        Assert.Equal(3, items.Count);
        Assert.Contains("This session will not take place.", items[1].QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Session 3: Moved for the holiday", items[2].QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("Moved from its usual time.", items[2].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_mistakes_are_explained_and_nothing_is_saved()
    {
        var response = await Staff.PostFormAsync(app.Editor, "/admin/events/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "", ["Input.TimeZone"] = "Mars/Olympus_Mons", ["Input.Start"] = "tomorrow", ["Input.End"] = "later",
        }, "form.editor", "Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("Give the event a title.", html.QuerySelector("[data-valmsg-for='Input.Title']")!.TextContent);
        Assert.Equal("“Mars/Olympus_Mons” is not a time zone; choose one from the list, such as Europe/Paris.", html.QuerySelector("[data-valmsg-for='Input.TimeZone']")!.TextContent);
    }

    [Fact]
    public async Task A_translated_event_reads_in_French_and_falls_back_with_a_notice()
    {
        var saved = await Staff.PostFormAsync(app.Editor, "/admin/events/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Consultation on labour mobility", ["Input.Kind"] = "Single", ["Input.TimeZone"] = "Africa/Dakar",
            ["Input.Start"] = "2027-03-10T10:00", ["Input.End"] = "2027-03-10T12:00", ["Input.Culture"] = "en", ["Input.Format"] = "Online",
            ["Input.Registration"] = "None", ["Input.Body"] = "In English.",
            ["Input.Translations[fr].Title"] = "Consultation sur la mobilité de la main-d'œuvre", ["Input.Translations[fr].Body"] = "En **français**.",
        }, "form.editor", "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (_, french) = await app.GetHtml("/fr/events/consultation-on-labour-mobility");
        var (_, spanish) = await app.GetHtml("/es/events/consultation-on-labour-mobility");

        Assert.Equal("Consultation sur la mobilité de la main-d'œuvre", french.QuerySelector("h1")!.TextContent);
        Assert.Equal("français", french.QuerySelector(".body strong")!.TextContent);
        Assert.Equal("Consultation on labour mobility", spanish.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", spanish.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.NotNull(spanish.QuerySelector("article > p.notice"));
        Assert.Contains("GMT", french.QuerySelector(".when time")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/events?after=yesterday")]
    [InlineData("/en/events?when=someday")]
    [InlineData("/en/events/month/2021-13")]
    [InlineData("/timezone?zone=Mars/Olympus_Mons")]
    public async Task Addresses_that_cannot_be_understood_are_bad_requests(string url)
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
