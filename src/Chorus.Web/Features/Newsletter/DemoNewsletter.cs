using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Newsletter;

/// <summary>
/// The demo's three lists, named and described in the six languages, and 40 subscribers reading in them. Reserved
/// <c>.example</c> addresses only (RFC 2606): a demo never mails a real person. Seeded once (nothing if lists exist).
/// </summary>
internal static class DemoNewsletter
{
    private static readonly (string Slug, (string Culture, string Name, string Description)[] Texts)[] Lists =
    [
        ("news-and-statements", [
            ("en", "News and statements", "The coalition's news, statements and open letters, about twice a month."),
            ("fr", "Actualités et déclarations", "Les actualités, déclarations et lettres ouvertes de la coalition, environ deux fois par mois."),
            ("es", "Noticias y declaraciones", "Las noticias, declaraciones y cartas abiertas de la coalición, unas dos veces al mes."),
            ("ar", "الأخبار والبيانات", "أخبار التحالف وبياناته ورسائله المفتوحة، مرتين في الشهر تقريبًا."),
            ("zh", "新闻与声明", "联盟的新闻、声明和公开信，大约每月两次。"),
            ("ru", "Новости и заявления", "Новости, заявления и открытые письма коалиции, примерно дважды в месяц."),
        ]),
        ("events", [
            ("en", "Events", "Upcoming webinars, consultations and side events, with their times in your zone."),
            ("fr", "Événements", "Les prochains webinaires, consultations et événements parallèles, à l’heure de votre fuseau."),
            ("es", "Eventos", "Próximos seminarios web, consultas y eventos paralelos, con la hora de su zona."),
            ("ar", "الفعاليات", "الندوات الإلكترونية والمشاورات والفعاليات الجانبية القادمة، بتوقيت منطقتك."),
            ("zh", "活动", "即将举行的网络研讨会、磋商和会外活动，按您的时区显示时间。"),
            ("ru", "Мероприятия", "Ближайшие вебинары, консультации и параллельные мероприятия, со временем в вашем часовом поясе."),
        ]),
        ("calls-for-sign-on", [
            ("en", "Calls for sign-on", "When a position paper or open letter opens for endorsement by organisations."),
            ("fr", "Appels à signature", "Quand une prise de position ou une lettre ouverte est ouverte à la signature des organisations."),
            ("es", "Convocatorias de adhesión", "Cuando un documento de posición o una carta abierta se abre a la adhesión de organizaciones."),
            ("ar", "دعوات التوقيع", "عندما تُفتح ورقة موقف أو رسالة مفتوحة لتأييد المنظمات."),
            ("zh", "联署呼吁", "当立场文件或公开信开放给各组织联署时。"),
            ("ru", "Призывы к подписанию", "Когда позиционный документ или открытое письмо открыты для подписания организациями."),
        ]),
    ];

    private static readonly string[] Names =
    [
        "amina", "lucas", "sofia", "karim", "mei", "olga", "joao", "fatou", "diego", "leila", "chen", "ivan", "nadia", "pierre", "lucia", "omar",
        "yan", "anna", "samuel", "rania",
    ];

    public static async Task SeedAsync(ChorusDb db, TimeProvider clock)
    {
        if (await db.NewsletterLists.AnyAsync())
        {
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var lists = Lists.Select((l, i) => new NewsletterList
        {
            Slug = l.Slug, Position = i + 1, CreatedAt = now.AddDays(-400),
            Texts = [.. l.Texts.Select(t => new NewsletterListText { Culture = t.Culture, Name = t.Name, Description = t.Description })],
        }).ToList();
        db.NewsletterLists.AddRange(lists);
        string[] cultures = ["en", "fr", "es", "ar", "zh", "ru"];
        string[] zones = ["Europe/London", "Europe/Paris", "America/Bogota", "Africa/Cairo", "Asia/Shanghai", "Europe/Moscow"];
        for (var i = 0; i < 40; i++)
        {
            var c = i % cultures.Length;
            var joined = i == 37 ? now.AddDays(-2) : now.AddDays(-5 * (i + 1));
            var email = $"{Names[i % Names.Length]}.{i + 1}@readers.example";
            db.Subscribers.Add(new Subscriber
            {
                Email = email, EmailKey = email, Culture = cultures[c], TimeZone = i % 3 == 0 ? zones[c] : null,
                State = i switch { 37 => SubscriberState.Pending, 38 => SubscriberState.Unsubscribed, 39 => SubscriberState.Bouncing, _ => SubscriberState.Confirmed },
                Source = i % 4 == 0 ? "import" : "form", CreatedAt = joined, ConfirmedAt = i == 37 ? null : joined.AddMinutes(10),
                UnsubscribedAt = i == 38 ? now.AddDays(-2) : null, Bounces = i == 39 ? 3 : 0,
                ConsentVersion = Subscriptions.ConsentVersion, ConsentText = Subscriptions.ConsentKey, ConsentAt = joined,
                LinkStamp = SubscriberLinks.NewStamp(),
                Lists = [.. lists.Where((_, k) => k == 0 || (i + k) % 2 == 0).Select(l => new SubscriberList { List = l, AddedAt = joined })],
            });
        }
        await db.SaveChangesAsync();
    }
}
