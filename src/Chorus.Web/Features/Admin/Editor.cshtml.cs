using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Admin;

/// <summary>A page of the site the editor's link dialog offers.</summary>
internal sealed record LinkTarget(string Title, string Kind, string Url);

/// <summary>
/// /admin/editor: how to write with the rich text editor (shortcuts, images, links), and the two services editor.js asks
/// for while someone writes: the preview, rendered by the same code as the public page, and the search of the site's own
/// posts, pages, events and campaigns for a link. Page handlers rather than minimal APIs so they are held to the staff
/// pages' rules (role, two-factor sign-in, antiforgery on the POST) by the same conventions.
/// </summary>
internal sealed class EditorModel(ChorusDb db, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    private const int Found = 12;

    public void OnGet() => Title = S["Writing with the editor"];

    /// <summary>The Markdown as the public page will show it.</summary>
    public ContentResult OnPostPreview([FromForm] string? markdown) =>
        Content(ContentMarkdown.ToSafeHtml(markdown ?? ""), "text/html; charset=utf-8");

    /// <summary>Pages whose title holds <paramref name="q"/>, as addresses in the language the text is written in.</summary>
    public async Task<JsonResult> OnGetLinksAsync(string? q, string? culture, CancellationToken ct)
    {
        var term = (q ?? "").Trim().ToLowerInvariant();
        var lang = site.Value.Cultures.Contains(culture) ? culture! : site.Value.Cultures[0];
        if (term.Length == 0)
        {
            return new JsonResult(Array.Empty<LinkTarget>());
        }
        // Translated to SQL lower(…) LIKE on both databases; no .NET culture is involved.
#pragma warning disable CA1304, CA1311, CA1862
        var posts = await db.Posts.AsNoTracking().Where(p => p.DeletedAt == null && p.Title.ToLower().Contains(term))
            .OrderByDescending(p => p.UpdatedAt).Take(Found).Select(p => new { p.Title, p.Slug, p.Kind }).ToListAsync(ct);
        var events = await db.Events.AsNoTracking().Where(e => e.DeletedAt == null && e.Title.ToLower().Contains(term))
            .OrderByDescending(e => e.Id).Take(Found).Select(e => new { e.Title, e.Slug }).ToListAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().Where(c => c.DeletedAt == null && c.Title.ToLower().Contains(term))
            .OrderByDescending(c => c.Id).Take(Found).Select(c => new { c.Title, c.Slug }).ToListAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
        LinkTarget[] found =
        [
            .. posts.Select(p => p.Kind == PostKind.Page
                ? new LinkTarget(p.Title, S["Static page"], $"/{lang}/pages/{p.Slug}")
                : new LinkTarget(p.Title, S[p.Kind.ToString()], $"/{lang}/news/{p.Slug}")),
            .. events.Select(e => new LinkTarget(e.Title, S["Event"], $"/{lang}/events/{e.Slug}")),
            .. campaigns.Select(c => new LinkTarget(c.Title, S["Campaign"], $"/{lang}/campaigns/{c.Slug}")),
        ];
        // Titles that start with the words typed come first: what someone searching for "Migrants Day" means.
        return new JsonResult(found.OrderBy(f => f.Title.StartsWith(term, StringComparison.OrdinalIgnoreCase) ? 0 : 1).ThenBy(f => f.Title).Take(Found * 2));
    }
}
