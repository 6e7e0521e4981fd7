using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Chorus.Web.Data;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Localization;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Media;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Chorus.Web.Infrastructure;

internal static class SiteExtensions
{
    public static void AddSite(this IHostApplicationBuilder builder)
    {
        builder.AddDefaultSettings();
        builder.AddProxies();
        builder.Services.AddAsciiLocations();
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSettings<SiteOptions>("Site")
            .PostConfigure(o =>
            {
                o.Cultures = o.Cultures.Length > 0 ? o.Cultures : SiteOptions.DefaultCultures;
                // `dotnet run` serves http://localhost:5000; anywhere else the operator names the real address.
                o.PublicOrigin = SiteOptions.NormalizeOrigin(o.PublicOrigin is { Length: > 0 } || !development ? o.PublicOrigin : "http://localhost:5000") ?? o.PublicOrigin;
            })
            .Validate(o => o.PublicOrigin.Length == 0 || SiteOptions.NormalizeOrigin(o.PublicOrigin) is not null,
                "Site:PublicOrigin must be an http or https address without a path, such as https://coalition.example.")
            .Validate(o => o.Cultures.All(Cultures.IsKnown), "Site:Cultures must be language codes such as en, fr or zh.")
            .Validate(o => DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.TimeZone) is not null, "Site:TimeZone must be an IANA zone such as Europe/Paris.");
        builder.Services.AddSingleton(sp => DateTimeZoneProviders.Tzdb[sp.GetRequiredService<IOptions<SiteOptions>>().Value.TimeZone]);

        builder.Services.AddRazorPages().WithRazorPagesRoot("/Features")
            // Validation messages are keys of the same interface strings as everything else.
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedStrings)));
        builder.AddPrintableText();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.Add(new PageMethods()));
        // Write every script as itself, not as &#x...; escapes: Arabic or Chinese pages would triple in size.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<RouteOptions>(o =>
        {
            o.ConstraintMap["culture"] = typeof(CultureRouteConstraint);
            o.LowercaseUrls = true;
        });
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<SiteOptions>>((o, site) =>
        {
            var cultures = site.Value.Cultures.Select(Cultures.Create).ToList();
            o.DefaultRequestCulture = new RequestCulture(cultures[0]);
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            // The culture comes from the URL only: /fr/... is French for everyone, caches included.
            // An error page re-executed for /fr/... speaks French too.
            o.RequestCultureProviders = [new CustomRequestCultureProvider(http =>
            {
                var path = http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath ?? http.Request.Path.Value ?? "";
                var segment = path.Split('/', 3, StringSplitOptions.None) is [_, var first, ..] ? first : "";
                return Task.FromResult(site.Value.Cultures.Contains(segment, StringComparer.Ordinal)
                    ? new ProviderCultureResult(segment)
                    : null);
            })];
        });
    }

    public static void UseSite(this WebApplication app)
    {
        app.UseProxies();
        app.UseServerTiming();
        app.UseAsciiLocations();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error/500",
            // A database out of reach is a 503 (try again soon), not a fault of the page.
            StatusCodeSelector = Data.DatabaseFaults.StatusCodeFor,
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        // Inside the status code pages, so an old address is moved before a 404 becomes the error page.
        Features.Redirects.RedirectsExtensions.UseRedirects(app);
        app.UseMedia();
        app.UseRouting();
        // A cache hit needs no culture (it is in the path) and no compression: the cache sits outside
        // both and keeps compressed bytes, one entry per Accept-Encoding.
        app.UseOutputCache();
        app.UseOneConnectionPerRequest();
        app.UseRequestLocalization();
        app.UseResponseCompression();
        app.UseAccounts();
        app.UseAntiforgery();
    }

    /// <summary>
    /// Builds the endpoint table (every Razor page found and loaded: 0.2-0.25 s of a start measured on two cores) beside the
    /// database's preparation, rather than inside the first request, which a node needs answered to be healthy.
    /// </summary>
    public static void BuildEndpoints(this WebApplication app) =>
        _ = ((IEndpointRouteBuilder)app).DataSources.Sum(source => source.Endpoints.Count);

    public static void MapSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
    }
}

/// <summary>Matches only the configured cultures, so /xx/news/... is a 404 rather than a guess.</summary>
internal sealed class CultureRouteConstraint(IOptions<SiteOptions> site) : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && value is string culture
        && site.Value.Cultures.Contains(culture, StringComparer.Ordinal);
}
