using Chorus.Web.Features.Content;

namespace Chorus.Web.Tests;

/// <summary>Writes posts the way the app does (through the DbContext, so they are rendered on save).</summary>
internal static class Posts
{
    public static Post Make(string title, DateTime? publishedAt, PostStatus status = PostStatus.Published,
        string body = "Some body text.", PostKind kind = PostKind.News) => new()
        {
            Title = title,
            Slug = Chorus.Web.Infrastructure.Slugs.From(title),
            BodyMarkdown = body,
            Kind = kind,
            Status = status,
            PublishedAt = publishedAt,
            AuthorName = "Test author",
        };

    public static Task Add(this ChorusFactory app, params Post[] posts) => app.WithDb(async db =>
    {
        db.Posts.AddRange(posts);
        await db.SaveChangesAsync();
    });
}
