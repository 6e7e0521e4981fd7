using Chorus.Web.Features.Content;
using static Chorus.Web.Features.Content.DemoContent;

namespace Chorus.Web.Features.Statements;

/// <summary>Demo statements over three years; fictional speakers and organisations.</summary>
internal static class DemoStatements
{
    private const string Statements = "Statements";

    private static StatementDetails Details(
        StatementType type, int year, int month, int day, string? venue, string? addressee,
        string? speaker = null, string? role = null, string? organisation = null, params LanguageVersion[] versions) => new()
        {
            Type = type,
            DeliveredOn = new DateOnly(year, month, day),
            Venue = venue,
            Addressee = addressee,
            SpeakerName = speaker,
            SpeakerRole = role,
            SpeakerOrganisation = organisation,
            Versions = [.. versions],
        };

    public static readonly DemoPost[] All =
    [
        new("No one is safe until everyone is: protect migrants in the COVID-19 response", PostKind.Statement, Utc(2020, 3, 25), [Statements],
            """
            As governments close borders and order people to stay at home, millions of migrants cannot: they live
            in crowded camps and detention centres, work in essential jobs without protection, or are excluded from
            health care for fear of being reported.

            We call on all governments to release people from immigration detention, suspend deportations, give
            everyone access to testing and treatment regardless of status, and include migrants in relief measures.
            """,
            Statement: Details(StatementType.Statement, 2020, 3, 25, null, "All governments")),
        new("Intervention at the 2020 High-Level Political Forum", PostKind.Statement, Utc(2020, 7, 10), [Statements, "UN processes"],
            """
            Thank you, Chair. The pandemic has shown that migrants keep our societies running, yet they are the
            first to lose work and the last to receive support. Recovery plans must leave no one behind: that means
            every person, whatever their status.
            """,
            Statement: Details(StatementType.Intervention, 2020, 7, 10, "High-Level Political Forum 2020 (online)", "Member States",
                "Amara Diallo", "Co-convener", "Sahel Mobility Network")),
        new("Open letter to Member States on International Migrants Day 2020", PostKind.Statement, Utc(2020, 12, 18), [Statements],
            """
            Excellencies, on this International Migrants Day we write on behalf of 240 organisations to ask you
            for three commitments for 2021: end the detention of children, open regular pathways for work and
            family, and protect people displaced by disasters and climate change.
            """,
            Statement: Details(StatementType.OpenLetter, 2020, 12, 18, null, "UN Member States")),
        new("Comments on the regional review reports", PostKind.Statement, Utc(2021, 3, 15), [Statements, "UN processes"],
            """
            The regional reviews show progress on data and consular cooperation but little on the rights of people
            in irregular situations. We comment on each regional report and propose indicators that would make
            progress visible.
            """,
            Statement: Details(StatementType.Comment, 2021, 3, 15, "Regional reviews of the migration compact", "Regional review secretariats")),
        new("Remarks at the civil society – Member States dialogue", PostKind.Statement, Utc(2021, 7, 14), [Statements, "UN processes"],
            """
            Excellencies, colleagues: the three hundred people who joined our open consultation on 28 June asked us
            to bring you one message above all. Implementation happens at home. Include migrant organisations in
            your national plans, and the compact will mean something to the people it was written for.
            """,
            Statement: Details(StatementType.Remarks, 2021, 7, 14, "Civil society – Member States dialogue (online)", "Member States",
                "Lucía Fernández", "Secretariat coordinator", "Crossroads Coalition")),
        new("Solutions, not violence, at our borders", PostKind.Statement, Utc(2021, 11, 30), [Statements, "Member news"],
            """
            Casa Puente, a member of the coalition, condemns the violence used against people seeking protection at
            borders this month. Pushbacks, tear gas and walls do not stop people who flee danger; they only make
            their journeys deadlier.

            We urge governments to open safe and regular pathways, to guarantee access to asylum procedures at every
            border, and to investigate every report of abuse by border officials.
            """,
            Statement: Details(StatementType.Statement, 2021, 11, 30, null, "Governments of the region",
                "María José Ortega", "Director", "Casa Puente")),
        new("Comments on the zero draft of the progress declaration", PostKind.Statement, Utc(2022, 2, 21), [Statements, "UN processes"],
            """
            We welcome the zero draft's recognition of alternatives to detention, and propose firmer language on
            firewalls between public services and immigration enforcement, on fair recruitment, and on
            climate-related displacement.
            """,
            Statement: Details(StatementType.Comment, 2022, 2, 21, "Informal consultations on the progress declaration", "Co-facilitators")),
        new("Twelve recommendations for the International Migration Review Forum", PostKind.Statement, Utc(2022, 5, 16), ["Position papers", Statements],
            """
            This position paper sets out twelve recommendations to Member States for the first International
            Migration Review Forum:

            1. End the immigration detention of children.
            2. Invest in community-based alternatives to detention.
            3. Build firewalls between public services and immigration enforcement.
            4. Open regular pathways for work, study and family.
            5. Regularise people who have lived and worked in the country for years.
            6. Make employers, not workers, pay recruitment fees.
            7. Protect people displaced by disasters and climate change.
            8. Guarantee access to asylum at every border.
            9. Search for missing migrants and identify the dead.
            10. Include migrants in social protection.
            11. Fight racism and xenophobia in law and in practice.
            12. Include migrant-led organisations in implementation and review.
            """,
            Summary: "The coalition's twelve recommendations to Member States for the first International Migration Review Forum.",
            Statement: Details(StatementType.Recommendations, 2022, 5, 16, "International Migration Review Forum, New York", "UN Member States")),
        new("Intervention at the Review Forum round table on regular pathways", PostKind.Statement, Utc(2022, 5, 18), [Statements, "UN processes"],
            """
            Thank you, co-chairs. Regular pathways are the most effective way to save lives and to reduce
            irregular migration. We ask Member States to commit to numbers and timelines, not only to principles.
            """,
            Statement: Details(StatementType.Intervention, 2022, 5, 18, "International Migration Review Forum, round table 3", "Member States",
                "Rizal Santos", "Co-convener", "Lumbung Migrant Workers' Union")),
        new("Open letter on climate displacement ahead of COP27", PostKind.Statement, Utc(2022, 9, 20), [Statements, "Climate"],
            """
            To the parties of the climate convention: people are already moving because of climate change. We
            ask you to include human mobility in loss-and-damage funding and to consult affected communities.
            """,
            Tags: ["climate"],
            Statement: Details(StatementType.OpenLetter, 2022, 9, 20, null, "Parties to the UN climate convention")),
    ];
}
