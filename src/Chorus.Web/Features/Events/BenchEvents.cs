using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Events;

/// <summary>5,000 events (by default) over four years around today, every tenth a weekly series of eight sessions, in zones around the world.</summary>
internal sealed class BenchEvents(TimeProvider clock) : IBenchDataset
{
    private const int Batch = 1000;

    private static readonly string[] Zones = ["Europe/Paris", "America/New_York", "Africa/Nairobi", "Asia/Manila", "America/Mexico_City", "Asia/Beirut", "Pacific/Fiji"];

    public async Task AddAsync(ChorusDb db, string[] args, TextWriter output, CancellationToken ct)
    {
        var count = Commands.IntOption(args, "--events", 5_000);
        var start = clock.GetUtcNow().UtcDateTime.Date.AddYears(-2);
        for (var first = 0; first < count; first += Batch)
        {
            db.ChangeTracker.Clear();
            for (var n = first; n < Math.Min(count, first + Batch); n++)
            {
                var local = start.AddHours(7 * n + 8);
                var series = n % 10 == 0;
                var e = new Event
                {
                    Title = string.Create(CultureInfo.InvariantCulture, $"Bench event {n:00000}: regional dialogue on migration"),
                    Slug = string.Create(CultureInfo.InvariantCulture, $"bench-event-{n:00000}"),
                    Kind = series ? EventKind.Series : EventKind.Single, Format = (EventFormat)(n % 3), TimeZone = Zones[n % Zones.Length],
                    LocalStart = DateTime.SpecifyKind(local, DateTimeKind.Unspecified), LocalEnd = DateTime.SpecifyKind(local.AddMinutes(90), DateTimeKind.Unspecified),
                    Summary = "Members compare notes on recruitment, detention and regular pathways.",
                    BodyMarkdown = "An **online** dialogue with interpretation into French and Spanish.",
                    InterpretationLanguages = ["fr", "es"], Registration = n % 2 == 0 ? RegistrationMode.Form : RegistrationMode.None, Capacity = 200,
                    Recurrence = series ? new Recurrence { Frequency = RecurrenceFrequency.Weekly, Count = 8 } : null,
                };
                EventSchedule.Schedule(e);
                db.Events.Add(e);
            }
            await db.SaveChangesAsync(ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"events={Math.Min(count, first + Batch)}"));
        }
        var upcoming = (int)((clock.GetUtcNow().UtcDateTime - start).TotalHours / 7) + 20;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"event_url=/en/events/bench-event-{Math.Min(upcoming, count - 1):00000}"));
    }
}
