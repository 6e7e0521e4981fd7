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
        if (ModelState.IsValid)
        {
            await using var stream = Upload!.OpenReadStream();
            var (media, problem) = await store.SaveAsync(stream, db, ct);
            if (media is null)
            {
                ModelState.AddModelError(nameof(Upload), problem!);
            }
            else if (media.Kind == MediaKind.Image && string.IsNullOrWhiteSpace(AltText))
            {
                ModelState.AddModelError(nameof(AltText), S["Describe the image for people who cannot see it."]);
            }
            else
            {
                db.Media.Add(new MediaItem
                {
                    Kind = media.Kind, Hash = media.Hash, Widths = [.. media.Widths], Bytes = media.Bytes, Height = media.Height, Format = media.Format,
                    OriginalName = Path.GetFileName(Upload.FileName) is { Length: > 0 and <= 255 } name ? name : "upload",
                    AltText = AltText?.Trim() ?? "", UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = User.Identity?.Name ?? "",
                });
                await db.SaveChangesAsync(ct);
                TempData["Status"] = S["Uploaded."].Value;
                return RedirectToPage();
            }
        }
        await LoadAsync();
        return Page();
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

    private async Task LoadAsync()
    {
        Title = S["Media"];
        Items = await db.Media.AsNoTracking().OrderByDescending(m => m.Id).Take(200).ToListAsync();
    }
}
