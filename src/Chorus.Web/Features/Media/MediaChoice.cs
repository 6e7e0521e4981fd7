using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Media;

/// <summary>
/// A choice of one image from the media library in a form (a featured image, a logo): radio buttons with thumbnails, so it
/// works without script and with the keyboard. <paramref name="Name"/> is the field posted; its value is the item's id.
/// </summary>
internal sealed record MediaChoice(string Name, string Legend, IReadOnlyList<MediaItem> Items, int? Selected, string? Hint = null, string? Error = null)
{
    /// <summary>How many of the newest images a form offers (the chosen one is always among them).</summary>
    public const int Offered = 48;

    /// <summary>
    /// The featured image field of an editor (posts, events, campaigns), posted as Input.ImageId, with the error the save
    /// found for it.
    /// </summary>
    public static MediaChoice Featured(IStringLocalizer<SharedStrings> S, IReadOnlyList<MediaItem> images, int? selected, ModelStateDictionary state) =>
        new("Input.ImageId", S["Featured image"], images, selected,
            S["Shown in listings, at the top of the page and in link previews. Its alternative text comes from the media library."],
            state["Input.ImageId"]?.Errors.FirstOrDefault()?.ErrorMessage);

    /// <summary>Checks a chosen featured image exists (a stale form may name one deleted since), adding the error if not.</summary>
    public static async Task CheckFeaturedAsync(ChorusDb db, int? id, ModelStateDictionary state, IStringLocalizer<SharedStrings> S, CancellationToken ct)
    {
        if (id is { } chosen && !await db.Media.AnyAsync(m => m.Id == chosen && m.Kind == MediaKind.Image, ct))
        {
            state.AddModelError("Input.ImageId", S["This image is no longer in the media library; choose another."]);
        }
    }

    /// <summary>The newest images, of the given formats when named, and the one already chosen.</summary>
    public static async Task<IReadOnlyList<MediaItem>> ImagesAsync(ChorusDb db, int? selected, CancellationToken ct, params string[] formats)
    {
        var images = db.Media.AsNoTracking().Where(m => m.Kind == MediaKind.Image && (formats.Length == 0 || formats.Contains(m.Format)));
        var items = await images.OrderByDescending(m => m.Id).Take(Offered).ToListAsync(ct);
        if (selected is { } id && items.TrueForAll(m => m.Id != id) && await images.SingleOrDefaultAsync(m => m.Id == id, ct) is { } chosen)
        {
            items.Insert(0, chosen);
        }
        return items;
    }
}

/// <summary>An editor with a featured image field: <see cref="OfferImages"/> fills the choice before the form is shown.</summary>
internal interface IFeaturedImageForm
{
    int? ChosenImageId { get; }

    IReadOnlyList<MediaItem> OfferedImages { set; }
}

/// <summary>
/// Loads the images a featured-image field offers when an editor's handler ends by showing its form (a first view, a preview,
/// a save refused), whatever the handler set the chosen image to; one place instead of every handler of every editor.
/// </summary>
internal sealed class OfferImages : Microsoft.AspNetCore.Mvc.Filters.IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (context.HandlerInstance is IFeaturedImageForm form && executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult or null && executed.Exception is null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<ChorusDb>();
            form.OfferedImages = await MediaChoice.ImagesAsync(db, form.ChosenImageId, context.HttpContext.RequestAborted);
        }
    }
}

/// <summary>
/// Binds an image field (<see cref="MediaChoice"/>): the id of the radio button chosen, or, typed in the field beside the
/// list ("…Address"), a media-library address in any form a person may have copied it (the file's path, its full URL, the
/// Markdown the media page shows). Without script the list offers only the newest images; the address reaches any.
/// </summary>
internal sealed class MediaReferenceBinder : IModelBinder
{
    public const string AddressSuffix = "Address";

    public async Task BindModelAsync(ModelBindingContext context)
    {
        var name = context.ModelName;
        var address = context.ValueProvider.GetValue(name + AddressSuffix).FirstValue;
        var S = context.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedStrings>>();
        if (!string.IsNullOrWhiteSpace(address))
        {
            var hash = MediaItem.HashIn(address);
            var db = context.HttpContext.RequestServices.GetRequiredService<ChorusDb>();
            var id = hash is null ? null : await db.Media.AsNoTracking().Where(i => i.Hash == hash && i.Kind == MediaKind.Image)
                .OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (id is null)
            {
                context.ModelState.AddModelError(name, S["This address is not an image of the media library: copy it from the Media page."]);
                context.Result = ModelBindingResult.Failed();
                return;
            }
            context.Result = ModelBindingResult.Success(id);
            return;
        }
        var value = context.ValueProvider.GetValue(name).FirstValue;
        if (string.IsNullOrEmpty(value))
        {
            context.Result = ModelBindingResult.Success(null);
        }
        else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen))
        {
            context.Result = ModelBindingResult.Success(chosen);
        }
        else
        {
            context.ModelState.AddModelError(name, S["This image is no longer in the media library; choose another."]);
            context.Result = ModelBindingResult.Failed();
        }
    }
}
