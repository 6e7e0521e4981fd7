using Chorus.Web.Features.Events;

namespace Chorus.Web.Tests.Features.Events;

/// <summary>The upcoming events list: a series under way placed by its next session among events not yet begun.</summary>
public sealed class EventsListTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    private static string[] Titles(AngleSharp.Html.Dom.IHtmlDocument html) =>
        [.. html.QuerySelectorAll("ol.events > li h2").Select(h => h.TextContent.Trim())];

    [Fact]
    public async Task A_series_under_way_sits_at_its_next_session_and_paging_loses_nothing()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var hour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0);
        Event Single(string title, DateTime start) => new()
        {
            Title = title, Slug = Chorus.Web.Infrastructure.Slugs.From(title), LocalStart = start, LocalEnd = start.AddHours(1),
        };
        await app.WithDb(async db =>
        {
            // Weekly since three weeks ago: its next session is in 12.5 hours.
            var series = new Event
            {
                Title = "Weekly dialogue", Slug = "weekly-dialogue", Kind = EventKind.Series,
                LocalStart = hour.AddDays(-21).AddHours(12.5), LocalEnd = hour.AddDays(-21).AddHours(13.5),
                Recurrence = new Recurrence { Frequency = RecurrenceFrequency.Weekly, Count = 6 },
            };
            var deleted = Single("Deleted event", hour.AddHours(5));
            deleted.DeletedAt = now;
            Event[] events = [series, deleted, Single("Yesterday's event", hour.AddDays(-1)),
                .. Enumerable.Range(1, 25).Select(n => Single($"Event {n:00}", hour.AddHours(3 * n)))];
            foreach (var e in events)
            {
                EventSchedule.Schedule(e);
            }
            db.Events.AddRange(events);
            await db.SaveChangesAsync();
        });

        string[] expected = ["Event 01", "Event 02", "Event 03", "Event 04", "Weekly dialogue", .. Enumerable.Range(5, 21).Select(n => $"Event {n:00}")];
        var (_, first) = await app.GetHtml("/en/events");
        Assert.Equal(expected[..20], Titles(first));
        var (_, second) = await app.GetHtml(first.QuerySelector("a[rel=next]")!.GetAttribute("href")!);
        Assert.Equal(expected[20..], Titles(second));
        Assert.Null(second.QuerySelector("a[rel=next]"));

        var (_, past) = await app.GetHtml("/en/events?when=past");
        Assert.Equal(["Yesterday's event"], Titles(past));
    }
}
