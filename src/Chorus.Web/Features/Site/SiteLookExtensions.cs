using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Features.Media;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Chorus.Web.Features.Site;

internal static class SiteLookExtensions
{
    public static void AddSiteLook(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<SiteIdentity>();
        // Every page's header and footer show the identity; the home page shows its blocks.
        builder.Services.EvictOnWrite<SiteLook>(Shown.Page, Shown.Site);
        // A deleted image may be a logo or a featured image anywhere: the database empties those references itself.
        builder.Services.EvictOnWrite<MediaItem>(entry => entry.State == EntityState.Deleted ? [Shown.Page, Shown.Site] : []);
        builder.AddAdminMenuItem(new("Site identity", "/admin/site", [Roles.Admin], 80));
        builder.AddAdminMenuItem(new("Home page", "/admin/home", [Roles.Admin, Roles.Editor], 5));
        builder.AddAdminMenuItem(new("Menu", "/admin/menus", [Roles.Admin, Roles.Editor], 6));
    }

    /// <summary>
    /// The theme (the accent colours as CSS custom properties: the page's policy allows no inline style) and the favicon
    /// made from the logo. Both addresses carry the identity's version, so they are cached for good and change with it.
    /// </summary>
    public static void MapSiteLook(this WebApplication app)
    {
        app.MapRead("/site/theme.css", async (SiteIdentity identity, HttpContext http, CancellationToken ct) =>
        {
            var look = await identity.LookAsync(ct);
            Cache(http, look);
            var css = look.Accent is null ? "" : $":root{{--accent:{look.Accent};--accent-ink:{look.OnAccent ?? "#fff"}}}\n";
            return Results.Text(css, "text/css; charset=utf-8");
        });
        app.MapRead("/site/icon", async (SiteIdentity identity, ShownData data, MediaStore store, ChorusDb db, HttpContext http, CancellationToken ct) =>
        {
            var look = await identity.LookAsync(ct);
            if (look.Logo is not { Kind: MediaKind.Image } logo)
            {
                return Results.Redirect("/favicon.svg");
            }
            var icon = await data.GetAsync($"site:icon:{look.UpdatedAt.Ticks}", [Shown.Site], async token =>
            {
                var path = await store.CopyHereAsync(db, Path.GetFileName(logo.Url(logo.Widths.Count == 0 ? null : logo.Widths.Min())), token);
                return path is null ? null : logo.Format == "svg" ? await File.ReadAllBytesAsync(path, token) : Square(path);
            }, ct);
            if (icon is null)
            {
                return Results.NotFound();
            }
            Cache(http, look);
            return Results.Bytes(icon, logo.Format == "svg" ? "image/svg+xml" : "image/png");
        });
    }

    // Immutable when asked for by the current version; otherwise (an old page's link) briefly, so it settles on the new one.
    private static void Cache(HttpContext http, SiteLook look) =>
        http.Response.Headers.CacheControl = http.Request.Query["v"] == look.UpdatedAt.Ticks.ToString("x", CultureInfo.InvariantCulture)
            ? "public, max-age=31536000, immutable"
            : "public, max-age=300";

    /// <summary>The logo fitted into a transparent 64 × 64 square: browsers show icons square, and scale down from 64 well.</summary>
    private static byte[]? Square(string path)
    {
        using var logo = SKBitmap.Decode(path);
        if (logo is null)
        {
            return null;
        }
        const int Side = 64;
        var scale = Math.Min((float)Side / logo.Width, (float)Side / logo.Height);
        var (w, h) = (logo.Width * scale, logo.Height * scale);
        using var square = new SKBitmap(Side, Side, SKColorType.Rgba8888, SKAlphaType.Premul);
        using (var canvas = new SKCanvas(square))
        {
            canvas.Clear(SKColors.Transparent);
            using var drawn = SKImage.FromBitmap(logo);
            canvas.DrawImage(drawn, SKRect.Create((Side - w) / 2, (Side - h) / 2, w, h), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        using var image = SKImage.FromBitmap(square);
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }
}
