using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Newsletter.Issues;

/// <summary>
/// Two past issues with web versions in English, French and Spanish: the International Migrants Day 2021 issue (the day's
/// programme and the news announcing it) and the one after it. Sent long ago, so no demo subscriber is ever mailed them.
/// </summary>
internal static class DemoIssues
{
    public static async Task SeedAsync(ChorusDb db, TimeProvider clock)
    {
        if (await db.NewsletterIssues.AnyAsync())
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var lists = await db.NewsletterLists.OrderBy(l => l.Position).Select(l => l.Id).ToListAsync();
        var migrantsDaySent = new DateTime(2021, 12, 10, 9, 0, 0, DateTimeKind.Utc);
        var januarySent = new DateTime(2022, 1, 20, 9, 0, 0, DateTimeKind.Utc);
        var migrantsDayNews = Slugs.From("International Migrants Day 2021: a day of online events around the world");
        var programme = await db.Events.Where(e => e.Slug == "international-migrants-day-2021").Select(e => (int?)e.Id).FirstOrDefaultAsync();
        var before = await db.Posts.Published(now).Listed().Where(p => p.PublishedAt <= migrantsDaySent && p.Slug != migrantsDayNews)
            .OrderByDescending(p => p.PublishedAt).Take(2).Select(p => p.Id).ToListAsync();
        var news = await db.Posts.Where(p => p.Slug == migrantsDayNews).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var after = await db.Posts.Published(now).Listed().Where(p => p.PublishedAt > migrantsDaySent && p.PublishedAt <= januarySent)
            .OrderByDescending(p => p.PublishedAt).Take(3).Select(p => p.Id).ToListAsync();
        if (after.Count == 0)
        {
            after = before;
        }

        db.NewsletterIssues.Add(new NewsletterIssue
        {
            Slug = "2021-12-international-migrants-day", Subject = "International Migrants Day 2021: join us around the world",
            Introduction = "On **17 December**, members of the coalition host a day of online sessions from every region, each in its own language. Find the one that suits your time zone, and bring a friend.",
            Translations =
            [
                new() { Culture = "fr", Subject = "Journée internationale des migrants 2021 : rejoignez-nous partout dans le monde",
                    Introduction = "Le **17 décembre**, les membres de la coalition organisent une journée de sessions en ligne depuis chaque région, chacune dans sa langue. Trouvez celle qui convient à votre fuseau horaire, et venez accompagné·e." },
                new() { Culture = "es", Subject = "Día Internacional del Migrante 2021: únase a nosotros en todo el mundo",
                    Introduction = "El **17 de diciembre**, los miembros de la coalición organizan una jornada de sesiones en línea desde cada región, cada una en su idioma. Encuentre la que se ajuste a su huso horario y traiga a alguien." },
            ],
            Items = [.. new[] { (IssueItemKind.Event, programme), (IssueItemKind.Post, news) }.Where(i => i.Item2 is not null)
                .Select(i => new IssueItem { Kind = i.Item1, RefId = i.Item2!.Value }).Concat(before.Select(id => new IssueItem { Kind = IssueItemKind.Post, RefId = id }))],
            ListIds = lists, State = IssueState.Sent, ScheduledAt = migrantsDaySent, SentAt = migrantsDaySent, CreatedBy = DemoContent.Author,
            CreatedAt = migrantsDaySent.AddDays(-2), UpdatedAt = migrantsDaySent,
        });
        db.NewsletterIssues.Add(new NewsletterIssue
        {
            Slug = "2022-01-new-year", Subject = "A new year of work together",
            Introduction = "Thank you to everyone who joined the Migrants Day sessions: recordings and reports are on the site. Here is what the coalition published since.",
            Translations =
            [
                new() { Culture = "fr", Subject = "Une nouvelle année de travail ensemble",
                    Introduction = "Merci à toutes celles et ceux qui ont participé aux sessions de la Journée des migrants : les enregistrements et les comptes rendus sont sur le site. Voici ce que la coalition a publié depuis." },
                new() { Culture = "es", Subject = "Un nuevo año de trabajo conjunto",
                    Introduction = "Gracias a todas las personas que participaron en las sesiones del Día del Migrante: las grabaciones y los informes están en el sitio. Esto es lo que la coalición ha publicado desde entonces." },
            ],
            Items = [.. after.Select(id => new IssueItem { Kind = IssueItemKind.Post, RefId = id })],
            ListIds = lists, State = IssueState.Sent, ScheduledAt = januarySent, SentAt = januarySent, CreatedBy = DemoContent.Author,
            CreatedAt = januarySent.AddDays(-1), UpdatedAt = januarySent,
        });
        await db.SaveChangesAsync();
    }
}
