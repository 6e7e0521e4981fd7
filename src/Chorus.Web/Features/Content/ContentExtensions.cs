using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Features.Content.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chorus.Web.Features.Content;

internal static class ContentExtensions
{
    public static void AddContent(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IInterceptor, ContentSaveInterceptor>();
        builder.CachePublicPages("/Content", Shown.Posts);
        builder.CachePublicPages("/Statements", Shown.Posts);
        builder.Services.EvictOnWrite<Post>(Shown.Posts);
        builder.Services.EvictOnWrite<PostTranslation>(Shown.Posts);
        builder.Services.EvictOnWrite<PostCategory>(Shown.Posts);
        builder.Services.EvictOnWrite<Category>(Shown.Posts, Shown.Events);
        builder.AddAdminMenuItem(new("Posts", "/admin/posts", [Roles.Admin, Roles.Editor], 10));
        builder.AddAdminMenuItem(new("Categories", "/admin/categories", [Roles.Admin, Roles.Editor], 15));
        builder.AddContentDashboard();
        builder.Services.AddSingleton<IScheduledChanges, PublicationSchedule>();
        builder.Services.AddSingleton<IBenchDataset, BenchPosts>();
    }
}

/// <summary>
/// Keeps derived post fields (sanitised HTML, excerpt, timestamps) right on every save,
/// whoever saves: the admin, a command, the seeder or a test.
/// </summary>
internal sealed class ContentSaveInterceptor(TimeProvider clock, IHttpContextAccessor http) : SavingHook
{
    private static readonly string[] Revised =
        [nameof(Post.Title), nameof(Post.Slug), nameof(Post.Summary), nameof(Post.BodyMarkdown), nameof(Post.Status), nameof(Post.PublishedAt)];

    protected override void Prepare(DbContext context)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries<Post>().ToList())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var post = entry.Entity;
                post.Render();
                post.UpdatedAt = now;
                if (entry.State == EntityState.Added)
                {
                    post.CreatedAt = now;
                }
                // Every save of what a reader sees leaves a revision to compare with and restore.
                if (entry.State == EntityState.Added || Revised.Any(p => entry.Property(p).IsModified))
                {
                    context.Add(new PostRevision
                    {
                        Post = post, At = now, Author = http.HttpContext?.User.Identity?.Name ?? "system",
                        Title = post.Title, Slug = post.Slug, Summary = post.Summary, BodyMarkdown = post.BodyMarkdown,
                        Status = post.Status, PublishedAt = post.PublishedAt,
                    });
                }
            }
        }
        foreach (var entry in context.ChangeTracker.Entries<PostTranslation>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                PostTexts.Render(entry.Entity);
                entry.Entity.UpdatedAt = now;
            }
        }
    }
}
