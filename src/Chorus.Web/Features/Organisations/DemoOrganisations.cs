using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using static Chorus.Web.Features.Organisations.Membership;
using static Chorus.Web.Features.Organisations.OrganisationType;

namespace Chorus.Web.Features.Organisations;

/// <summary>About sixty fictional organisations in every region, of every type: co-conveners, members, observers, partners.</summary>
internal static class DemoOrganisations
{
    private sealed record Demo(string Name, string? Acronym, string? Country, OrganisationType Type, Membership Membership, int? Joined,
        string Domain, string? Description = null, string Culture = "en", (string Culture, string Text)[]? Translations = null, string[]? Issued = null);

    private static readonly Demo[] All =
    [
        // Co-conveners: they chair the coalition together and speak for it at the UN.
        new("Sahel Mobility Network", "SMN", "SN", Network, CoConvener, 2014, "sahelmobility.example",
            "Le Réseau Mobilité Sahel relie quarante associations de migrants et de défense des droits dans huit pays du Sahel. Il documente les expulsions et accompagne les personnes refoulées aux frontières.",
            "fr", [("en", "The Sahel Mobility Network links forty migrant and rights associations in eight Sahel countries. It documents expulsions and supports people turned back at borders.")],
            ["intervention-at-the-2020-high-level-political-forum", "twelve-recommendations-for-the-international-migration-review-forum", "open-letter-on-climate-displacement-ahead-of-cop27"]),
        new("Asia Pacific Migrant Workers Alliance", "APMWA", "PH", MigrantLed, CoConvener, 2014, "apmwa.example",
            "An alliance of migrant domestic workers' unions and self-help groups from twelve countries of Asia and the Pacific, led by migrant workers themselves.",
            Issued: ["twelve-recommendations-for-the-international-migration-review-forum", "remarks-at-the-civil-society-member-states-dialogue"]),
        new("Red Puentes de las Américas", "RPA", "MX", Network, CoConvener, 2015, "redpuentes.example",
            "Red de organizaciones de la sociedad civil que acompañan a personas migrantes a lo largo de las rutas de México, Centroamérica y Sudamérica.",
            "es", [("en", "A network of civil-society organisations that accompany migrants along the routes through Mexico, Central and South America."), ("fr", "Un réseau d'organisations de la société civile qui accompagnent les personnes migrantes le long des routes du Mexique, d'Amérique centrale et d'Amérique du Sud.")],
            ["twelve-recommendations-for-the-international-migration-review-forum", "open-letter-on-climate-displacement-ahead-of-cop27"]),
        new("Crossroads Coalition Secretariat", null, null, Network, CoConvener, 2014, "crossroads.example",
            "The coalition's small secretariat: it convenes members, keeps the sign-on lists and prepares joint statements.",
            Issued: ["remarks-at-the-civil-society-member-states-dialogue", "open-letter-to-member-states-on-international-migrants-day-2020"]),

        // Members.
        new("Casa Puente", null, "GT", Ngo, Member, 2016, "casapuente.example",
            "Casa Puente ofrece albergue, asesoría jurídica y atención psicológica a personas migrantes y solicitantes de asilo en la frontera.",
            "es", [("en", "Casa Puente offers shelter, legal advice and psychological support to migrants and asylum seekers at the border.")],
            ["solutions-not-violence-at-our-borders"]),
        new("Migrant Rights Centre Nairobi", "MRCN", "KE", Ngo, Member, 2016, "mrcnairobi.example", Issued: ["open-letter-on-climate-displacement-ahead-of-cop27"]),
        new("Lagos Diaspora Forum", "LDF", "NG", Diaspora, Member, 2018, "lagosdiaspora.example"),
        new("Association Marocaine pour les Droits des Migrants", "AMDM", "MA", Ngo, Member, 2015, "amdm.example",
            "L'association défend les droits des personnes migrantes au Maroc et plaide pour leur régularisation.", "fr"),
        new("Cairo Refugee Legal Aid", "CRLA", "EG", Ngo, Member, 2017, "crla.example"),
        new("Southern Africa Migrant Domestic Workers Union", "SAMDWU", "ZA", TradeUnion, Member, 2015, "samdwu.example"),
        new("Ethiopian Returnees Association", null, "ET", MigrantLed, Member, 2019, "returnees-et.example"),
        new("Ghana Interfaith Council on Migration", "GICM", "GH", FaithBased, Member, 2017, "gicm.example"),
        new("Uganda Refugee Women's Network", "URWN", "UG", MigrantLed, Member, 2020, "urwn.example"),
        new("Tunisian Forum for Migrants' Rights", "TFMR", "TN", Ngo, Member, 2016, "tfmr.example"),
        new("Kinshasa Centre for Mobility Research", "KCMR", "CD", Academic, Observer, 2021, "kcmr.example"),
        new("Bangladesh Migrant Workers' Welfare Trust", "BMWWT", "BD", Ngo, Member, 2015, "bmwwt.example"),
        new("Nepal Foreign Employment Returnees Forum", "NFERF", "NP", MigrantLed, Member, 2016, "nferf.example"),
        new("Indonesian Migrant Workers Union", "IMWU", "ID", TradeUnion, Member, 2014, "imwu.example"),
        new("Sri Lanka Women Migrants Collective", null, "LK", MigrantLed, Member, 2018, "slwmc.example"),
        new("Lebanon Domestic Workers Solidarity", "LDWS", "LB", Ngo, Member, 2019, "ldws.example"),
        new("Jordan Centre for Labour Rights", "JCLR", "JO", Ngo, Member, 2017, "jclr.example"),
        new("Kyrgyz Labour Migration Support", null, "KG", Ngo, Member, 2020, "klms.example"),
        new("Mekong Migration Institute", "MMI", "TH", Academic, Observer, 2016, "mekongmigration.example"),
        new("Korea Migrants' Centre", null, "KR", FaithBased, Member, 2017, "koreamigrants.example"),
        new("Pakistan Overseas Workers Forum", "POWF", "PK", TradeUnion, Member, 2021, "powf.example"),
        new("Gulf Migrant Rights Watch", "GMRW", "QA", Ngo, Observer, 2018, "gmrw.example"),
        new("Tashkent Centre for Migration Studies", null, "UZ", Academic, Observer, 2022, "tcms.example"),
        new("Migrant Forum Manila", "MFM", "PH", MigrantLed, Member, 2014, "mfmanila.example"),
        new("Plataforma Migrante Colombia", null, "CO", Network, Member, 2018, "plataformamigrante.example",
            "Plataforma de organizaciones venezolanas y colombianas que trabajan por la integración de las personas migrantes.", "es"),
        new("Centro de Derechos de Migrantes Tijuana", "CDMT", "MX", Ngo, Member, 2016, "cdmt.example"),
        new("Pastoral de Movilidad Humana", null, "EC", FaithBased, Member, 2015, "pmh.example"),
        new("Instituto de Estudios Migratorios del Sur", "IEMS", "AR", Academic, Observer, 2017, "iems.example"),
        new("Haitian Diaspora Network", "HDN", "US", Diaspora, Member, 2019, "haitiandiaspora.example"),
        new("Canadian Council for Migrant Justice", "CCMJ", "CA", Ngo, Member, 2015, "ccmj.example"),
        new("Caribbean Migrant Workers Association", "CMWA", "JM", TradeUnion, Member, 2020, "cmwa.example"),
        new("Chilean Migrant Women's Collective", null, "CL", MigrantLed, Member, 2021, "mujeresmigrantes.example"),
        new("Rede Brasileira de Migração e Refúgio", "RBMR", "BR", Network, Member, 2016, "rbmr.example",
            "The network brings together organisations that welcome migrants and refugees across Brazil."),
        new("Fondation pour la Mobilité Humaine", "FMH", "CH", Foundation, Partner, null, "fmh.example",
            "Une fondation privée qui soutient des projets de protection des personnes migrantes dans plus de vingt pays.", "fr"),
        new("European Platform for Undocumented Workers", "EPUW", "BE", Network, Member, 2014, "epuw.example",
            Issued: ["open-letter-on-climate-displacement-ahead-of-cop27"]),
        new("Greek Council for Refugees and Migrants", "GCRM", "GR", Ngo, Member, 2015, "gcrm.example"),
        new("Polish Migration Forum", null, "PL", Ngo, Member, 2018, "polishmigration.example"),
        new("Italian Network for Asylum", "INA", "IT", Network, Member, 2016, "ina.example"),
        new("Maison des Migrants de Lyon", null, "FR", MigrantLed, Member, 2019, "maisonmigrants.example"),
        new("Irish Migrant Workers Centre", "IMWC", "IE", TradeUnion, Member, 2017, "imwc.example"),
        new("Kyiv Migration Research Group", null, "UA", Academic, Observer, 2020, "kmrg.example"),
        new("Churches' Commission for Migrants", "CCM", "BE", FaithBased, Observer, 2014, "ccm.example"),
        new("Spanish Federation of Migrant Associations", "FEAM", "ES", Network, Member, 2015, "feam.example"),
        new("Nordic Solidarity Foundation", null, "SE", Foundation, Partner, null, "nordicsolidarity.example"),
        new("Pacific Climate Mobility Network", "PCMN", "FJ", Network, Member, 2019, "pcmn.example",
            "Communities of Fiji, Tuvalu and Kiribati working on planned relocation and on the rights of people displaced by rising seas.",
            Issued: ["open-letter-on-climate-displacement-ahead-of-cop27"]),
        new("Australian Refugee Rights Alliance", "ARRA", "AU", Network, Member, 2016, "arra.example"),
        new("Aotearoa Migrant Workers Union", null, "NZ", TradeUnion, Member, 2020, "amwu.example"),
        new("Papua New Guinea Mobility Forum", null, "PG", Ngo, Member, 2021, "pngmobility.example"),
        new("Samoa Seasonal Workers Association", null, "WS", MigrantLed, Member, 2022, "ssaw.example"),
        new("University of the South Pacific Mobility Lab", null, "FJ", Academic, Observer, 2021, "usp-mobility.example"),

        // International organisations without a home country, and partners.
        new("Global Alliance of Migrant Domestic Workers", "GAMDW", null, TradeUnion, Member, 2014, "gamdw.example"),
        new("International Migrant Health Network", "IMHN", null, Network, Observer, 2017, "imhn.example"),
        new("World Interfaith Migration Council", "WIMC", null, FaithBased, Partner, null, "wimc.example"),
        new("Open Borders Research Consortium", null, null, Academic, Partner, null, "obrc.example"),
        new("Migration Justice Fund", "MJF", "US", Foundation, Partner, null, "migrationjustice.example"),
        new("Somali Diaspora Council", null, "GB", Diaspora, Member, 2019, "somalidiaspora.example"),
        new("Senegalese Association of Returned Migrants", null, "SN", MigrantLed, None, null, "sarm.example"),
        new("Dakar Legal Clinic for Migrants", null, "SN", Other, Member, 2018, "dakarlegal.example"),
    ];

    public static async Task SeedAsync(ChorusDb db, IReadOnlyDictionary<string, int> postIds)
    {
        foreach (var demo in All)
        {
            var org = new Organisation
            {
                Name = demo.Name, Acronym = demo.Acronym, Slug = Slugs.From(demo.Name), Country = demo.Country, Type = demo.Type,
                Membership = demo.Membership, JoinedOn = demo.Joined is { } year ? new DateOnly(year, 1 + (demo.Name.Length % 12), 1 + (demo.Name.Length % 27)) : null,
                Website = $"https://{demo.Domain}/", EmailDomains = [demo.Domain], Culture = demo.Culture,
                DescriptionMarkdown = demo.Description ?? "",
                Translations = [.. (demo.Translations ?? []).Select(t => new OrganisationTranslation { Culture = t.Culture, DescriptionMarkdown = t.Text })],
            };
            db.Organisations.Add(org);
        }
        await db.SaveChangesAsync();
        var ids = db.Organisations.Local.ToDictionary(o => o.Name, o => o.Id);
        foreach (var demo in All.Where(d => d.Issued is not null))
        {
            foreach (var slug in demo.Issued!)
            {
                var postId = postIds[slug];
                var position = db.PostIssuers.Local.Count(i => i.PostId == postId);
                db.PostIssuers.Add(new PostIssuer { PostId = postId, OrganisationId = ids[demo.Name], Position = position });
            }
        }
        await db.SaveChangesAsync();
    }
}
