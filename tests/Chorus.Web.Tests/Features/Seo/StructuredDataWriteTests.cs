using System.Text.Json;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Organisations;

namespace Chorus.Web.Tests.Features.Seo;

/// <summary>schema.org data of events, series and posts as search engines need it: places with addresses, organisers with pages, no empty fields.</summary>
public sealed class StructuredDataWriteTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    private async Task<JsonElement> Thing(string url, string type)
    {
        var (_, html) = await app.GetHtml(url);
        var json = JsonDocument.Parse(html.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        AssertNoNulls(json, url);
        return json.ValueKind == JsonValueKind.Array ? json.EnumerateArray().Single(t => t.GetProperty("@type").GetString() == type) : json;
    }

    private static void AssertNoNulls(JsonElement element, string where)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Assert.True(property.Value.ValueKind != JsonValueKind.Null, $"{where}: \"{property.Name}\" is null");
                    AssertNoNulls(property.Value, where);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    AssertNoNulls(item, where);
                }
                break;
        }
    }

    [Fact]
    public async Task A_hybrid_event_has_its_place_with_an_address_its_online_room_and_organisers_with_their_pages()
    {
        var start = app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(20).AddHours(9);
        await app.WithDb(async db =>
        {
            var host = new Organisation { Name = "Geneva Migrant Forum", Slug = "geneva-migrant-forum", Country = "CH", Type = OrganisationType.Ngo };
            var e = new Event
            {
                Title = "Regional review in Geneva", Slug = "regional-review-in-geneva", Format = EventFormat.Hybrid,
                Venue = "Palais des Nations, Avenue de la Paix 8, Geneva", JoinUrl = "https://meet.example/review", LocalStart = start, LocalEnd = start.AddHours(3),
            };
            e.Hosts.Add(new EventHost { Organisation = host, Position = 0 });
            EventSchedule.Schedule(e);
            db.Events.Add(e);
            await db.SaveChangesAsync();
        });

        var data = await Thing("/en/events/regional-review-in-geneva", "Event");
        var location = data.GetProperty("location").EnumerateArray().ToList();
        var place = location.Single(l => l.GetProperty("@type").GetString() == "Place");
        Assert.Equal("Palais des Nations, Avenue de la Paix 8, Geneva", place.GetProperty("address").GetString());
        Assert.Equal("https://meet.example/review", location.Single(l => l.GetProperty("@type").GetString() == "VirtualLocation").GetProperty("url").GetString());
        Assert.Equal("https://schema.org/MixedEventAttendanceMode", data.GetProperty("eventAttendanceMode").GetString());
        var organiser = data.GetProperty("organizer").EnumerateArray().Single();
        Assert.Equal("http://localhost/en/organizations/geneva-migrant-forum", organiser.GetProperty("url").GetString());
    }

    [Fact]
    public async Task A_series_is_an_event_series_whose_sessions_are_its_sub_events_the_cancelled_one_marked()
    {
        var start = app.Clock.GetUtcNow().UtcDateTime.Date.AddDays(10).AddHours(14);
        await app.WithDb(async db =>
        {
            var series = new Event
            {
                Title = "Weekly webinar", Slug = "weekly-webinar", Kind = EventKind.Series, LocalStart = start, LocalEnd = start.AddHours(1),
                Recurrence = new Recurrence { Frequency = RecurrenceFrequency.Weekly, Count = 3 },
            };
            EventSchedule.Schedule(series);
            series.Sessions.OrderBy(s => s.LocalStart).ElementAt(1).Status = SessionStatus.Cancelled;
            EventSchedule.Derive(series);
            db.Events.Add(series);
            await db.SaveChangesAsync();
        });

        var data = await Thing("/en/events/weekly-webinar", "EventSeries");
        var sessions = data.GetProperty("subEvent").EnumerateArray().ToList();
        Assert.Equal(3, sessions.Count);
        Assert.Equal(["EventScheduled", "EventCancelled", "EventScheduled"],
            sessions.Select(s => s.GetProperty("eventStatus").GetString()!.Replace("https://schema.org/", "", StringComparison.Ordinal)));
        Assert.All(sessions, s => Assert.Equal("Event", s.GetProperty("@type").GetString()));
    }

    [Fact]
    public async Task A_post_with_a_featured_image_names_it()
    {
        var post = Posts.Make("Pictured news", app.Clock.GetUtcNow().UtcDateTime.AddDays(-1));
        post.Image = new Chorus.Web.Features.Media.MediaItem
        {
            OriginalName = "forum.jpg", AltText = "The forum", Hash = "0123456789abcdef", Widths = [480, 960], Height = 640,
        };
        await app.Add(post);

        var article = await Thing("/en/news/pictured-news", "NewsArticle");
        Assert.Equal("http://localhost/media/0123456789abcdef-960.jpg", article.GetProperty("image").GetString());
    }
}
