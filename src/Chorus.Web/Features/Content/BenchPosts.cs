using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Content;

/// <summary>
/// 100,000 posts (by default), one every 20 minutes back from 2026, each in one of 20 topical
/// categories and all in "archive", so a category page 5,000 pages deep exists.
/// </summary>
internal sealed class BenchPosts : IBenchDataset
{
    private const int Batch = 5000;

    public async Task AddAsync(ChorusDb db, string[] args, TextWriter output, CancellationToken ct)
    {
        var count = Commands.IntOption(args, "--posts", 100_000);
        var topics = Enumerable.Range(1, 20)
            .Select(n => new Category { Name = $"Topic {n:00}", Slug = $"topic-{n:00}" })
            .Append(new Category { Name = "Archive", Slug = "archive" })
            .ToList();
        db.Categories.AddRange(topics);
        await db.SaveChangesAsync(ct);
        var newest = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        for (var start = 0; start < count; start += Batch)
        {
            // Fresh, attached stand-ins each batch: reusing the first objects would drag every
            // earlier post back into the change tracker through Category.Posts.
            db.ChangeTracker.Clear();
            var categories = topics.Select(t => new Category { Id = t.Id, Name = t.Name, Slug = t.Slug }).ToList();
            db.Categories.AttachRange(categories);
            for (var n = start; n < Math.Min(count, start + Batch); n++)
            {
                var post = new Post
                {
                    Title = string.Create(CultureInfo.InvariantCulture, $"Bench post {n:000000}: notes on migration governance"),
                    Slug = string.Create(CultureInfo.InvariantCulture, $"bench-post-{n:000000}"),
                    Kind = (PostKind)(n % 3),
                    Status = PostStatus.Published,
                    PublishedAt = newest.AddMinutes(-20.0 * n),
                    AuthorName = "Bench",
                    BodyMarkdown = Body(n),
                    Categories = [categories[n % 20], categories[^1]],
                };
                db.Posts.Add(post);
            }
            await db.SaveChangesAsync(ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"posts={Math.Min(count, start + Batch)}"));
        }

        // Page N of the archive begins after the last post of page N-1: its cursor is that post's.
        var page = Math.Clamp(count / PostQueries.PageSize, 2, 5000);
        var cursorPost = await db.Posts.AsNoTracking().OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
            .Skip(((page - 1) * PostQueries.PageSize) - 1)
            .Select(p => new { p.PublishedAt, p.Id, p.Slug }).FirstAsync(ct);
        var cursor = new PostCursor(cursorPost.PublishedAt!.Value, cursorPost.Id);
        await output.WriteLineAsync($"post_url=/en/news/{cursorPost.Slug}");
        await output.WriteLineAsync($"deep_category_url=/en/category/archive?before={cursor}");
        await output.WriteLineAsync($"deep_category_page={page}");
    }

    /// <summary>Words that vary from post to post, so searches match a realistic share of the archive, not all of it.</summary>
    private static readonly string[] Places =
    [
        "Kenya", "Mexico", "Senegal", "Philippines", "Nepal", "Morocco", "Ecuador", "Bangladesh", "Lebanon", "Guatemala", "Indonesia", "Nigeria",
        "Colombia", "Tunisia", "Ukraine", "Jordan", "Honduras", "Sudan", "Peru", "Malaysia", "Ghana", "Haiti", "Niger", "Chad", "Libya", "Qatar",
        "Mali", "Yemen", "Fiji", "Chile", "Bolivia", "Zambia", "Uganda", "Somalia", "Gambia", "Panama", "Turkey",
    ];

    private static readonly string[] Themes =
    [
        "remittances", "recruitment fees", "domestic work", "family reunification", "statelessness", "forced returns", "readmission agreements",
        "firewalls", "labour inspection", "seasonal visas", "asylum procedures", "border deaths", "search and rescue", "health care access",
        "education access", "birth registration", "climate displacement", "xenophobia", "trafficking", "smuggling", "wage theft", "regularisation",
        "consular protection", "child detention", "alternatives to detention", "data protection", "portable social security", "skills recognition",
        "diaspora investment",
    ];

    private static string Body(int n) => string.Create(CultureInfo.InvariantCulture, $"""
        Hosted from {Places[n % Places.Length]}, this meeting focused on {Themes[n % Themes.Length]}.

        Civil-society organisations met for the {n}th time to review how the commitments on safe, orderly and
        regular migration are being implemented. Members reported on **detention**, *fair recruitment* and
        access to services, and agreed on next steps.

        - Regional focal points will gather written input.
        - The secretariat will prepare a summary for [the members](/en/pages/about).

        The discussion continued on climate mobility and on the protection of people displaced by disasters,
        with speakers from every region and interpretation into French and Spanish.
        """);
}
