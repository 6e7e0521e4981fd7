using Chorus.Web.Data;
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
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o => o.Conventions.ConfigureFilter(new OfferImages()));
        builder.Services.AddSingleton<ILocalCopies>(sp => sp.GetRequiredService<MediaStore>());
        builder.Services.AddCommand("media", "copy-to-database: stores the media folder's files in the database, before setting Media:Store=Database",
            async (services, args) =>
            {
                if (args is not ["copy-to-database"])
                {
                    await Console.Error.WriteLineAsync("Usage: media copy-to-database");
                    return 2;
                }
                var copied = await services.GetRequiredService<MediaStore>().CopyToDatabaseAsync(services.GetRequiredService<ChorusDb>(), CancellationToken.None);
                await Console.Out.WriteLineAsync($"{copied} files copied to the database.");
                return 0;
            });
        builder.AddAdminMenuItem(new("Media", "/admin/media", [Roles.Admin, Roles.Editor], 30));
    }

    /// <summary>
    /// Serves uploads from the media folder; names carry a content hash, so they never change. With the database store, a
    /// file this node has no copy of yet is copied from the database, then served from the folder like the others.
    /// </summary>
    public static void UseMedia(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = app.Services.GetRequiredService<MediaStore>().Files(),
            RequestPath = "/media",
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = Forever,
        });
        if (app.Services.GetRequiredService<IOptions<MediaOptions>>().Value.Store == MediaStoreKind.Database)
        {
            app.MapRead("/media/{name}", async (string name, ChorusDb db, MediaStore store, HttpContext http, CancellationToken ct) =>
            {
                if (!MediaStore.IsMediaName(name) || await store.CopyHereAsync(db, name, ct) is not { } path)
                {
                    return Results.NotFound();
                }
                http.Response.Headers.CacheControl = Forever;
                return TypedResults.PhysicalFile(path, MediaStore.ContentType(name),
                    lastModified: File.GetLastWriteTimeUtc(path), enableRangeProcessing: true);
            });
        }
    }

    private const string Forever = "public, max-age=31536000, immutable";
}
