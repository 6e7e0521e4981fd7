namespace Chorus.Web.Features.Newsletter;

internal static class NewsletterExtensions
{
    /// <summary>Subscribers and their lists: the links every message to them carries.</summary>
    public static void AddNewsletter(this IHostApplicationBuilder builder) =>
        builder.Services.AddSingleton<SubscriberLinks>();
}
