using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Chorus.Web.Infrastructure;

/// <summary>Instants typed by staff as wall-clock times in their own zone (the format of a datetime-local field).</summary>
internal static class LocalTimes
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm");

    public static string Format(DateTime utc, DateTimeZone zone) => Pattern.Format(Instant.FromDateTimeUtc(utc).InZone(zone).LocalDateTime);

    /// <summary>The instant a typed local time means; DST gaps move forward, overlaps take the earlier. False when it is not a time.</summary>
    public static bool TryParse(string text, DateTimeZone zone, out DateTime utc)
    {
        var parsed = Pattern.Parse(text.Trim());
        utc = parsed.Success ? zone.ResolveLocal(parsed.Value, Resolvers.LenientResolver).ToInstant().ToDateTimeUtc() : default;
        return parsed.Success;
    }

    /// <summary>A staff member's own zone (account settings), else the site's.</summary>
    public static DateTimeZone ZoneOf(string? userZone, DateTimeZone siteZone) =>
        (userZone is { Length: > 0 } tz ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz) : null) ?? siteZone;
}
