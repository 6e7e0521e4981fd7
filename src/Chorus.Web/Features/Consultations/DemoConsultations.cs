using Chorus.Web.Data;
using Chorus.Web.Features.Campaigns;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

/// <summary>
/// The open global civil society consultation of 28 June 2021 ahead of the International Migration Review Forum: eight
/// questions in English, French, Spanish and Arabic, 160 confirmed answers from the demo organisations and individuals
/// in four languages (contact data long erased), published results, presented at the July 2021 dialogue and followed by
/// its report. Every answer is derived from its number, so the seed is the same on every run.
/// </summary>
internal static class DemoConsultations
{
    public const string Slug = "open-global-consultation-2021";
    public const int Answers = 160;

    private static readonly string[] Languages = ["en", "fr", "es", "ar"];

    // The 12 points of the position paper (DemoCampaigns), as short themes: en, fr, es, ar.
    private static readonly string[][] Themes =
    [
        ["End child immigration detention", "Fin de la détention des enfants", "Fin de la detención de niños", "إنهاء احتجاز الأطفال"],
        ["Access to justice and legal aid", "Accès à la justice et à l’aide juridique", "Acceso a la justicia y asistencia jurídica", "الوصول إلى العدالة والمساعدة القانونية"],
        ["Regular pathways", "Voies régulières", "Vías regulares", "المسارات النظامية"],
        ["Fair and ethical recruitment", "Recrutement équitable et éthique", "Contratación justa y ética", "التوظيف العادل والأخلاقي"],
        ["Disaster and climate displacement", "Déplacements liés aux catastrophes et au climat", "Desplazamiento por desastres y clima", "النزوح بسبب الكوارث والمناخ"],
        ["Health care without fear", "Soins de santé sans crainte", "Atención de salud sin miedo", "الرعاية الصحية دون خوف"],
        ["Firewalls for public services", "Pare-feu pour les services publics", "Cortafuegos para los servicios públicos", "فصل الخدمات العامة عن إنفاذ الهجرة"],
        ["No pushbacks; investigate deaths at borders", "Pas de refoulements ; enquêtes sur les morts aux frontières", "No a las devoluciones; investigar las muertes en fronteras", "لا للإعادة القسرية؛ التحقيق في الوفيات على الحدود"],
        ["Regularisation", "Régularisation", "Regularización", "تسوية الأوضاع"],
        ["Migrant domestic workers (ILO C189)", "Travailleuses domestiques migrantes (C189 de l’OIT)", "Trabajadoras domésticas migrantes (C189 de la OIT)", "العاملات المنزليات المهاجرات (اتفاقية 189)"],
        ["Migrants in policy making", "Les migrants dans l’élaboration des politiques", "Personas migrantes en la formulación de políticas", "إشراك المهاجرين في صنع السياسات"],
        ["Public, disaggregated data", "Données publiques et ventilées", "Datos públicos y desglosados", "بيانات عامة ومصنّفة"],
    ];

    private static readonly string[][] Regions =
    [
        ["Africa", "Afrique", "África", "أفريقيا"], ["Americas", "Amériques", "Américas", "الأمريكتان"], ["Asia and the Pacific", "Asie et Pacifique", "Asia y el Pacífico", "آسيا والمحيط الهادئ"],
        ["Europe", "Europe", "Europa", "أوروبا"], ["Arab States", "États arabes", "Estados árabes", "الدول العربية"],
    ];

    private static readonly string[][] Formats =
    [
        ["Online, with interpretation", "En ligne, avec interprétation", "En línea, con interpretación", "عبر الإنترنت مع الترجمة الفورية"],
        ["In person in New York", "En personne à New York", "En persona en Nueva York", "حضورياً في نيويورك"],
        ["Regional hubs", "Pôles régionaux", "Centros regionales", "مراكز إقليمية"],
        ["Written submissions only", "Contributions écrites seulement", "Solo contribuciones escritas", "مساهمات مكتوبة فقط"],
    ];

    private static readonly string[][] YesNo = [["Yes", "Oui", "Sí", "نعم"], ["No", "Non", "No", "لا"], ["Maybe", "Peut-être", "Quizás", "ربما"]];

    // What respondents wrote about barriers, by language; the themes the secretariat tagged them with.
    private static readonly (string Text, string Theme)[][] Barriers =
    [
        [("Our delegates are refused visas to attend meetings in New York.", "Visas"), ("We have no funding to travel or to pay for interpretation.", "Funding"),
            ("Documents arrive late and only in English.", "Language"), ("Speaking slots go to the same large organisations every time.", "Access"),
            ("Online meetings fall in the middle of our night.", "Time zones")],
        [("Nos délégués se voient refuser leurs visas pour les réunions à New York.", "Visas"), ("Nous n’avons pas de financement pour voyager.", "Funding"),
            ("Les documents arrivent tard et seulement en anglais.", "Language"), ("Les temps de parole reviennent toujours aux mêmes grandes organisations.", "Access")],
        [("A nuestras delegadas les niegan la visa para las reuniones en Nueva York.", "Visas"), ("No tenemos fondos para viajar ni para la interpretación.", "Funding"),
            ("Los documentos llegan tarde y solo en inglés.", "Language"), ("Las reuniones en línea caen de madrugada para nosotros.", "Time zones")],
        [("تُرفض تأشيرات مندوبينا لحضور الاجتماعات في نيويورك.", "Visas"), ("لا يتوفر لدينا تمويل للسفر أو للترجمة.", "Funding"),
            ("تصل الوثائق متأخرة وباللغة الإنجليزية فقط.", "Language")],
    ];

    private static readonly string[][] Recommendations =
    [
        ["End the detention of children now.", "Open regular pathways for work.", "Give migrant-led groups a seat at the table."],
        ["Mettez fin à la détention des enfants.", "Ouvrez des voies régulières de travail.", "Donnez une place aux organisations de migrants."],
        ["Pongan fin a la detención de niños.", "Abran vías regulares de trabajo.", "Den un lugar a las organizaciones de migrantes."],
        ["أنهوا احتجاز الأطفال الآن.", "افتحوا مسارات نظامية للعمل.", "أشركوا منظمات المهاجرين في القرار."],
    ];

    /// <summary>The consultation open now, for members to try the form (no answers yet).</summary>
    public const string OpenSlug = "coalition-priorities-consultation";

    public static async Task SeedAsync(ChorusDb db, TimeProvider clock, IReadOnlyDictionary<string, int> posts)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = NewConsultation(OpenSlug, now.AddDays(-3).Date, now.AddDays(25).Date.AddHours(22));
        (open.Title, open.ResultsPublished, open.AnswersPublishable) = ("What should the coalition work on next? An open consultation", false, false);
        open.IntroductionMarkdown = "The Review Forum is behind us. Tell us which of the twelve points of our position paper should come first in the coalition's work, and what keeps you from taking part.";
        open.Translations =
        [
            new() { Culture = "fr", Title = "Sur quoi la coalition doit-elle travailler ensuite ? Une consultation ouverte",
                IntroductionMarkdown = "Dites-nous lesquels des douze points de notre prise de position doivent passer en premier, et ce qui vous empêche de participer." },
            new() { Culture = "es", Title = "¿En qué debe trabajar ahora la coalición? Una consulta abierta",
                IntroductionMarkdown = "Díganos cuáles de los doce puntos de nuestro documento deben ir primero y qué les impide participar." },
            new() { Culture = "ar", Title = "على ماذا ينبغي أن يعمل التحالف بعد ذلك؟ استشارة مفتوحة",
                IntroductionMarkdown = "أخبرونا أي النقاط الاثنتي عشرة في ورقة موقفنا ينبغي أن تأتي أولاً، وما الذي يمنعكم من المشاركة." },
        ];
        // Members may attach what they already wrote (a statement, a report): an optional PDF.
        open.Questions.Add(Question(8, QuestionKind.File, false, null,
            ["If your organisation has written about this, attach it (optional)", "Si votre organisation a écrit sur ce sujet, joignez le document (facultatif)",
                "Si su organización ha escrito sobre esto, adjunte el documento (opcional)", "إن كانت منظمتكم قد كتبت عن ذلك، أرفقوا الوثيقة (اختياري)"]));
        await AddAsync(db, open);

        var dialogue = await db.Events.Where(e => e.Slug == "member-states-dialogue-2021").Select(e => (int?)e.Id).FirstOrDefaultAsync();
        var c = NewConsultation(Slug, new DateTime(2021, 6, 14, 9, 0, 0, DateTimeKind.Utc), new DateTime(2021, 6, 28, 22, 0, 0, DateTimeKind.Utc));
        (c.EventId, c.PostId) = (dialogue, posts.GetValueOrDefault("dialogue-with-member-states-what-we-heard") is > 0 and var post ? post : null);
        await AddAsync(db, c);
        var organisations = await db.Organisations.AsNoTracking().Where(o => o.ArchivedAt == null && o.MergedIntoId == null).OrderBy(o => o.Id).ToListAsync();
        for (var i = 0; i < Answers; i++)
        {
            var r = NewResponse(c, i, i < organisations.Count ? organisations[i] : null);
            r.ContactErasedAt = c.ClosesAt.AddDays(c.EraseContactAfterDays);
            db.ConsultationResponses.Add(r);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>Saves the consultation, then puts its questions in their sections (the sections need their ids first).</summary>
    public static async Task AddAsync(ChorusDb db, Consultation c)
    {
        db.Consultations.Add(c);
        await db.SaveChangesAsync();
        foreach (var q in c.Questions)
        {
            q.SectionId = c.Sections[q.Position < 2 ? 0 : 1].Id;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The 2021 consultation's texts and questions, open between these instants, results published (bench/consultation.sh uses it too).</summary>
    public static Consultation NewConsultation(string slug, DateTime opens, DateTime closes) => new()
    {
        Slug = slug, Title = "Open global civil society consultation ahead of the International Migration Review Forum",
        IntroductionMarkdown = """
            On **28 June 2021** the coalition asks civil society everywhere: what should Member States hear at the dialogue of 14 July?
            Your inputs, ideas and proposals will be presented to UN Member States. Answer in your language; it takes about ten minutes.
            """,
        OpensAt = opens, ClosesAt = closes, Respondents = Respondents.Both, AnswersPublishable = true, ResultsPublished = true,
        Translations =
        [
            new() { Culture = "fr", Title = "Consultation mondiale ouverte de la société civile avant le Forum d’examen des migrations internationales",
                IntroductionMarkdown = "Le **28 juin 2021**, la coalition demande à la société civile : que doivent entendre les États membres lors du dialogue du 14 juillet ? Vos contributions leur seront présentées." },
            new() { Culture = "es", Title = "Consulta mundial abierta de la sociedad civil antes del Foro de Examen de la Migración Internacional",
                IntroductionMarkdown = "El **28 de junio de 2021** la coalición pregunta a la sociedad civil: ¿qué deben escuchar los Estados miembros en el diálogo del 14 de julio? Sus aportes les serán presentados." },
            new() { Culture = "ar", Title = "استشارة عالمية مفتوحة للمجتمع المدني قبل منتدى استعراض الهجرة الدولية",
                IntroductionMarkdown = "في **28 حزيران/يونيو 2021** يسأل التحالف المجتمع المدني: ماذا ينبغي أن تسمع الدول الأعضاء في حوار 14 تموز/يوليو؟ ستُعرض مساهماتكم عليها." },
        ],
        Sections =
        [
            Section(0, "About your organisation", "À propos de votre organisation", "Sobre su organización", "عن منظمتكم"),
            Section(1, "Priorities and participation", "Priorités et participation", "Prioridades y participación", "الأولويات والمشاركة"),
        ],
        Questions =
        [
            Question(0, QuestionKind.Country, false, null, ["Where is your organisation based?", "Où votre organisation est-elle basée ?", "¿Dónde tiene su sede su organización?", "أين يقع مقر منظمتكم؟"]),
            Question(1, QuestionKind.MultipleChoice, true, Regions, ["In which regions do you work?", "Dans quelles régions travaillez-vous ?", "¿En qué regiones trabajan?", "في أي المناطق تعملون؟"], other: true),
            Question(2, QuestionKind.Ranking, true, Themes, ["Rank your three priorities among the twelve points of the position paper", "Classez vos trois priorités parmi les douze points de la prise de position", "Ordene sus tres prioridades entre los doce puntos del documento de posición", "رتّبوا أولوياتكم الثلاث من بين النقاط الاثنتي عشرة في ورقة الموقف"], max: 3),
            Question(3, QuestionKind.Scale, false, null, ["How well do Member States involve civil society in the Review Forum so far?", "Dans quelle mesure les États membres associent-ils la société civile au Forum jusqu’ici ?", "¿Cuánto involucran los Estados miembros a la sociedad civil en el Foro hasta ahora?", "إلى أي حد تُشرك الدول الأعضاء المجتمع المدني في المنتدى حتى الآن؟"]),
            Question(4, QuestionKind.LongText, true, null, ["What are the main barriers to your participation in UN processes?", "Quels sont les principaux obstacles à votre participation aux processus de l’ONU ?", "¿Cuáles son los principales obstáculos para su participación en los procesos de la ONU?", "ما العوائق الرئيسية أمام مشاركتكم في عمليات الأمم المتحدة؟"]),
            Question(5, QuestionKind.SingleChoice, false, Formats, ["Which format would help you take part in the dialogue?", "Quel format vous aiderait à participer au dialogue ?", "¿Qué formato les ayudaría a participar en el diálogo?", "أي صيغة تساعدكم على المشاركة في الحوار؟"], other: true),
            Question(6, QuestionKind.ShortText, false, null, ["One recommendation you want Member States to hear", "Une recommandation que les États membres doivent entendre", "Una recomendación que los Estados miembros deben escuchar", "توصية واحدة تريدون أن تسمعها الدول الأعضاء"]),
            Question(7, QuestionKind.SingleChoice, false, YesNo, ["Would your organisation speak at the dialogue on 14 July?", "Votre organisation souhaite-t-elle prendre la parole le 14 juillet ?", "¿Su organización intervendría en el diálogo del 14 de julio?", "هل ترغب منظمتكم في الكلمة في حوار 14 تموز/يوليو؟"]),
        ],
    };

    private static readonly string[] DemoCountries = ["KE", "NG", "SN", "MX", "CO", "GT", "PH", "NP", "BD", "DE", "GR", "LB", "JO", "MA", "FJ", "AR"];

    /// <summary>Answer number <paramref name="i"/>, confirmed: everything in it derives from the number (and the organisation, when one answers).</summary>
    public static Response NewResponse(Consultation c, int i, Organisations.Organisation? organisation)
    {
        var (q0, q1, q2, q3, q4, q5, q6, q7) = (c.Questions[0], c.Questions[1], c.Questions[2], c.Questions[3], c.Questions[4], c.Questions[5], c.Questions[6], c.Questions[7]);
        var n = (uint)(i * 2654435761u + 12345u); // a fixed scramble of the answer's number
        int Pick(int count, int salt) => (int)((n >> salt) % (uint)count);
        var language = i % 10 < 5 ? "en" : Languages[1 + (i % 3)];
        var li = Array.IndexOf(Languages, language);
        var individual = i % 8 == 7;
        var org = individual ? null : organisation;
        var country = org?.Country ?? DemoCountries[Pick(DemoCountries.Length, 3)];
        var confirmedAt = c.OpensAt.AddMinutes(30 + (i * 4919 % (int)Math.Max(60, (c.ClosesAt - c.OpensAt).TotalMinutes - 60)));
        var (barrier, theme) = Barriers[li][Pick(Barriers[li].Length, 5)];
        var r = new Response
        {
            ConsultationId = c.Id, IsIndividual = individual, OrganisationId = org?.Id,
            Name = individual ? $"Respondent {i + 1}" : org?.Name ?? $"Community group {i + 1}", Country = country,
            Type = individual ? null : org?.Type ?? Organisations.OrganisationType.Other,
            Badge = individual || org is null ? Badge.SelfDeclared : i % 3 == 0 ? Badge.Member : Badge.DomainVerified,
            AttributionConsent = !individual && i % 4 == 0, Culture = language, State = ResponseState.Confirmed,
            CreatedAt = confirmedAt.AddMinutes(-15), ConfirmedAt = confirmedAt,
            Highlight = i % 9 == 0, Themes = i % 9 == 0 || i % 7 == 0 ? [theme] : [],
        };
        r.RespondentKey = CountedOnce.KeyOf(r);
        r.Answers.Add(new Answer { QuestionId = q0.Id, Text = country });
        foreach (var region in Enumerable.Range(0, Regions.Length).Where(x => x == Pick(Regions.Length, 7) || (n >> (9 + x) & 3) == 0).Distinct())
        {
            r.Answers.Add(new Answer { QuestionId = q1.Id, OptionId = q1.Options[region].Id });
        }
        if (i % 23 == 0 && language == "en")
        {
            r.Answers.Add(new Answer { QuestionId = q1.Id, IsOther = true, Text = "Global (online diaspora networks)" });
        }
        var ranked = Enumerable.Range(0, Themes.Length).OrderBy(x => (x * 7 + i * 5 + (x < 3 ? 0 : 6) + Pick(4, 11) * x) % 13).Take(3).ToList();
        for (var rank = 0; rank < ranked.Count; rank++)
        {
            r.Answers.Add(new Answer { QuestionId = q2.Id, OptionId = q2.Options[ranked[rank]].Id, Rank = rank + 1 });
        }
        r.Answers.Add(new Answer { QuestionId = q3.Id, Number = 1 + Pick(3, 13) + (i % 5 == 0 ? 2 : 0) });
        r.Answers.Add(new Answer { QuestionId = q4.Id, Text = barrier });
        r.Answers.Add(i % 17 == 0 && language == "en"
            ? new Answer { QuestionId = q5.Id, IsOther = true, Text = "Hybrid meetings with local watch parties" }
            : new Answer { QuestionId = q5.Id, OptionId = q5.Options[Pick(Formats.Length, 15)].Id });
        if (i % 3 == 0)
        {
            r.Answers.Add(new Answer { QuestionId = q6.Id, Text = Recommendations[li][Pick(3, 17)] });
        }
        r.Answers.Add(new Answer { QuestionId = q7.Id, OptionId = q7.Options[Pick(YesNo.Length, 19)].Id });
        return r;
    }

    private static ConsultationSection Section(int position, params string[] titles) => new()
    {
        Position = position, Texts = [.. titles.Select((t, i) => new SectionText { Culture = Languages[i], Title = t })],
    };

    private static Question Question(int position, QuestionKind kind, bool required, string[][]? options, string[] texts, bool other = false, int? max = null) => new()
    {
        Position = position, Kind = kind, Required = required, AllowOther = other, MaxRanked = max,
        Texts = [.. texts.Select((t, i) => new QuestionText { Culture = Languages[i], Text = t })],
        Options = [.. (options ?? []).Select((o, p) => new QuestionOption
        {
            Position = p, Texts = [.. o.Select((t, i) => new OptionText { Culture = Languages[i], Text = t })],
        })],
    };
}
