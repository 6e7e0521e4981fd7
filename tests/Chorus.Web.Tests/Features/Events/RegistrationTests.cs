using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Events;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chorus.Web.Tests.Features.Events;

/// <summary>Registering through our own form: places, the waiting list, emails with a calendar file, cancel links and reminders.</summary>
public sealed class RegistrationTests(EventsApp app) : IClassFixture<EventsApp>
{
    private static readonly DateTime Soon = ChorusFactory.Start.UtcDateTime.AddDays(3);

    private Task<Event> Briefing(string slug, int? capacity, DateTime? startUtc = null) => app.AddEvent(new Event
    {
        Title = $"Briefing {slug}", Slug = slug, Kind = EventKind.Single, Format = EventFormat.Online, TimeZone = "Europe/Paris",
        LocalStart = DateTime.SpecifyKind((startUtc ?? Soon).AddHours(1), DateTimeKind.Unspecified),
        LocalEnd = DateTime.SpecifyKind((startUtc ?? Soon).AddHours(2), DateTimeKind.Unspecified),
        Registration = RegistrationMode.Form, Capacity = capacity, JoinUrl = "https://meet.example/briefing", JoinUrlPublic = false,
        InterpretationLanguages = ["fr"],
    });

    private static Task<HttpResponseMessage> Register(HttpClient client, string slug, string name, string email, bool consent = true) =>
        Staff.PostFormAsync(client, $"/en/events/{slug}/register", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Organisation"] = "Harbour Rights", ["Input.Country"] = "GR",
            ["Input.Interpretation"] = "fr", ["Input.Consent"] = consent ? "true" : "false",
        });

    private static string CancelLink(MimeMessage message) =>
        message.TextBody!.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("To cancel your registration:", StringComparison.Ordinal)).Split(": ")[1];

    [SkippableFact]
    public async Task The_confirmation_reaches_the_smtp_server_with_a_calendar_file_that_parses()
    {
        await Briefing("calendar-check", capacity: null);
        var address = $"amina.{Guid.NewGuid():N}@crossroads.test";

        var response = await Register(Staff.Client(app), "calendar-check", "Amina Yusuf", address);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var message = await TestMail.ReceivedAsync(address);
        Assert.Equal("Registration confirmed: Briefing calendar-check", message.Subject);
        Assert.Contains("How to join: https://meet.example/briefing", message.TextBody!, StringComparison.Ordinal);
        var attachment = (MimePart)message.Attachments.Single();
        Assert.Equal("text/calendar", attachment.ContentType.MimeType);
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        var calendar = Ical.Net.Calendar.Load(System.Text.Encoding.UTF8.GetString(content.ToArray()))!;
        var vevent = calendar.Events.Single();
        Assert.Equal("Europe/Paris", vevent.Start!.TzId);
        Assert.Equal(Soon, vevent.Start.AsUtc);
        var stored = await app.WithDb(db => db.Registrations.SingleAsync(r => r.Email == address));
        Assert.Equal((RegistrationStatus.Confirmed, "GR", "fr"), (stored.Status, stored.Country, stored.Interpretation));
        Assert.Equal(stored.CreatedAt, stored.ConsentAt);
    }

    [SkippableFact]
    public async Task A_full_event_takes_a_waiting_list_and_a_cancellation_promotes_the_first_in_line()
    {
        await Briefing("one-place", capacity: 1);
        // Addresses unique to this run: the SMTP server's mailbox outlives a test run.
        var run = Guid.NewGuid().ToString("N")[..8];
        var (firstAddress, secondAddress) = ($"first.{run}@crossroads.test", $"second.{run}@crossroads.test");

        await Register(Staff.Client(app), "one-place", "First Person", firstAddress);
        await Register(Staff.Client(app), "one-place", "Second Person", secondAddress);

        var first = await TestMail.ReceivedAsync(firstAddress);
        var second = await TestMail.ReceivedAsync(secondAddress);
        Assert.StartsWith("Registration confirmed:", first.Subject, StringComparison.Ordinal);
        Assert.StartsWith("Waiting list:", second.Subject, StringComparison.Ordinal);
        Assert.Empty(second.Attachments);
        var (_, eventPage) = await app.GetHtml("/en/events/one-place");
        Assert.Contains("The event is full.", eventPage.QuerySelector("#take-part + p")!.TextContent, StringComparison.Ordinal);

        var cancelPath = new Uri(CancelLink(first)).PathAndQuery;
        var cancelled = await Staff.PostFormAsync(Staff.Client(app), cancelPath, new Dictionary<string, string>());
        var html = await new HtmlParser().ParseDocumentAsync(await cancelled.Content.ReadAsStringAsync());
        Assert.Contains("is cancelled", html.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        await app.WithDb(async db =>
        {
            var statuses = await db.Registrations.Where(r => r.Event.Slug == "one-place").OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
            Assert.Equal([RegistrationStatus.Cancelled, RegistrationStatus.Confirmed], statuses);
        });
        var promoted = await TestMail.ReceivedAsync(secondAddress, m => m.Subject?.StartsWith("Registration confirmed:", StringComparison.Ordinal) == true);
        Assert.Single(promoted.Attachments);
    }

    [SkippableFact]
    public async Task Registering_an_address_again_answers_like_a_new_one_and_tells_the_person_by_email()
    {
        await Briefing("twice", capacity: 10);
        var email = $"twice-{Guid.NewGuid():N}@crossroads.test";
        var first = await Register(Staff.Client(app), "twice", "Ama Mensah", email);

        // Someone else types the same address: the answer is the one a new address gets.
        var again = await Register(Staff.Client(app), "twice", "Somebody Else", email);
        var fresh = await Register(Staff.Client(app), "twice", "New Person", $"fresh-{Guid.NewGuid():N}@crossroads.test");

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(fresh.Headers.Location, again.Headers.Location);
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        var told = await TestMail.ReceivedAsync(email, m => m.Subject == "Already registered: Briefing twice");
        Assert.Contains("nothing has changed", told.TextBody, StringComparison.Ordinal);
        // Greeted by the name they registered with: what the other visitor typed never reaches their inbox.
        Assert.StartsWith("Hello Ama Mensah,", told.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Somebody Else", told.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDb(db => db.Registrations.CountAsync(r => r.Email == email)));
    }

    [SkippableFact]
    public async Task Mistakes_get_messages_by_their_fields_and_nothing_is_registered()
    {
        await Briefing("careful-form", capacity: 10);

        var response = await Staff.PostFormAsync(Staff.Client(app), "/en/events/careful-form/register", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Email"] = "not an address", ["Input.Country"] = "XX", ["Input.Interpretation"] = "de", ["Input.Consent"] = "false",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        string Error(string field) => html.QuerySelector($"[data-valmsg-for='Input.{field}']")!.TextContent;
        Assert.Equal("Write your name.", Error("Name"));
        Assert.Equal("This is not an email address.", Error("Email"));
        Assert.Equal("Choose a country from the list.", Error("Country"));
        Assert.Equal("Choose one of the languages offered.", Error("Interpretation"));
        Assert.Equal("Tick the box to agree, or we cannot register you.", Error("Consent"));
        Assert.False(await app.WithDb(db => db.Registrations.AnyAsync(r => r.Event.Slug == "careful-form")));
    }

    [SkippableFact]
    public async Task Reminders_go_out_a_day_and_an_hour_before_and_only_once()
    {
        var start = ChorusFactory.Start.UtcDateTime.AddHours(30);
        var e = await Briefing("reminded", capacity: null, startUtc: start);
        var to = $"reminded-{Guid.NewGuid():N}@crossroads.test";
        await Register(Staff.Client(app), "reminded", "Reminded Person", to);
        var reminders = app.Services.GetRequiredService<EventReminders>();
        async Task<int> Run()
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await reminders.SendDueAsync(scope.ServiceProvider, CancellationToken.None);
        }
        Task<int> Count() => app.WithDb(db => db.Outbox.CountAsync(m => m.To == to && m.Subject.StartsWith("Reminder:")));

        Assert.Equal(0, await Run());
        app.Clock.Advance(TimeSpan.FromHours(7));
        await Run();
        await Run();
        Assert.Equal(1, await Count());
        var first = (await TestMail.ReceivedAsync(to, m => m.Subject!.StartsWith("Reminder:", StringComparison.Ordinal))).TextBody;
        Assert.Contains("starts in about 24 hours", first, StringComparison.Ordinal);
        Assert.Contains("How to join: https://meet.example/briefing", first, StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromHours(22.5));
        await Run();
        await Run();
        Assert.Equal(2, await Count());
        var last = (await TestMail.ReceivedAsync(to, m => m.TextBody!.Contains("starts in about an hour", StringComparison.Ordinal))).TextBody;
        Assert.Contains("starts in about an hour", last, StringComparison.Ordinal);
        // Written the registrant's way (English), not the way of the machine the worker runs on.
        using (Chorus.Web.Infrastructure.Cultures.Write("en"))
        {
            Assert.Contains(EventTimes.In(e.StartsAt, e.EndsAt, "Europe/Paris").Text, last, StringComparison.Ordinal);
        }
    }
}
