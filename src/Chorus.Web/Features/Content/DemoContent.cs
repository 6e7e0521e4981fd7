using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;
using Chorus.Web.Features.Statements;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Content;

/// <summary>One demo item: written fresh for Chorus, modelled on a migration-rights coalition's site.</summary>
internal sealed record DemoPost(
    string Title, PostKind Kind, DateTime PublishedAt, string[] Categories, string Body,
    string? Summary = null, string[]? Tags = null, StatementDetails? Statement = null, string? Slug = null);

/// <summary>Seeds the demo site on first start (Seed:DemoContent turns it off).</summary>
internal static partial class DemoContent
{
    public const string Author = "Coalition secretariat";

    public static async Task SeedAsync(ChorusDb db, TimeProvider clock, Campaigns.PublicSuffixes suffixes)
    {
        var categories = new Dictionary<string, Category>();
        foreach (var item in News.Concat(DemoStatements.All).Append(About))
        {
            var post = new Post
            {
                Title = item.Title,
                Slug = item.Slug ?? Slugs.From(item.Title),
                Kind = item.Kind,
                Status = item.PublishedAt <= clock.GetUtcNow().UtcDateTime ? PostStatus.Published : PostStatus.Scheduled,
                PublishedAt = item.PublishedAt,
                BodyMarkdown = item.Body,
                Summary = item.Summary,
                AuthorName = Author,
                Tags = [.. item.Tags ?? []],
                Statement = item.Statement,
            };
            foreach (var name in item.Categories)
            {
                if (!categories.TryGetValue(name, out var category))
                {
                    category = new Category
                    {
                        Name = name,
                        Slug = Slugs.From(name),
                        Names = [.. (CategoryNames.GetValueOrDefault(name) ?? []).Select(n => new CategoryName { Culture = n.Culture, Name = n.Name })],
                    };
                    categories.Add(name, category);
                }
                post.Categories.Add(category);
            }
            db.Posts.Add(post);
        }
        await db.SaveChangesAsync();

        var bySlug = db.Posts.Local.ToDictionary(p => p.Slug);
        foreach (var t in DemoTranslations.All)
        {
            var original = bySlug[t.Slug];
            original.Translations.Add(new PostTranslation
            {
                Culture = t.Culture, Title = t.Title, Summary = t.Summary, BodyMarkdown = t.Body,
                State = TranslationState.Human, SourceHash = original.ContentHash, StatementAddressee = t.Addressee,
            });
        }
        await db.SaveChangesAsync();
        await Organisations.DemoOrganisations.SeedAsync(db, bySlug.ToDictionary(p => p.Key, p => p.Value.Id));
        await Chorus.Web.Features.Events.DemoEvents.SeedAsync(db, clock);
        await Campaigns.DemoCampaigns.SeedAsync(db, clock, suffixes, bySlug.ToDictionary(p => p.Key, p => p.Value.Id));
        await Consultations.DemoConsultations.SeedAsync(db, clock, bySlug.ToDictionary(p => p.Key, p => p.Value.Id));
        await Newsletter.DemoNewsletter.SeedAsync(db, clock);
        await SeedHomeAsync(db, clock);
        await Newsletter.Issues.DemoIssues.SeedAsync(db, clock);
    }

    /// <summary>A home page showing the coalition's current work: the call for sign-ons first, then events, open campaigns, statements, news.</summary>
    private static async Task SeedHomeAsync(ChorusDb db, TimeProvider clock)
    {
        var campaign = await db.Campaigns.OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        db.SiteLook.Add(new Site.SiteLook
        {
            UpdatedAt = clock.GetUtcNow().UtcDateTime,
            Home =
            [
                .. campaign is { } id ? [new Site.HomeBlock { Kind = Site.HomeBlockKind.Featured, Item = $"campaign:{id}" }] : Array.Empty<Site.HomeBlock>(),
                new Site.HomeBlock { Kind = Site.HomeBlockKind.Events },
                new Site.HomeBlock { Kind = Site.HomeBlockKind.Campaigns },
                new Site.HomeBlock { Kind = Site.HomeBlockKind.Statements },
                new Site.HomeBlock { Kind = Site.HomeBlockKind.News },
                new Site.HomeBlock
                {
                    Kind = Site.HomeBlockKind.About,
                    Texts =
                    [
                        new Site.HomeBlockText { Culture = "en", Body = "A global network of civil-society organisations working for the rights of migrants, refugees and people on the move. [Read more about us](/en/pages/about)." },
                        new Site.HomeBlockText { Culture = "fr", Title = "Qui sommes-nous", Body = "Un réseau mondial d'organisations de la société civile qui défendent les droits des migrants, des réfugiés et des personnes en déplacement. [En savoir plus](/fr/pages/about)." },
                    ],
                },
            ],
        });
        await db.SaveChangesAsync();
    }

    private static (string Culture, string Name)[] In(string fr, string es, string ar, string zh, string ru) =>
        [("fr", fr), ("es", es), ("ar", ar), ("zh", zh), ("ru", ru)];

    private static readonly Dictionary<string, (string Culture, string Name)[]> CategoryNames = new()
    {
        ["Events"] = In("Événements", "Eventos", "الفعاليات", "活动", "Мероприятия"),
        ["UN processes"] = In("Processus de l'ONU", "Procesos de la ONU", "عمليات الأمم المتحدة", "联合国进程", "Процессы ООН"),
        ["Position papers"] = In("Prises de position", "Documentos de posición", "أوراق الموقف", "立场文件", "Позиционные документы"),
        ["Member news"] = In("Nouvelles des membres", "Noticias de los miembros", "أخبار الأعضاء", "成员动态", "Новости участников"),
        ["Webinars"] = In("Webinaires", "Seminarios web", "ندوات عبر الإنترنت", "网络研讨会", "Вебинары"),
        ["Research"] = In("Recherche", "Investigación", "الأبحاث", "研究", "Исследования"),
        ["Statements"] = In("Déclarations", "Declaraciones", "البيانات", "声明", "Заявления"),
        ["Climate"] = In("Climat", "Clima", "المناخ", "气候", "Климат"),
    };

    internal static DateTime Utc(int year, int month, int day, int hour = 9) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static readonly DemoPost About = new(
        "About the coalition", PostKind.Page, Utc(2020, 1, 1), [],
        """
        The **Crossroads Coalition** is a global network of civil-society organisations working for the
        rights and dignity of people on the move: migrants, refugees, displaced people and their families.

        Our members and observers include migrant-led groups, diaspora associations, trade unions, faith-based
        organisations, academic networks and human-rights NGOs in every region. Together we:

        - speak with one voice to United Nations Member States and agencies, through statements,
          interventions and position papers;
        - convene online dialogues that bring grassroots voices into global processes;
        - share research and practice on detention, labour migration, climate mobility and regular pathways.

        The coalition is coordinated by a small secretariat and steered by its co-conveners, elected by the
        members every two years. Membership is open to any not-for-profit organisation that shares our
        principles of human rights, non-discrimination and migrant participation.

        *This is demonstration content written for Chorus; the coalition and its members are fictional.*
        """, Slug: "about");
}
