using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Chorus.Web.Infrastructure;

/// <summary>Base of public page models: the culture from the URL and the title the layout writes.</summary>
internal abstract class SitePageModel : PageModel, IPageMeta
{
    public string Culture => RouteData.Values["culture"] as string ?? CultureInfo.CurrentUICulture.Name;

    /// <summary>The languages to show content in for this page's culture, best first.</summary>
    protected IReadOnlyList<string> Chain =>
        HttpContext.RequestServices.GetRequiredService<IOptions<SiteOptions>>().Value.FallbackChain(Culture);

    public string Title { get; protected set; } = "";

    public string? Description { get; protected set; }

    public IReadOnlyCollection<string>? TranslatedCultures { get; protected set; }

    public bool NoIndex { get; protected set; }

    public string? Feed { get; protected set; }

    public string? OriginalPath { get; protected set; }

    public string OpenGraphType { get; protected set; } = "website";

    public Features.Site.ShownImage? Image { get; protected set; }

    /// <summary>The coalition's name and logo as this page's language shows them (kept in memory: no query).</summary>
    protected Task<Features.Site.Brand> BrandAsync() =>
        HttpContext.RequestServices.GetRequiredService<Features.Site.SiteIdentity>().BrandAsync(Culture, HttpContext.RequestAborted);
}

internal static class Dates
{
    /// <summary>The calendar date of a UTC instant in the given zone (the site's, for publication dates).</summary>
    public static DateOnly LocalDate(DateTime utc, DateTimeZone zone) =>
        Instant.FromDateTimeUtc(utc).InZone(zone).Date.ToDateOnly();

    /// <summary>A date as people write it in the current culture, without the day of the week.</summary>
    public static string Long(DateOnly date) => date.ToString(CultureInfo.CurrentCulture.TwoLetterISOLanguageName switch
    {
        "en" or "fr" or "ar" => "d MMMM yyyy",
        "es" => "d 'de' MMMM 'de' yyyy",
        "ru" => "d MMMM yyyy 'г.'",
        "zh" => "yyyy'年'M'月'd'日'",
        _ => CultureInfo.CurrentCulture.DateTimeFormat.LongDatePattern,
    }, CultureInfo.CurrentCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
