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
    [Fact]
    public async Task The_series_editor_names_the_weekdays_rather_than_their_rule_codes()
    {
        var form = await new HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri("/admin/events/new", UriKind.Relative)));

        var days = form.QuerySelectorAll("input[name='Input.Weekdays']").Select(i => (i.GetAttribute("value"), i.ParentElement!.TextContent.Trim())).ToList();
        Assert.Equal([("MO", "Monday"), ("TU", "Tuesday"), ("WE", "Wednesday"), ("TH", "Thursday"), ("FR", "Friday"), ("SA", "Saturday"), ("SU", "Sunday")], days);
    }

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
        Assert.Equal(HttpStatusCode.Redirect, (await Edit(sessions[2].Id, new() { ["Input.Start"] = "2027-01-19T19:30", ["Input.End"] = "2027-01-19T20:30", ["Input.Title"] = "Moved for the holiday", ["Input.Description"] = "Bring **questions** about [the rule](/en/events).", ["Input.Scope"] = "This" })).StatusCode);

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
        // Its description is Markdown (written in the editor) on the page, plain words in calendars.
        Assert.Equal("questions", items[2].QuerySelector(".session-text strong")!.TextContent);
        Assert.Equal("/en/events", items[2].QuerySelector(".session-text a")!.GetAttribute("href"));
        Assert.Contains("DESCRIPTION:Bring questions about the rule.", text.ReplaceLineEndings("\n").Replace("\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        // It says from when: the slot the series gave it, in the event's zone.
        Assert.Equal("Moved from Tuesday 19 January 2027, 18:00 CET.", items[2].QuerySelector(".notice")!.TextContent.Trim());
        var (_, french) = await app.GetHtml("/fr/events/winter-clinics");
        Assert.Equal("Déplacée ; prévue à l'origine mardi 19 janvier 2027, 18:00 CET.", french.QuerySelectorAll(".sessions > li")[2].QuerySelector(".notice")!.TextContent.Trim());
        var admin = await new AngleSharp.Html.Parser.HtmlParser().ParseDocumentAsync(await app.Editor.GetStringAsync(new Uri($"/admin/events/{series.Id}/sessions", UriKind.Relative)));
        Assert.Contains("(moved from Tuesday 19 January 2027, 18:00 CET)", admin.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_series_web_calendar_links_add_only_its_next_session_as_the_ics_has_it()
    {
        // Three Tuesdays from next week: the first cancelled, the second moved an hour and a half later.
        var paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var first = Instant.FromDateTimeUtc(app.Clock.GetUtcNow().UtcDateTime).InZone(paris).Date.PlusDays(7).Next(IsoDayOfWeek.Tuesday);
        string Local(LocalDate d, int hour, int minute) => d.At(new LocalTime(hour, minute)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var series = await CreateSeries("Tuesday briefings", new()
        {
            ["Input.Start"] = Local(first, 18, 0), ["Input.End"] = Local(first, 19, 0), ["Input.Weekdays"] = "TU", ["Input.Count"] = "3",
        });
        var sessions = series.Sessions.OrderBy(s => s.StartsAt).ToList();
        Task<HttpResponseMessage> Edit(int id, Dictionary<string, string> fields) =>
            Staff.PostFormAsync(app.Editor, $"/admin/events/{series.Id}/sessions?session={id}", fields, "form.editor", "Save");
        Assert.Equal(HttpStatusCode.Redirect, (await Edit(sessions[0].Id, new() { ["Input.Cancelled"] = "true", ["Input.Scope"] = "This" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Edit(sessions[1].Id, new()
        {
            ["Input.Start"] = Local(first.PlusDays(7), 19, 30), ["Input.End"] = Local(first.PlusDays(7), 20, 30), ["Input.Scope"] = "This",
        })).StatusCode);
        var movedStart = first.PlusDays(7).At(new LocalTime(19, 30)).InZoneStrictly(paris).ToDateTimeUtc();

        var (_, page) = await app.GetHtml("/en/events/tuesday-briefings");
        var links = page.QuerySelectorAll("a[rel~=external]").ToDictionary(a => a.TextContent.Trim(), a => new Uri(a.GetAttribute("href")!));
        var google = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(links["Google"].Query);
        Assert.False(google.ContainsKey("recur"));
        Assert.Equal($"{movedStart:yyyyMMdd'T'HHmmss'Z'}/{movedStart.AddHours(1):yyyyMMdd'T'HHmmss'Z'}", google["dates"].ToString());
        var outlook = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(links["Outlook"].Query);
        Assert.Equal(movedStart.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), outlook["startdt"].ToString());
        Assert.Equal(movedStart.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), outlook["enddt"].ToString());
        Assert.Contains("next session only", page.QuerySelector(".hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("webcal", new Uri(page.QuerySelector("a.subscribe")!.GetAttribute("href")!).Scheme);
        Assert.EndsWith("/en/events/tuesday-briefings.ics", page.QuerySelector("a.subscribe")!.GetAttribute("href"), StringComparison.Ordinal);

        // The calendar file has that occurrence at the same instant (and the cancelled one not at all).
        var ics = Ical.Net.Calendar.Load(await app.CreatePlainClient().GetStringAsync(new Uri("/en/events/tuesday-briefings.ics", UriKind.Relative)))!;
        var occurrences = ics.GetOccurrences(new CalDateTime(first.Year, 1, 1, 0, 0, 0, "UTC"), null).Take(10).Select(o => o.Period.StartTime.AsUtc).ToList();
        Assert.Equal(2, occurrences.Count);
        Assert.Equal(movedStart, occurrences[0]);
    }

    [Fact]
    public async Task An_event_across_the_change_of_clocks_ends_in_summer_time_on_its_page_and_in_the_feed()
    {
        // Next year's spring campaign in Paris: from 22 March (CET, before the last Sunday of March) to 25 May (CEST).
        var year = app.Clock.GetUtcNow().Year + 1;
        await app.AddEvent(new Event
        {
            Title = "Spring campaign weeks", Slug = "spring-campaign-weeks", TimeZone = "Europe/Paris",
            LocalStart = new DateTime(year, 3, 22, 10, 0, 0), LocalEnd = new DateTime(year, 5, 25, 17, 0, 0),
        });
        string Day(int month, int day) => new LocalDate(year, month, day).ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"));
        var expected = $"{Day(3, 22)}, 10:00 CET – {Day(5, 25)}, 17:00 CEST";

        var (_, page) = await app.GetHtml("/en/events/spring-campaign-weeks");
        Assert.Equal(expected, page.QuerySelector(".when time")!.TextContent);
        var feed = await app.CreatePlainClient().GetStringAsync(new Uri("/en/events/feed.xml", UriKind.Relative));
        Assert.Contains(expected, feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_session_raises_the_calendar_s_sequence_and_an_unchanged_calendar_answers_304()
    {
        var paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        var first = Instant.FromDateTimeUtc(app.Clock.GetUtcNow().UtcDateTime).InZone(paris).Date.PlusDays(7).Next(IsoDayOfWeek.Thursday);
        var day = first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var series = await CreateSeries("Thursday clinics", new()
        {
            ["Input.Start"] = day + "T09:00", ["Input.End"] = day + "T10:00", ["Input.Weekdays"] = "TH", ["Input.Count"] = "3",
        });
        var client = app.CreatePlainClient();
        async Task<(HttpResponseMessage Response, Ical.Net.CalendarComponents.CalendarEvent Master)> Read()
        {
            var response = await client.GetAsync(new Uri("/en/events/thursday-clinics.ics", UriKind.Relative));
            var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
            return (response, calendar.Events.Single(e => e.RecurrenceIdentifier is null));
        }
        var (before, master) = await Read();
        Assert.NotNull(before.Headers.ETag);
        Assert.NotNull(before.Content.Headers.LastModified);
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/en/events/thursday-clinics.ics", UriKind.Relative));
        again.Headers.IfNoneMatch.Add(before.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
        var feed = await client.GetAsync(new Uri("/en/events.ics", UriKind.Relative));
        Assert.NotNull(feed.Headers.ETag);
        Assert.NotNull(feed.Content.Headers.LastModified);

        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var middle = series.Sessions.OrderBy(x => x.StartsAt).ElementAt(1);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.PostFormAsync(app.Editor, $"/admin/events/{series.Id}/sessions?session={middle.Id}",
            new Dictionary<string, string> { ["Input.Cancelled"] = "true", ["Input.Scope"] = "This" }, "form.editor", "Save")).StatusCode);

        var (after, changed) = await Read();
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
        Assert.True(changed.Sequence > master.Sequence, $"SEQUENCE {changed.Sequence} after the change, {master.Sequence} before");
        Assert.True(changed.DtStamp!.AsUtc > master.DtStamp!.AsUtc);
        Assert.Contains("EXDATE", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
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
