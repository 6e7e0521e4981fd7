using Chorus.Web.Features.Statements;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Content;

internal enum PostKind { News, Update, Report, Statement, Page }

internal enum PostStatus { Draft, Scheduled, Published }

/// <summary>The text fields a reader sees, in the original or in a translation; rendered on save.</summary>
internal interface IPostText
{
    string Title { get; }
    string? Summary { get; }
    string BodyMarkdown { get; }
    string BodyHtml { get; set; }
    string Excerpt { get; set; }
}

/// <summary>A news item, update, report, statement or static page, written in Markdown.</summary>
internal sealed class Post : IPostText
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }

    /// <summary>Optional hand-written summary; when empty the excerpt is cut from the body.</summary>
    public string? Summary { get; set; }
    public required string BodyMarkdown { get; set; }

    /// <summary>Sanitised HTML, rendered once on save rather than on every request.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>The summary, or a plain-text excerpt of the body; derived on save.</summary>
    public string Excerpt { get; set; } = "";
    public PostKind Kind { get; set; }
    public PostStatus Status { get; set; }

    /// <summary>The instant the post is (or, when scheduled, will be) public. UTC.</summary>
    public DateTime? PublishedAt { get; set; }
    public string AuthorName { get; set; } = "";

    /// <summary>The featured image, from the media library: in listings, at the top of the page and in link previews.</summary>
    public int? ImageId { get; set; }
    public Media.MediaItem? Image { get; set; }
    public List<string> Tags { get; set; } = [];
    public List<Category> Categories { get; set; } = [];

    /// <summary>The language the post was written in.</summary>
    public string Culture { get; set; } = "en";

    /// <summary>Hash of the original's title, summary and body; a translation made from another hash is outdated.</summary>
    public string ContentHash { get; set; } = "";
    public List<PostTranslation> Translations { get; set; } = [];

    /// <summary>Set when <see cref="Kind"/> is <see cref="PostKind.Statement"/>.</summary>
    public StatementDetails? Statement { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Set when moved to the bin: gone from the site, restorable from the admin.</summary>
    public DateTime? DeletedAt { get; set; }

    public const int ExcerptLength = 240;

    /// <summary>Derives the HTML, the excerpt and the content hash (called on every save).</summary>
    public void Render()
    {
        PostTexts.Render(this);
        ContentHash = PostTexts.Hash(this);
    }
}

internal static class PostTexts
{
    public static void Render(IPostText text)
    {
        text.BodyHtml = ContentMarkdown.ToSafeHtml(text.BodyMarkdown);
        text.Excerpt = string.IsNullOrWhiteSpace(text.Summary)
            ? ContentMarkdown.ToExcerpt(text.BodyMarkdown, Post.ExcerptLength)
            : text.Summary.Trim();
    }

    /// <summary>A short fingerprint of what a translator translates: title, summary and body.</summary>
    public static string Hash(IPostText text) => Hash(text.Title, text.Summary, text.BodyMarkdown);

    public static string Hash(string title, string? summary, string body) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes($"{title}\n{summary}\n{body}")))[..16];
}

/// <summary>
/// The link between a post and a category, as an entity of its own so listings can load the
/// categories of a page of posts with one indexed query (SQLite plans EF's joined projection badly).
/// </summary>
internal sealed class PostCategory
{
    public int PostId { get; set; }
    public int CategoryId { get; set; }
    public Category Category { get; set; } = null!;
}

internal sealed class Category
{
    public int Id { get; set; }

    /// <summary>The name in the site's default language; <see cref="Names"/> holds the others.</summary>
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<Post> Posts { get; set; } = [];
    public List<CategoryName> Names { get; set; } = [];
}

/// <summary>A category's name in one more language.</summary>
internal sealed class CategoryName
{
    public required string Culture { get; set; }
    public required string Name { get; set; }
}

internal static class CategoryLookup
{
    /// <summary>The categories with these names (by their slug), adding those that do not exist yet.</summary>
    public static async Task<List<Category>> FindOrAddAsync(Data.ChorusDb db, IEnumerable<string> names, CancellationToken ct)
    {
        var found = new List<Category>();
        foreach (var name in names.Where(n => n.Length <= 100))
        {
            var slug = Slugs.From(name);
            found.Add(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleOrDefaultAsync(db.Categories, c => c.Slug == slug, ct)
                ?? db.Categories.Local.FirstOrDefault(c => c.Slug == slug)
                ?? db.Categories.Add(new Category { Name = name, Slug = slug }).Entity);
        }
        return found;
    }
}
