namespace Chorus.Web.Features.Content;

internal static partial class DemoContent
{
    private const string Events = "Events";
    private const string UnProcesses = "UN processes";
    private const string PositionPapers = "Position papers";
    private const string MemberNews = "Member news";
    private const string Webinars = "Webinars";
    private const string Research = "Research";

    public static readonly DemoPost[] News =
    [
        new("Twelve new organisations join the coalition", PostKind.Update, Utc(2020, 2, 10), [MemberNews],
            """
            We are delighted to welcome twelve new members from West Africa, Central America and South-East Asia,
            among them three migrant-led associations and two domestic workers' unions. The coalition now counts
            organisations in more than sixty countries.

            New members will join the regional working groups this spring. If your organisation would like to
            join, read [about the coalition](/en/pages/about) and write to the secretariat.
            """),
        new("Migrants on the front line: a snapshot of COVID-19 responses", PostKind.Report, Utc(2020, 4, 15), [Research],
            """
            Forty member organisations told us how the pandemic is changing the lives of the people they work with:
            lost wages, closed consulates, crowded detention centres and, in many places, exclusion from relief
            measures and vaccination plans.

            This report gathers their accounts and the practices that worked: firewalls between health services and
            immigration enforcement, temporary regularisation, and cash support open to all residents.
            """, Tags: ["COVID-19", "health"]),
        new("Regional consultations: how to take part", PostKind.News, Utc(2020, 9, 1), [UnProcesses],
            """
            The regional reviews of the global migration compact open to civil society this autumn. Each region
            holds an online consultation; organisations can register speakers and send written input.

            The secretariat will coordinate joint submissions so that smaller organisations can add their voice
            without drafting a full paper. Contact your regional focal point by 30 September.
            """),
        new("Annual meeting 2020 held online", PostKind.Update, Utc(2020, 11, 20), [MemberNews],
            """
            More than 180 participants from 54 countries joined our first fully online annual meeting. Members
            adopted the workplan for 2021, elected two new co-conveners and agreed to focus on detention, labour
            migration and climate mobility.

            Sessions ran in three time-zone blocks so that no region had to meet in the middle of the night.
            """),
        new("Our priorities for 2021", PostKind.News, Utc(2021, 1, 25), [PositionPapers],
            """
            Ending immigration detention of children, fair recruitment, and protection for people displaced by
            climate change: these are the three priorities our members set for 2021.

            Each priority has a working group open to all members, and each will report to the annual meeting in
            November.
            """),
        new("Alternatives to detention that work: eight case studies", PostKind.Report, Utc(2021, 3, 1), [Research],
            """
            Community case management, open reception and legal counselling keep people engaged with immigration
            procedures at a fraction of the cost of detention, and without its harm.

            This report documents eight programmes run by members in Europe, Latin America and Asia, with the
            figures governments ask for: compliance rates, costs and outcomes.
            """, Tags: ["detention"]),
        new("Open consultation on 28 June: tell Member States what matters", PostKind.News, Utc(2021, 6, 14), [UnProcesses, Events],
            """
            On **28 June 2021** the coalition holds an open online consultation ahead of its dialogue with UN
            Member States in July. Anyone working with migrants can take part; interpretation is offered in
            English, French and Spanish.

            What you say will shape the three questions we put to Member States. Registration is free.
            """),
        new("Civil-society events at the 2021 High-Level Political Forum", PostKind.News, Utc(2021, 7, 5), [Events, UnProcesses],
            """
            Several members and partners are organising side events at this year's High-Level Political Forum on
            sustainable development. All are online and open to the public:

            | Date | Event | Organiser |
            |---|---|---|
            | 7 July | Leaving no migrant behind in the recovery | Coalition secretariat |
            | 9 July | Decent work for migrant domestic workers | Domestic workers' network |
            | 12 July | Data that counts: migrants in the SDG indicators | Academic partners |
            | 14 July | Climate, displacement and the 2030 Agenda | Climate mobility working group |

            Times and links are on each organiser's page.
            """),
        new("Dialogue with Member States: what we heard", PostKind.Update, Utc(2021, 7, 20), [UnProcesses],
            """
            Following the open consultation on 28 June, twenty civil-society speakers met representatives of
            thirty-one Member States in July for a frank online dialogue on implementing the migration compact.

            Member States asked for concrete examples of firewalls and regularisation; our speakers asked for
            civil society to be included in national implementation plans. A full summary will follow.
            """),
        new("Youth working group launched", PostKind.News, Utc(2021, 9, 10), [MemberNews],
            """
            Young migrants and activists under thirty now have a working group of their own. Its first task is a
            short guide to speaking at UN meetings, written by young people who have done it.
            """),
        new("Recruitment fees: a new working paper on labour migration", PostKind.Report, Utc(2021, 10, 18), [Research],
            """
            Migrant workers still pay recruiters months of wages for jobs abroad. This working paper compares
            the rules of twelve countries of origin and destination and recommends an employer-pays principle
            enforced across borders.
            """, Tags: ["labour migration", "fair recruitment"]),
        new("Weekly webinars: five Tuesdays on the future of migration governance", PostKind.News, Utc(2021, 11, 8), [Webinars, Events],
            """
            Join us **every Tuesday from 16 November to 14 December 2021 at 15:00 (Paris time)** for a one-hour
            webinar with speakers from member organisations and UN agencies:

            1. Migration, COVID-19 and a New Social Contract (16 November)
            2. Race and Ethnicity in Migration (23 November)
            3. Detention and Return (30 November)
            4. Regular Pathways and Irregular Migration (7 December)
            5. Climate Change and Migration (14 December)

            Each session has interpretation into French and Spanish, and the recordings will be published here.
            """, Tags: ["webinar series"]),
        new("International Migrants Day 2021: a day of online events around the world", PostKind.News, Utc(2021, 12, 6), [Events],
            """
            On **17 December 2021, from 10:00 to 17:30 (Paris time)**, members of the coalition host a programme of
            online sessions from every region to mark International Migrants Day.

            The day opens with migrant-led organisations from Asia and the Pacific, travels through Africa and
            Europe, and closes with the Americas. Every session is free and open to all; several offer
            interpretation. Find the session that suits your time zone and join us.
            """, Summary: "A day-long programme of online sessions hosted by members in every region, on 17 December 2021 from 10:00 to 17:30 Paris time."),
        new("Thank you for International Migrants Day", PostKind.Update, Utc(2021, 12, 20), [Events],
            """
            Over 1,400 people joined the sessions of our International Migrants Day programme. Recordings of the
            sessions whose speakers agreed to it are now online, and a short report will follow in January.
            """),
        new("Regional review season: the calendar for 2022", PostKind.News, Utc(2022, 1, 17), [UnProcesses],
            """
            With the International Migration Review Forum set for May 2022, the coming months are busy. We have
            gathered the dates of the regional reviews, the stakeholder hearings and the drafting sessions of the
            progress declaration in one calendar for members.
            """),
        new("Call for organisational sign-ons: our 12-point position paper for the Review Forum", PostKind.News, Utc(2022, 3, 15), [PositionPapers, UnProcesses],
            """
            Ahead of the **International Migration Review Forum in May 2022**, the coalition has drafted a position
            paper with twelve recommendations to Member States, from ending child detention to fair recruitment
            and protection for people displaced by disasters and climate change.

            We invite organisations, members or not, to endorse the paper. Sign-ons are open until 30 April 2022;
            the list of endorsing organisations will be published with the paper.
            """, Summary: "Endorse the coalition's twelve recommendations to Member States ahead of the International Migration Review Forum.",
            Slug: "call-for-sign-ons-position-paper"),
        new("More than 200 organisations endorse the position paper", PostKind.Update, Utc(2022, 4, 25), [PositionPapers],
            """
            Thank you: 214 organisations from 71 countries have endorsed our twelve recommendations so far. Sign-ons
            remain open until the end of the month.
            """),
        new("After the Review Forum: what was decided and what comes next", PostKind.Report, Utc(2022, 6, 1), [UnProcesses, Research],
            """
            The progress declaration adopted at the Forum takes up several of our recommendations, including
            alternatives to detention and access to basic services, but remains weak on regular pathways.
            This analysis sets out what changed and where we will push next.
            """),
        new("Climate mobility working group: call for members", PostKind.News, Utc(2022, 8, 12), [MemberNews],
            """
            The climate mobility working group is looking for organisations working with communities displaced by
            floods, drought and rising seas. Meetings are monthly, online, with interpretation.
            """, Tags: ["climate"]),
        new("A new coordination team at the secretariat", PostKind.Update, Utc(2022, 10, 3), [MemberNews],
            """
            The secretariat welcomes a new coordinator and a communications officer, and thanks the outgoing team
            for four years of work. The secretariat's address and contact details are unchanged.
            """),
    ];
}
