using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;

namespace Chorus.Web.Infrastructure;

/// <summary>Base of public page models: the culture from the URL and the title the layout writes.</summary>
internal abstract class SitePageModel : PageModel, IPageMeta
{
    public string Culture => RouteData.Values["culture"] as string ?? CultureInfo.CurrentUICulture.Name;

    public string Title { get; protected set; } = "";

    public string? Description { get; protected set; }
}

internal static class Dates
{
    /// <summary>The calendar date of a UTC instant in the given zone (the site's, for publication dates).</summary>
    public static DateOnly LocalDate(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(utc).InZone(zone).Date.ToDateOnly();

    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
