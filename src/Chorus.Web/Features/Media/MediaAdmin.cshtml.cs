using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Media;

/// <summary>/admin/media: upload images and PDFs, copy their Markdown, delete.</summary>
[Authorize(Roles = Roles.Editors)]
[RequestSizeLimit(100 * 1024 * 1024)]
internal sealed class MediaAdminModel(ChorusDb db, MediaStore store, IOutputCacheStore evictions, TimeProvider clock, IStringLocalizer<SharedStrings> S)
    : SitePageModel
{
    [BindProperty, Required(ErrorMessage = "Choose a file to upload.")]
    public IFormFile? Upload { get; set; }

    [BindProperty, MaxLength(500)]
    public string? AltText { get; set; }

    public IReadOnlyList<MediaItem> Items { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await AddUploadAsync(ct) is not null)
        {
            TempData["Status"] = S["Uploaded."].Value;
            return RedirectToPage();
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>
    /// The media dialog of the editor and of image fields (editor.js) lists the library through this handler: the newest
    /// items, or those whose name or alternative text holds <paramref name="q"/>. A page handler rather than a minimal API
    /// so it is held to the staff pages' rules (role, two-factor sign-in) by the same convention.
    /// </summary>
    public async Task<IActionResult> OnGetLibraryAsync(string? q, string? kind, CancellationToken ct)
    {
        var items = db.Media.AsNoTracking();
        if (kind is "image" or "pdf")
        {
            var wanted = kind == "image" ? MediaKind.Image : MediaKind.Pdf;
            items = items.Where(m => m.Kind == wanted);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToLowerInvariant();
            // Translated to SQL lower(…) LIKE on both databases; no .NET culture is involved.
#pragma warning disable CA1304, CA1311, CA1862
            items = items.Where(m => m.OriginalName.ToLower().Contains(term) || m.AltText.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        var found = await items.OrderByDescending(m => m.Id).Take(60).ToListAsync(ct);
        return new JsonResult(found.Select(LibraryItem.Of));
    }

    /// <summary>An upload from the media dialog: the item as JSON, or a problem whose detail says what to change.</summary>
    public async Task<IActionResult> OnPostJsonAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await AddUploadAsync(ct) is { } item)
        {
            return new JsonResult(LibraryItem.Of(item)) { StatusCode = StatusCodes.Status201Created };
        }
        var problem = ModelState.Where(e => e.Value?.Errors.Count > 0).Select(e => e.Value!.Errors[0].ErrorMessage).FirstOrDefault();
        return new ObjectResult(new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity, Title = S["The file was not added."], Detail = problem,
        }) { StatusCode = StatusCodes.Status422UnprocessableEntity };
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var item = await db.Media.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (item is null)
        {
            return NotFound();
        }
        db.Media.Remove(item);
        await db.SaveChangesAsync(ct);
        if (!await db.Media.AnyAsync(m => m.Hash == item.Hash, ct))
        {
            await store.DeleteAsync(db, item.Hash, ct);
            await evictions.EvictByTagAsync(MediaStore.Tag(item.Hash), ct);
        }
        TempData["Status"] = S["Deleted."].Value;
        return RedirectToPage();
    }

    /// <summary>Stores the posted file as a media item, or adds the reason it cannot be to the model state.</summary>
    private async Task<MediaItem?> AddUploadAsync(CancellationToken ct)
    {
        await using var stream = Upload!.OpenReadStream();
        var (media, problem) = await store.SaveAsync(stream, db, ct);
        if (media is null)
        {
            ModelState.AddModelError(nameof(Upload), problem!);
            return null;
        }
        if (media.Kind == MediaKind.Image && string.IsNullOrWhiteSpace(AltText))
        {
            ModelState.AddModelError(nameof(AltText), S["Describe the image for people who cannot see it."]);
            return null;
        }
        var item = new MediaItem
        {
            Kind = media.Kind, Hash = media.Hash, Widths = [.. media.Widths], Bytes = media.Bytes, Height = media.Height, Format = media.Format,
            OriginalName = Path.GetFileName(Upload.FileName) is { Length: > 0 and <= 255 } name ? name : "upload",
            AltText = AltText?.Trim() ?? "", UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = User.Identity?.Name ?? "",
        };
        db.Media.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    private async Task LoadAsync()
    {
        Title = S["Media"];
        Items = await db.Media.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync();
    }
}

/// <summary>A media item as the media dialog shows and inserts it.</summary>
internal sealed record LibraryItem(int Id, string Kind, string Name, string Alt, string Url, string Thumbnail, int Width, int Height)
{
    public static LibraryItem Of(MediaItem m) => new(
        m.Id, m.Kind == MediaKind.Image ? "image" : "pdf", m.OriginalName, m.AltText, m.Url(),
        m.Kind == MediaKind.Image ? m.Url(m.Widths.Count > 0 ? m.Widths.Min() : null) : "",
        m.Widths.Count > 0 ? m.Widths.Max() : 0, m.Height);
}
