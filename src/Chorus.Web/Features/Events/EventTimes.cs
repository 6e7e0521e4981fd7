using System.Globalization;
using Chorus.Web.Infrastructure;
using NodaTime;
using NodaTime.TimeZones;

namespace Chorus.Web.Features.Events;

/// <summary>A span of time as one zone sees it: "Friday 17 December 2021", "10:00", "17:30", "CET".</summary>
internal sealed record ZonedSpan(string ZoneId, string City, string Date, string? EndDate, string Start, string End, string Abbreviation, string EndAbbreviation)
{
    /// <summary>
    /// "Friday 17 December 2021, 10:00–17:30 CET"; across midnight, the end's date too; across a change of clocks, each
    /// end its own abbreviation ("Monday 22 March 2027, 10:00 CET – Tuesday 25 May 2027, 17:00 CEST").
    /// </summary>
    public string Text => (EndDate, Abbreviation == EndAbbreviation) switch
    {
        (null, true) => $"{Date}, {Start}–{End} {Abbreviation}",
        (_, true) => $"{Date}, {Start} – {EndDate}, {End} {Abbreviation}",
        (null, false) => $"{Date}, {Start} {Abbreviation} – {End} {EndAbbreviation}",
        _ => $"{Date}, {Start} {Abbreviation} – {EndDate}, {End} {EndAbbreviation}",
    };
}

/// <summary>
/// How an event's times are shown: in the organiser's zone with the abbreviation in force on that date
/// (CET in winter, CEST in summer), and in the reader's zone beside it when that differs.
/// </summary>
internal static class EventTimes
{
    public static DateTimeZone Zone(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? DateTimeZone.Utc;

    /// <summary>The instant of a wall-clock time in a zone; a time skipped by DST moves forward, a repeated one takes the earlier.</summary>
    public static DateTime ToUtc(DateTime local, string zoneId) =>
        Zone(zoneId).ResolveLocal(LocalDateTime.FromDateTime(local), Resolvers.LenientResolver).ToInstant().ToDateTimeUtc();

    public static ZonedSpan In(DateTime startUtc, DateTime endUtc, string zoneId)
    {
        var zone = Zone(zoneId);
        var start = Instant.FromDateTimeUtc(startUtc).InZone(zone);
        var end = Instant.FromDateTimeUtc(endUtc).InZone(zone);
        return new ZonedSpan(zoneId, City(zoneId), Day(start), end.Date > start.Date ? Day(end) : null, Time(start), Time(end), Abbreviation(start), Abbreviation(end));
    }

    /// <summary>One instant in a zone, as a deadline is shown: "Saturday 9 January 2027, 23:59 CET".</summary>
    public static string At(DateTime utc, string zoneId)
    {
        var t = Instant.FromDateTimeUtc(utc).InZone(Zone(zoneId));
        return $"{Day(t)}, {Time(t)} {Abbreviation(t)}";
    }

    private static string Day(ZonedDateTime t) =>
        $"{CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(NodaTime.Utility.BclConversions.ToDayOfWeek(t.DayOfWeek))} {Dates.Long(t.Date.ToDateOnly())}";

    /// <summary>A span in its own zone and, when the reader's zone is known and shows another wall-clock time, in theirs.</summary>
    public static (ZonedSpan Local, ZonedSpan? Reader) ForReader(DateTime startUtc, DateTime endUtc, string zoneId, string? readerZoneId)
    {
        var local = In(startUtc, endUtc, zoneId);
        if (readerZoneId is null || readerZoneId == zoneId)
        {
            return (local, null);
        }
        var theirs = In(startUtc, endUtc, readerZoneId);
        return (local, theirs.Text == local.Text ? null : theirs);
    }

    private static string Time(ZonedDateTime t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"CET", "CEST", "EST"; where tzdb has only a number ("+08"), "UTC+8".</summary>
    public static string Abbreviation(ZonedDateTime t)
    {
        var name = t.Zone.GetZoneInterval(t.ToInstant()).Name;
        if (name.Length > 0 && char.IsLetter(name[0]))
        {
            return name;
        }
        var offset = t.Offset;
        return offset == Offset.Zero ? "UTC" : "UTC" + offset.ToString("m", CultureInfo.InvariantCulture).Replace(":00", "", StringComparison.Ordinal);
    }

    /// <summary>"Europe/Paris" → "Paris", "America/Argentina/Buenos_Aires" → "Buenos Aires".</summary>
    public static string City(string zoneId) => zoneId.Split('/')[^1].Replace('_', ' ');

    /// <summary>Every zone a person may pick, by name.</summary>
    public static IReadOnlyList<string> AllZones { get; } = [.. DateTimeZoneProviders.Tzdb.Ids
        .Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal) && !id.StartsWith("SystemV/", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)];

    public static bool IsZone(string? id) => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;
}
