using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Campaigns;

/// <summary>
/// The 12-point position paper open for sign-ons now (about forty endorsements in every region and badge, a few
/// waiting for moderation), and the 2020 Migrants Day open letter, closed, with its endorsers, in English, French and Spanish.
/// </summary>
internal static class DemoCampaigns
{
    private const string PositionPaper = """
        We, the undersigned organisations, call on Member States to:

        1. End the immigration detention of children, in law and in practice.
        2. Guarantee access to justice and legal aid for all migrants, whatever their status.
        3. Open regular pathways for work, study and family reunification.
        4. Ensure fair and ethical recruitment, and abolish recruitment fees charged to workers.
        5. Protect people displaced by disasters and climate change.
        6. Guarantee access to health care, including mental health, without fear of reporting.
        7. Firewall public services from immigration enforcement.
        8. Stop pushbacks and investigate deaths and disappearances at borders.
        9. Regularise people in irregular situations, with clear and accessible procedures.
        10. Protect migrant domestic workers and ratify ILO Convention 189.
        11. Include migrants and their organisations in the design of the policies that affect them.
        12. Report on progress with public, disaggregated data at the next Review Forum.
        """;

    // Reserved .example domains only (RFC 2606): a demo must never name, link to or mail a real organisation.
    private static readonly (string Name, string Country, OrganisationType Type, string Website, string Email)[] NotInDirectory =
    [
        ("Refugee Voices Tanzania", "TZ", OrganisationType.MigrantLed, "https://refugeevoices.example/", "info@refugeevoices.example"),
        ("Harbour Solidarity Piraeus", "GR", OrganisationType.Ngo, "https://harboursolidarity.example/", "contact@harboursolidarity.example"),
        ("Kathmandu Returnee Network", "NP", OrganisationType.Network, "https://returnees-nepal.example/", "returnees.np@freemail.example"),
        ("Fundación Caminos Seguros", "CO", OrganisationType.Foundation, "https://caminosseguros.example/", "direccion@caminosseguros.example"),
        ("Pacific Climate Mobility Forum", "FJ", OrganisationType.Academic, "https://climatemobility.example/", "forum@climatemobility.example"),
        ("Beirut Domestic Workers Collective", "LB", OrganisationType.MigrantLed, "https://bdwc.example/", "bdwc.collective@securemail.example"),
    ];

    public static async Task SeedAsync(ChorusDb db, TimeProvider clock, PublicSuffixes suffixes, IReadOnlyDictionary<string, int> posts)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var paper = new Campaign
        {
            Slug = "position-paper-review-forum", Title = "Endorse our 12-point position paper for the International Migration Review Forum",
            TextMarkdown = PositionPaper, PostId = posts.GetValueOrDefault("twelve-recommendations-for-the-international-migration-review-forum") is > 0 and var id ? id : null,
            OpensAt = now.AddDays(-20), ClosesAt = now.AddDays(40).Date.AddHours(22), Goal = 300, Moderation = Moderation.AfterPublication,
        };
        paper.Translations.Add(new CampaignTranslation
        {
            Culture = "fr", Title = "Soutenez notre prise de position en 12 points pour le Forum d'examen des migrations internationales",
            TextMarkdown = "Nous, organisations soussignées, appelons les États membres à mettre fin à la détention des enfants migrants, à ouvrir des voies régulières et à protéger les personnes déplacées par le climat, selon les douze recommandations de notre prise de position.",
        });
        paper.Translations.Add(new CampaignTranslation
        {
            Culture = "es", Title = "Apoye nuestro documento de posición de 12 puntos para el Foro de Examen de la Migración Internacional",
            TextMarkdown = "Las organizaciones firmantes pedimos a los Estados miembros que pongan fin a la detención de niños migrantes, abran vías regulares y protejan a las personas desplazadas por el clima, según las doce recomendaciones de nuestro documento.",
        });
        var letter = new Campaign
        {
            Slug = "open-letter-migrants-day-2020", Title = "Open letter to Member States on International Migrants Day 2020",
            TextMarkdown = "Excellencies, on this International Migrants Day we ask you for three commitments for 2021: end the detention of children, open regular pathways for work and family, and protect people displaced by disasters and climate change.",
            PostId = posts.GetValueOrDefault("open-letter-to-member-states-on-international-migrants-day-2020") is > 0 and var letterPost ? letterPost : null,
            OpensAt = new DateTime(2020, 11, 20, 9, 0, 0, DateTimeKind.Utc), ClosesAt = new DateTime(2020, 12, 16, 23, 0, 0, DateTimeKind.Utc),
            Signers = Signers.Both, Moderation = Moderation.BeforePublication,
        };
        letter.Translations.Add(new CampaignTranslation
        {
            Culture = "fr", Title = "Lettre ouverte aux États membres pour la Journée internationale des migrants 2020",
            TextMarkdown = "Excellences, en cette Journée internationale des migrants, nous vous demandons trois engagements pour 2021 : mettre fin à la détention des enfants, ouvrir des voies régulières pour le travail et la famille, et protéger les personnes déplacées par les catastrophes et le changement climatique.",
        });
        letter.Translations.Add(new CampaignTranslation
        {
            Culture = "es", Title = "Carta abierta a los Estados miembros en el Día Internacional del Migrante 2020",
            TextMarkdown = "Excelencias: en este Día Internacional del Migrante les pedimos tres compromisos para 2021: poner fin a la detención de niños, abrir vías regulares para el trabajo y la familia, y proteger a las personas desplazadas por desastres y el cambio climático.",
        });
        foreach (var c in new[] { paper, letter })
        {
            foreach (var text in new[] { SignatureRules.In(c, c.Culture)! }.Concat(c.Translations.Select(t => SignatureRules.In(c, t.Culture)!)))
            {
                c.Versions.Add(new CampaignVersion { Number = 1, Change = VersionChange.Original, Culture = text.Culture, TextHash = text.Hash, CreatedAt = c.OpensAt });
            }
            db.Campaigns.Add(c);
        }
        await db.SaveChangesAsync();

        var organisations = await db.Organisations.AsNoTracking().Where(o => o.ArchivedAt == null).OrderBy(o => o.Id).ToListAsync();
        var cultures = new[] { "en", "fr", "es" };
        for (var i = 0; i < Math.Min(34, organisations.Count); i++)
        {
            var org = organisations[i];
            // Most confirm from their own domain; every fifth from a personal address (self-declared).
            var email = i % 5 == 3 ? $"coordinator{i}@mailbox.example" : $"director@{org.EmailDomains.FirstOrDefault() ?? "mailbox.example"}";
            var state = i % 11 == 10 ? SignatureState.Pending : SignatureState.Published;
            Add(db, paper, suffixes, org, org.Name, org.Country, org.Type, org.Website, email, cultures[i % 3], now.AddDays(-19 + (i / 2)), state);
        }
        for (var i = 0; i < NotInDirectory.Length; i++)
        {
            var (name, country, type, website, email) = NotInDirectory[i];
            Add(db, paper, suffixes, null, name, country, type, website, email, cultures[i % 3], now.AddDays(-10 + i), SignatureState.Published);
        }
        for (var i = 0; i < Math.Min(15, organisations.Count); i++)
        {
            var org = organisations[(i * 4) % organisations.Count];
            var s = Add(db, letter, suffixes, org, org.Name, org.Country, org.Type, org.Website, $"office@{org.EmailDomains.FirstOrDefault() ?? "mailbox.example"}",
                cultures[i % 3], letter.OpensAt.AddDays(1 + i), SignatureState.Published);
            // The letter closed long ago: its signatories' contact data has been erased.
            await SignatureRules.EraseContactAsync(db, s, letter.ClosesAt!.Value.AddDays(letter.EraseContactAfterDays), CancellationToken.None);
        }
        await db.SaveChangesAsync();
    }

    private static Signature Add(ChorusDb db, Campaign c, PublicSuffixes suffixes, Organisation? org, string name, string? country, OrganisationType type,
        string? website, string email, string culture, DateTime at, SignatureState state)
    {
        var text = SignatureRules.Best(c, [culture]);
        var s = new Signature
        {
            CampaignId = c.Id, OrganisationId = org?.Id, Name = name, Country = country, Type = type, Website = org is null ? website : null,
            SignerKey = SignatureRules.SignerKey(false, org?.Id, name, country, email), Badge = SignatureRules.BadgeFor(org, website, email, suffixes),
            SignatoryName = "Demo Signatory", SignatoryRole = "Director", Email = email, ConsentAt = at, CreatedAt = at, ConfirmedAt = at,
            Culture = culture, State = state, Version = 1, TextHash = text.Hash,
        };
        db.Signatures.Add(s);
        return s;
    }
}
