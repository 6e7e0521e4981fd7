using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Newsletter.Issues;

/// <summary>
/// `bench-newsletter --subscribers 20000`: on an empty database, one list of confirmed subscribers in the six languages
/// (a third with a zone of their own), a few posts (some translated) and one issue of them, ready to send
/// (bench/newsletter.sh starts the site against a counting SMTP sink and times it).
/// </summary>
internal static class BenchNewsletter
{
    private static readonly string[] Cultures = ["en", "fr", "es", "ar", "zh", "ru"];
    private static readonly string?[] Zones = [null, null, "Europe/Paris", null, "America/Bogota", "Asia/Manila"];

    public static void AddBenchNewsletter(this IHostApplicationBuilder builder) =>
        builder.Services.AddCommand("bench-newsletter", "[--subscribers 20000]: fills an empty database with one issue ready to send to that many subscribers",
            async (services, args) =>
            {
                var db = services.GetRequiredService<ChorusDb>();
                if (await db.Subscribers.AnyAsync() || await db.Posts.AnyAsync())
                {
                    await Console.Error.WriteLineAsync("bench-newsletter: this database already has content; it fills an empty one only.");
                    return 1;
                }
                var count = Commands.IntOption(args, "--subscribers", 20_000);
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                var list = new NewsletterList { Slug = "bench", CreatedAt = now, Texts = [new() { Culture = "en", Name = "Bench" }] };
                db.NewsletterLists.Add(list);
                var posts = Enumerable.Range(1, 5).Select(n => new Post
                {
                    Title = $"Bench news {n}", Slug = $"bench-news-{n}", BodyMarkdown = $"Bench text {n}.", Excerpt = $"Bench text {n}.", Status = PostStatus.Published,
                    PublishedAt = now.AddDays(-n), CreatedAt = now, UpdatedAt = now,
                    Translations = [.. Cultures.Skip(1).Take(n).Select(c => new PostTranslation
                    {
                        Culture = c, Title = $"Bench news {n} ({c})", BodyMarkdown = $"Text {n} ({c}).", Excerpt = $"Text {n} ({c}).", State = TranslationState.Human,
                        SourceHash = "", UpdatedAt = now,
                    })],
                }).ToList();
                db.Posts.AddRange(posts);
                await db.SaveChangesAsync();
                for (var start = 0; start < count; start += 5000)
                {
                    db.ChangeTracker.Clear();
                    for (var n = start; n < Math.Min(count, start + 5000); n++)
                    {
                        var email = string.Create(CultureInfo.InvariantCulture, $"reader-{n:000000}@bench.example");
                        db.Subscribers.Add(new Subscriber
                        {
                            Email = email, EmailKey = email, Culture = Cultures[n % 6], TimeZone = n % 3 == 0 ? Zones[n % 6] : null, State = SubscriberState.Confirmed,
                            CreatedAt = now, ConfirmedAt = now, LinkStamp = SubscriberLinks.NewStamp(), Source = "import",
                            Lists = [new SubscriberList { ListId = list.Id, AddedAt = now }],
                        });
                    }
                    await db.SaveChangesAsync();
                }
                db.NewsletterIssues.Add(new NewsletterIssue
                {
                    Slug = "bench-issue", Subject = "Bench issue", Introduction = "An issue to **everyone**.", State = IssueState.Sending, ListIds = [list.Id],
                    Items = [.. posts.Select(p => new IssueItem { Kind = IssueItemKind.Post, RefId = p.Id })], CreatedAt = now, UpdatedAt = now, ScheduledAt = now,
                    Translations = [.. Cultures.Skip(1).Select(c => new IssueText { Culture = c, Subject = $"Bench issue ({c})", Introduction = $"Intro ({c})." })],
                });
                await db.SaveChangesAsync();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"subscribers={count}"));
                return 0;
            });
}
