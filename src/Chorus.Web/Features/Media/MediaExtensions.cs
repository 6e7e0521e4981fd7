using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Chorus.Web.Features.Media;

internal static class MediaExtensions
{
    public static void AddMedia(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<MediaOptions>("Media");
        builder.Services.AddSingleton<MediaStore>();
        builder.AddAdminMenuItem(new("Media", "/admin/media", [Roles.Admin, Roles.Editor], 30));
    }

    /// <summary>Serves uploads from the media folder; names carry a content hash, so they never change.</summary>
    public static void UseMedia(this WebApplication app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Services.GetRequiredService<MediaStore>().Files(),
            RequestPath = "/media",
            OnPrepareResponse = context =>
                context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable",
        });
}
