using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Events;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;

namespace Chorus.Web.Tests.Features.Events;

/// <summary>An empty site sending mail to the real SMTP server, with an editor signed in.</summary>
public class EventsApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => TestMail.Settings;

    public HttpClient Editor { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await Staff.CreateAsync(this, "events-editor@crossroads.test", Roles.Editor);
        Editor = await Staff.SignInAsync(this, "events-editor@crossroads.test");
    }

    /// <summary>Adds an event the way the app does: sessions from its rule, instants derived.</summary>
    internal Task<Event> AddEvent(Event e) => WithDb(async db =>
    {
        EventSchedule.Schedule(e);
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e;
    });

    /// <summary>A client whose browser remembers a time zone, as the zone form or script leaves it.</summary>
    public HttpClient ReaderIn(string zone)
    {
        var client = CreatePlainClient();
        client.DefaultRequestHeaders.Add("Cookie", $"tz={Uri.EscapeDataString(zone)}");
        return client;
    }
}
