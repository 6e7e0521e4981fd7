using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Content.Admin;

internal sealed record AdminPostRow(int Id, string Title, PostKind Kind, PostStatus Status, DateTime UpdatedAt);

internal static class PostLabels
{
    public static string Of(PostKind kind) => kind switch { PostKind.Page => "Static page", _ => kind.ToString() };
}

/// <summary>/admin/posts: every post, statement and page; search, filters, newest change first.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class PostsAdminModel(ChorusDb db, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int PageSize = 50;

    [FromQuery] public string? Q { get; set; }

    [FromQuery] public PostKind? Kind { get; set; }

    [FromQuery(Name = "status")] public string? StatusFilter { get; set; }

    public PostStatus? Status => Enum.TryParse<PostStatus>(StatusFilter, out var s) ? s : null;

    public bool Deleted => StatusFilter == "deleted";

    public IReadOnlyList<AdminPostRow> Rows { get; private set; } = [];

    public int? Older { get; private set; }

    public string OlderUrl(int before) =>
        $"?q={Uri.EscapeDataString(Q ?? "")}&kind={Kind}&status={Uri.EscapeDataString(StatusFilter ?? "")}&before={before}";

    public async Task OnGetAsync(int? before, CancellationToken ct)
    {
        Title = S["Posts"];
        var query = db.Posts.AsNoTracking().Where(p => Deleted ? p.DeletedAt != null : p.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLowerInvariant();
            // Translated to SQL lower(…) LIKE on both databases; no .NET culture is involved.
#pragma warning disable CA1304, CA1311, CA1862
            query = query.Where(p => p.Title.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }
        if (Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }
        if (before is { } id)
        {
            query = query.Where(p => p.Id < id);
        }
        var rows = await query.OrderByDescending(p => p.Id).Take(PageSize + 1)
            .Select(p => new AdminPostRow(p.Id, p.Title, p.Kind, p.Status, p.UpdatedAt)).ToListAsync(ct);
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            Older = rows[^1].Id;
        }
        Rows = rows;
    }
}
