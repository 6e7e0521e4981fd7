using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Newsletter;

internal static class NewsletterExtensions
{
    /// <summary>Subscribers and their lists: the links every message to them carries, and the hourly clean-up of unconfirmed ones.</summary>
    public static void AddNewsletter(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SubscriberLinks>();
        builder.Services.AddHostedService<UnconfirmedCleanup>();
        builder.Services.AddCommand("newsletter-link", "EMAIL   print a subscriber's preferences address (to send them by hand)", PrintLinkAsync);
        builder.AddAdminMenuItem(new("Newsletter subscribers", "/admin/newsletter/subscribers", [Roles.Admin, Roles.Editor], 17));
        builder.AddAdminMenuItem(new("Newsletter lists", "/admin/newsletter/lists", [Roles.Admin, Roles.Editor], 18));
    }

    /// <summary>A subscriber who lost their emails asks the secretariat: the operator prints their preferences address.</summary>
    private static async Task<int> PrintLinkAsync(IServiceProvider services, string[] args)
    {
        var key = args.Length == 1 ? Subscriptions.Key(args[0]) : "";
        var db = services.GetRequiredService<Data.ChorusDb>();
        if (await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.EmailKey == key) is not { } subscriber)
        {
            await Console.Error.WriteLineAsync("Usage: newsletter-link EMAIL (a subscriber's address).");
            return 1;
        }
        Console.WriteLine(services.GetRequiredService<SubscriberLinks>().PreferencesUrl(subscriber));
        return 0;
    }

    /// <summary>The one-click unsubscribe address mail clients POST to (RFC 8058).</summary>
    public static void MapNewsletter(this WebApplication app) => app.MapOneClickUnsubscribe();
}
