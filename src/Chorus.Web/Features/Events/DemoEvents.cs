using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Chorus.Web.Features.Events;

/// <summary>
/// The demo calendar: the Migrants Day 2021 programme hosted from every region, the five-Tuesday webinar series
/// of 2021, the July 2021 dialogue, partners' events at the 2021 High-Level Political Forum, and a few events
/// after today so the upcoming list is never empty.
/// </summary>
internal static class DemoEvents
{
    private static DateTime At(int y, int mo, int d, int h, int mi = 0) => new(y, mo, d, h, mi, 0, DateTimeKind.Unspecified);

    public static async Task SeedAsync(ChorusDb db, TimeProvider clock)
    {
        var posts = await db.Posts.ToDictionaryAsync(p => p.Slug, p => p.Id);
        var orgs = await db.Organisations.ToDictionaryAsync(o => o.Slug, o => o.Id);
        int? Post(string slug) => posts.TryGetValue(slug, out var id) ? id : null;
        List<EventHost> Hosts(params string[] slugs) => [.. slugs.Select((s, n) => new EventHost { OrganisationId = orgs[s], Position = n })];
        EventSession Session(string title, string zone, DateTime start, int minutes, string? host, string language, string? description = null) => new()
        {
            Title = title, TimeZone = zone, LocalStart = start, LocalEnd = start.AddMinutes(minutes), HostId = host is null ? null : orgs[host],
            Language = language, Description = description, JoinUrl = "https://meet.example/migrants-day-2021",
        };

        var migrantsDay = new Event
        {
            Title = "International Migrants Day 2021", Slug = "international-migrants-day-2021", Kind = EventKind.Programme, Format = EventFormat.Online,
            Summary = "A day of online sessions hosted by members in every region, from Manila to Mexico City.",
            BodyMarkdown = "On 18 December the world marks International Migrants Day. The day before, members of the coalition host a programme of short online sessions, each from its own region and in its own language, with interpretation into English, French and Spanish.",
            TimeZone = "Europe/Paris", LocalStart = At(2021, 12, 17, 10), LocalEnd = At(2021, 12, 17, 17, 30),
            JoinUrl = "https://meet.example/migrants-day-2021", InterpretationLanguages = ["en", "fr", "es"], Registration = RegistrationMode.None,
            Hosts = Hosts("crossroads-coalition-secretariat"), PostId = Post("international-migrants-day-2021-a-day-of-online-events-around-the-world"),
            RecordingUrl = "https://video.example/migrants-day-2021",
            Sessions =
            [
                Session("Opening: a day around the world", "Europe/Paris", At(2021, 12, 17, 10), 45, "crossroads-coalition-secretariat", "en"),
                Session("Migrant domestic workers in Asia", "Asia/Manila", At(2021, 12, 17, 17, 45), 60, "asia-pacific-migrant-workers-alliance", "en"),
                Session("Mixed migration in East Africa", "Africa/Nairobi", At(2021, 12, 17, 14), 60, "migrant-rights-centre-nairobi", "en"),
                Session("Routes across the Sahel", "Africa/Dakar", At(2021, 12, 17, 12, 15), 60, "sahel-mobility-network", "fr"),
                Session("Domestic workers in the Middle East", "Asia/Beirut", At(2021, 12, 17, 15, 30), 60, "lebanon-domestic-workers-solidarity", "ar"),
                Session("Along the routes of the Americas", "America/Mexico_City", At(2021, 12, 17, 8, 45), 60, "red-puentes-de-las-americas", "es"),
                Session("Diaspora voices", "America/New_York", At(2021, 12, 17, 10, 0), 45, "haitian-diaspora-network", "en"),
                Session("Closing and call to action", "Europe/Paris", At(2021, 12, 17, 17, 0), 30, "crossroads-coalition-secretariat", "en"),
            ],
        };
        string[] topics = ["Migration, COVID-19 and a New Social Contract", "Race and Ethnicity in Migration", "Detention and Return",
            "Regular Pathways and Irregular Migration", "Climate Change and Migration"];
        var webinars = new Event
        {
            Title = "Weekly webinars on the future of migration governance", Slug = "weekly-webinars-2021", Kind = EventKind.Series, Format = EventFormat.Online,
            Summary = "Five Tuesdays, one topic each, with speakers from member organisations and UN agencies.",
            BodyMarkdown = "A one-hour webinar every Tuesday, with interpretation into French and Spanish. Recordings are published after each session.",
            TimeZone = "Europe/Paris", LocalStart = At(2021, 11, 16, 15), LocalEnd = At(2021, 11, 16, 16),
            Recurrence = new Recurrence { Frequency = RecurrenceFrequency.Weekly, ByDay = "TU", Until = new DateOnly(2021, 12, 14) },
            JoinUrl = "https://meet.example/webinars-2021", InterpretationLanguages = ["fr", "es"], Registration = RegistrationMode.None,
            Hosts = Hosts("crossroads-coalition-secretariat"), PostId = Post("weekly-webinars-five-tuesdays-on-the-future-of-migration-governance"),
            RecordingUrl = "https://video.example/webinars-2021",
        };
        EventSchedule.Schedule(webinars);
        foreach (var (session, topic) in webinars.Sessions.OrderBy(s => s.LocalStart).Zip(topics))
        {
            session.Title = topic;
        }
        var dialogue = new Event
        {
            Title = "Civil society – Member States dialogue", Slug = "member-states-dialogue-2021", Kind = EventKind.Single, Format = EventFormat.Online,
            Summary = "After the open consultation of 28 June, the coalition brings its message to UN Member States.",
            BodyMarkdown = "Representatives of the coalition present the results of the open consultation and discuss implementation with Member States.",
            TimeZone = "America/New_York", LocalStart = At(2021, 7, 14, 10), LocalEnd = At(2021, 7, 14, 12), InterpretationLanguages = ["fr", "es"],
            Hosts = Hosts("crossroads-coalition-secretariat", "red-puentes-de-las-americas"), PostId = Post("dialogue-with-member-states-what-we-heard"),
            ReportUrl = "/en/news/dialogue-with-member-states-what-we-heard",
        };
        Event Hlpf(string title, int day, int hour, string host, string partner) => new()
        {
            Title = title, Slug = Infrastructure.Slugs.From(title), Kind = EventKind.Single, Format = EventFormat.Online, IsExternal = true,
            Registration = RegistrationMode.External, ExternalUrl = $"https://hlpf.example/2021/{Infrastructure.Slugs.From(title)}",
            Summary = $"A side event at the 2021 High-Level Political Forum, organised by {partner}.",
            TimeZone = "America/New_York", LocalStart = At(2021, 7, day, hour), LocalEnd = At(2021, 7, day, hour + 1, 30),
            Hosts = Hosts(host), Partners = partner, PostId = Post("civil-society-events-at-the-2021-high-level-political-forum"),
        };
        var today = Instant.FromDateTimeUtc(clock.GetUtcNow().UtcDateTime).InZone(EventTimes.Zone("Europe/Paris")).Date;
        DateTime Ahead(int days, int hour) => today.PlusDays(days).At(new LocalTime(hour, 0)).ToDateTimeUnspecified();
        var upcoming = new[]
        {
            new Event
            {
                Title = "Regular pathways now: a briefing for members", Slug = "regular-pathways-briefing", Kind = EventKind.Single, Format = EventFormat.Online,
                Summary = "What the new labour-mobility schemes mean for migrant workers, with time for questions.",
                BodyMarkdown = "An hour-long briefing by the secretariat and two member organisations. **Places are limited**: register to receive the link.",
                TimeZone = "Europe/Zurich", LocalStart = Ahead(12, 14), LocalEnd = Ahead(12, 15), JoinUrl = "https://meet.example/pathways-briefing",
                JoinUrlPublic = false, InterpretationLanguages = ["fr", "es", "ar"], Registration = RegistrationMode.Form, Capacity = 100,
                Hosts = Hosts("crossroads-coalition-secretariat", "bangladesh-migrant-workers-welfare-trust"),
            },
            new Event
            {
                Title = "Members' call", Slug = "members-call", Kind = EventKind.Series, Format = EventFormat.Online,
                Summary = "The monthly call of member organisations, on the last Tuesday of every month.",
                TimeZone = "Europe/Paris", LocalStart = Ahead(1, 16), LocalEnd = Ahead(1, 17), JoinUrl = "https://meet.example/members-call", JoinUrlPublic = false,
                Recurrence = new Recurrence { Frequency = RecurrenceFrequency.Monthly, ByDay = "TU", Ordinal = -1, Count = 6 },
                Registration = RegistrationMode.Form, Hosts = Hosts("crossroads-coalition-secretariat"),
            },
            new Event
            {
                Title = "Regional meeting for East Africa", Slug = "east-africa-regional-meeting", Kind = EventKind.Single, Format = EventFormat.Hybrid,
                Summary = "Members in East Africa meet in Nairobi and online to prepare next year's priorities.",
                TimeZone = "Africa/Nairobi", LocalStart = Ahead(40, 9), LocalEnd = Ahead(40, 16), Venue = "Nairobi, Kenya", JoinUrl = "https://meet.example/east-africa",
                JoinUrlPublic = false, InterpretationLanguages = ["fr"], Registration = RegistrationMode.Form, Capacity = 40,
                Hosts = Hosts("migrant-rights-centre-nairobi", "uganda-refugee-women-s-network"),
            },
        };
        db.Events.AddRange([migrantsDay, webinars, dialogue,
            Hlpf("Leaving no migrant behind in the recovery", 7, 8, "crossroads-coalition-secretariat", "the coalition secretariat"),
            Hlpf("Decent work for migrant domestic workers", 9, 11, "global-alliance-of-migrant-domestic-workers", "the domestic workers' network"),
            Hlpf("Data that counts: migrants in the SDG indicators", 12, 9, "open-borders-research-consortium", "academic partners"),
            Hlpf("Climate, displacement and the 2030 Agenda", 14, 13, "pacific-climate-mobility-network", "the climate mobility working group"),
            .. upcoming]);
        foreach (var e in db.Events.Local)
        {
            EventSchedule.Schedule(e);
        }
        await db.SaveChangesAsync();
    }
}
