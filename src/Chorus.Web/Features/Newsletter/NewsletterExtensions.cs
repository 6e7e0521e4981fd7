using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Newsletter;

internal static class NewsletterExtensions
{
    /// <summary>Subscribers and their lists: the links every message to them carries, and the daily clean-up of unconfirmed ones.</summary>
    public static void AddNewsletter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SubscriberLinks>();
        builder.Services.AddHostedService<UnconfirmedCleanup>();
        builder.AddAdminMenuItem(new("Newsletter subscribers", "/admin/newsletter/subscribers", [Roles.Admin, Roles.Editor], 17));
        builder.AddAdminMenuItem(new("Newsletter lists", "/admin/newsletter/lists", [Roles.Admin, Roles.Editor], 18));
    }

    /// <summary>The one-click unsubscribe address mail clients POST to (RFC 8058).</summary>
    public static void MapNewsletter(this WebApplication app) => app.MapOneClickUnsubscribe();
}
