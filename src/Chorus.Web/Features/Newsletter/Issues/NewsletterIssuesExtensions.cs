using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Newsletter.Issues;

internal static class NewsletterIssuesExtensions
{
    /// <summary>Issues of the newsletter: composed in the admin, sent through the outbox in batches, archived publicly.</summary>
    public static void AddNewsletterIssues(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<NewsletterOptions>("Newsletter");
        builder.AddBenchNewsletter();
        // A sent issue is public (web version, archive, feed, sitemap: untagged pages, so they carry the content tags);
        // drafts are not. The sender marks an issue sent with ExecuteUpdate and evicts for itself.
        builder.Services.EvictOnWrite<NewsletterIssue>(entry =>
            // Owned rows (texts, items) come here too; a sent issue's are never edited.
            entry.Entity is NewsletterIssue && entry.Property(nameof(NewsletterIssue.State)) is var state
                && (state.CurrentValue is IssueState.Sent || (entry.State != EntityState.Added && state.OriginalValue is IssueState.Sent))
                ? [Shown.Posts] : []);
        builder.Services.AddScoped<IssueSender>();
        builder.Services.AddSingleton<IssueSending>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IssueSending>());
        builder.AddAdminMenuItem(new("Newsletter issues", "/admin/newsletter/issues", [Roles.Admin, Roles.Editor], 40));
    }

    /// <summary>Nothing of its own yet: the web version and archive are pages, the API joins /api/v1 (ApiExtensions).</summary>
    public static void MapNewsletterIssues(this WebApplication app) => _ = app;
}
