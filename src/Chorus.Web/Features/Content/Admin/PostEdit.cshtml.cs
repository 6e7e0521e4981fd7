using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Features.Statements;
using Chorus.Web.Features.Media;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace Chorus.Web.Features.Content.Admin;

/// <summary>/admin/posts/new and /admin/posts/{id}: write, preview, schedule, move to the bin and restore.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class PostEditModel(ChorusDb db, UserManager<ChorusUser> users, TimeProvider clock, DateTimeZone siteZone,
    IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel, IFeaturedImageForm
{
    [FromRoute] public string Id { get; set; } = "";

    [BindProperty] public PostInput Input { get; set; } = new();

    public int? PostId { get; private set; }

    public bool IsDeleted { get; private set; }

    public string? PreviewHtml { get; private set; }

    public bool ConfirmDelete { get; private set; }

    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;

    public IReadOnlyList<string> Cultures => site.Value.Cultures;

    public IReadOnlyList<MediaItem> OfferedImages { private get; set; } = [];

    public int? ChosenImageId => Input.ImageId;

    public MediaChoice ImageChoice => MediaChoice.Featured(S, OfferedImages, Input.ImageId, ModelState);

    public async Task<IActionResult> OnGetAsync(string? confirm)
    {
        if (await LoadAsync() is { } problem)
        {
            return problem;
        }
        ConfirmDelete = confirm == "delete" && PostId is not null;
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        if (await LoadAsync(keepInput: true) is { } problem)
        {
            return problem;
        }
        PreviewHtml = ContentMarkdown.ToSafeHtml(Input.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await LoadAsync(keepInput: true) is { } problem)
        {
            return problem;
        }
        var publishAt = ParsePublishAt();
        var self = PostId ?? 0;
        Task<bool> Taken(string candidate) => db.Posts.AnyAsync(p => p.Slug == candidate && p.Id != self);
        // Left empty, the address comes from the title and is numbered if taken; typed, it must be free.
        var (slug, slugTaken) = await Slugs.ForFormAsync(Input.Slug, Input.Title, Taken);
        if (slugTaken)
        {
            ModelState.AddModelError("Input.Slug", S["Another post already uses the address “{0}”. Choose another.", slug]);
        }
        if (!Cultures.Contains(Input.Culture))
        {
            ModelState.AddModelError("Input.Culture", S["Choose one of the site's languages."]);
        }
        if (Input.Kind == PostKind.Statement && Input.DeliveredOn is null)
        {
            ModelState.AddModelError("Input.DeliveredOn", S["A statement needs the date it was delivered."]);
        }
        await MediaChoice.CheckFeaturedAsync(db, Input.ImageId, ModelState, S, HttpContext.RequestAborted);
        var versions = ParseVersions();
        var issuers = await ParseIssuersAsync();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // The post and its issuers land together: a new post's id exists only after the first save.
        var saved = await db.InTransactionAsync(System.Data.IsolationLevel.Unspecified, async ct =>
        {
            var post = PostId is { } id
                ? await db.Posts.Include(p => p.Categories).SingleAsync(p => p.Id == id, ct)
                : db.Posts.Add(new Post { Title = "", Slug = "", BodyMarkdown = "", AuthorName = await AuthorAsync() }).Entity;
            post.Title = Input.Title.Trim();
            post.Slug = slug;
            post.Kind = Input.Kind;
            post.Culture = Input.Culture;
            post.Summary = string.IsNullOrWhiteSpace(Input.Summary) ? null : Input.Summary.Trim();
            post.BodyMarkdown = Input.Body;
            post.Tags = [.. PostInput.SplitList(Input.Tags)];
            post.ImageId = Input.ImageId;
            post.Status = Input.Status;
            post.PublishedAt = publishAt ?? (Input.Status == PostStatus.Published ? post.PublishedAt ?? clock.GetUtcNow().UtcDateTime : null);
            post.Statement = Input.Kind != PostKind.Statement ? null : new StatementDetails
            {
                Type = Input.StatementType, DeliveredOn = Input.DeliveredOn!.Value, SpeakerName = Blank(Input.SpeakerName),
                SpeakerRole = Blank(Input.SpeakerRole), SpeakerOrganisation = Blank(Input.SpeakerOrganisation),
                Venue = Blank(Input.Venue), Addressee = Blank(Input.Addressee), Versions = versions,
            };
            post.Categories.Clear();
            post.Categories.AddRange(await CategoryLookup.FindOrAddAsync(db, PostInput.SplitList(Input.Categories), ct));
            await db.SaveChangesAsync(ct);
            await SetIssuersAsync(post.Id, issuers);
            return post;
        }, HttpContext.RequestAborted);
        TempData["Status"] = S["Saved."].Value;
        return Redirect($"/admin/posts/{saved.Id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync() => await MoveAsync(clock.GetUtcNow().UtcDateTime, S["Moved to the bin. You can restore it from there."]);

    public async Task<IActionResult> OnPostRestoreAsync() => await MoveAsync(null, S["Restored."]);

    private async Task<IActionResult> MoveAsync(DateTime? deletedAt, string message)
    {
        if (!int.TryParse(Id, CultureInfo.InvariantCulture, out var id) || await db.Posts.SingleOrDefaultAsync(p => p.Id == id) is not { } post)
        {
            return NotFound();
        }
        post.DeletedAt = deletedAt;
        await db.SaveChangesAsync();
        TempData["Status"] = message;
        return Redirect(deletedAt is null ? $"/admin/posts/{id}" : "/admin/posts");
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Loads the post (or a blank one) and the editor's zone; null when the page can show.</summary>
    private async Task<IActionResult?> LoadAsync(bool keepInput = false)
    {

        var me = await users.GetUserAsync(User);
        Zone = LocalTimes.ZoneOf(me?.TimeZone, siteZone);
        if (Id == "new")
        {
            Title = S["Write a new post"];
            Input.Culture = keepInput ? Input.Culture : site.Value.Cultures[0];
            return null;
        }
        if (!int.TryParse(Id, CultureInfo.InvariantCulture, out var id))
        {
            return NotFound();
        }
        var post = await db.Posts.AsNoTracking().Include(p => p.Categories).SingleOrDefaultAsync(p => p.Id == id);
        if (post is null)
        {
            return NotFound();
        }
        (PostId, IsDeleted) = (post.Id, post.DeletedAt is not null);
        Title = S["Edit “{0}”", post.Title];
        if (!keepInput)
        {
            Input = new PostInput
            {
                Title = post.Title, Slug = post.Slug, Kind = post.Kind, Culture = post.Culture, Summary = post.Summary,
                Body = post.BodyMarkdown, Categories = string.Join(", ", post.Categories.Select(c => c.Name)),
                Tags = string.Join(", ", post.Tags), Status = post.Status, ImageId = post.ImageId,
                PublishAt = post.PublishedAt is { } at ? LocalTimes.Format(at, Zone) : null,
                StatementType = post.Statement?.Type ?? default, DeliveredOn = post.Statement?.DeliveredOn,
                SpeakerName = post.Statement?.SpeakerName, SpeakerRole = post.Statement?.SpeakerRole,
                SpeakerOrganisation = post.Statement?.SpeakerOrganisation, Venue = post.Statement?.Venue, Addressee = post.Statement?.Addressee,
                Versions = string.Join('\n', (post.Statement?.Versions ?? []).Select(v => $"{v.Culture} | {v.Title} | {v.Url}")),
                Issuers = await IssuerLinesAsync(post.Id),
            };
        }
        return null;
    }

    /// <summary>The publication instant from the editor's local time; DST gaps move forward, overlaps take the earlier.</summary>
    private DateTime? ParsePublishAt()
    {
        if (string.IsNullOrWhiteSpace(Input.PublishAt))
        {
            if (Input.Status == PostStatus.Scheduled)
            {
                ModelState.AddModelError("Input.PublishAt", S["A scheduled post needs a date and time."]);
            }
            return null;
        }
        if (LocalTimes.FromField(Input.PublishAt, Zone, ModelState, "Input.PublishAt", S) is not { } instant)
        {
            return null;
        }
        if (Input.Status == PostStatus.Scheduled && instant <= clock.GetUtcNow().UtcDateTime)
        {
            ModelState.AddModelError("Input.PublishAt", S["A scheduled post needs a time in the future."]);
        }
        return instant;
    }

    /// <summary>"fr | Titre | https://…" lines into language versions; a line that does not fit is named in the error.</summary>
    private List<LanguageVersion> ParseVersions()
    {
        var versions = new List<LanguageVersion>();
        var lines = (Input.Versions ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split('|', StringSplitOptions.TrimEntries);
            var valid = parts.Length == 3
                && parts[0].Length is >= 2 and <= 16 && parts[0].All(c => char.IsAsciiLetter(c) || c == '-')
                && parts[1].Length is > 0 and <= 300
                && parts[2].Length <= 500
                && (parts[2].StartsWith('/') && !parts[2].StartsWith("//", StringComparison.Ordinal)
                    || Uri.TryCreate(parts[2], UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http");
            if (!valid)
            {
                ModelState.AddModelError("Input.Versions", S["Line {0} should read: language code | title | address.", i + 1]);
            }
            else if (versions.Exists(v => v.Culture == parts[0]))
            {
                ModelState.AddModelError("Input.Versions", S["Line {0} repeats the language “{1}”.", i + 1, parts[0]]);
            }
            else
            {
                versions.Add(new LanguageVersion { Culture = parts[0], Title = parts[1], Url = parts[2] });
            }
        }
        return versions;
    }

    /// <summary>The organisations named one per line; each line that names none, or several, is reported.</summary>
    private async Task<List<int>> ParseIssuersAsync()
    {
        var (ids, problems) = await OrganisationLookup.FindLinesAsync(db, Input.Issuers, S, HttpContext.RequestAborted);
        problems.ForEach(p => ModelState.AddModelError("Input.Issuers", p));
        return ids;
    }

    private async Task SetIssuersAsync(int postId, List<int> organisationIds)
    {
        var current = await db.PostIssuers.Where(i => i.PostId == postId).ToListAsync();
        if (current.OrderBy(i => i.Position).Select(i => i.OrganisationId).SequenceEqual(organisationIds))
        {
            return;
        }
        db.PostIssuers.RemoveRange(current);
        await db.SaveChangesAsync();
        db.PostIssuers.AddRange(organisationIds.Select((id, n) => new PostIssuer { PostId = postId, OrganisationId = id, Position = n }));
        await db.SaveChangesAsync();
    }

    /// <summary>The issuers as the editor typed them: names, or the address where another record has the same name.</summary>
    private async Task<string> IssuerLinesAsync(int postId)
    {
        var issuers = await db.PostIssuers.Where(i => i.PostId == postId).OrderBy(i => i.Position)
            .Select(i => new { i.Organisation.Name, i.Organisation.Slug, i.Organisation.SortKey }).ToListAsync();
        var keys = issuers.Select(i => i.SortKey).ToList();
        var shared = await db.Organisations.Where(o => keys.Contains(o.SortKey) && o.MergedIntoId == null)
            .GroupBy(o => o.SortKey).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();
        return string.Join('\n', issuers.Select(i => shared.Contains(i.SortKey) ? i.Slug : i.Name));
    }

    private async Task<string> AuthorAsync() => (await users.GetUserAsync(User))?.DisplayName ?? User.Identity?.Name ?? "";
}
