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

    /// <summary>
    /// The instant a form's local-time field means, or null: for an empty field, and for one that is not a time, which also
    /// gets the message next to it.
    /// </summary>
    public static DateTime? FromField(string? text, DateTimeZone zone, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string field,
        Microsoft.Extensions.Localization.IStringLocalizer S)
    {
        if (text is null)
        {
            return null;
        }
        if (TryParse(text, zone, out var utc))
        {
            return utc;
        }
        state.AddModelError(field, S["Enter the date and time as year-month-day and hours:minutes."]);
        return null;
    }

    /// <summary>A staff member's own zone (account settings), else the site's.</summary>
    public static DateTimeZone ZoneOf(string? userZone, DateTimeZone siteZone) =>
        (userZone is { Length: > 0 } tz ? DateTimeZoneProviders.Tzdb.GetZoneOrNull(tz) : null) ?? siteZone;
}
