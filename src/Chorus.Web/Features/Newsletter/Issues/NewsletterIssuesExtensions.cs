using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Newsletter.Issues;

internal static class NewsletterIssuesExtensions
{
    /// <summary>Issues of the newsletter: composed in the admin, sent through the outbox in batches, archived publicly.</summary>
    public static void AddNewsletterIssues(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<NewsletterOptions>("Newsletter");
        builder.Services.AddScoped<IssueSender>();
        builder.Services.AddSingleton<IssueSending>();
        builder.Services.AddHostedService(services => services.GetRequiredService<IssueSending>());
        builder.AddAdminMenuItem(new("Newsletter issues", "/admin/newsletter/issues", [Roles.Admin, Roles.Editor], 40));
    }

    /// <summary>Nothing of its own yet: the web version and archive are pages, the API joins /api/v1 (ApiExtensions).</summary>
    public static void MapNewsletterIssues(this WebApplication app) => _ = app;
}
