namespace Chorus.Web.Features.Content;

/// <summary>Human French and Spanish versions of three demo items, written for Chorus.</summary>
internal static class DemoTranslations
{
    public sealed record Text(string Slug, string Culture, string Title, string Body, string? Summary = null, string? Addressee = null);

    public static readonly Text[] All =
    [
        new("about", "fr", "À propos de la coalition", """
            La **Crossroads Coalition** est un réseau mondial d'organisations de la société civile qui œuvrent pour
            les droits et la dignité des personnes en mouvement : personnes migrantes, réfugiées, déplacées et leurs familles.

            Nos membres et observateurs comprennent des associations dirigées par des personnes migrantes, des
            associations de la diaspora, des syndicats, des organisations confessionnelles, des réseaux universitaires
            et des ONG de défense des droits humains dans toutes les régions. Ensemble, nous :

            - parlons d'une seule voix aux États membres et aux agences des Nations Unies, par des déclarations,
              des interventions et des prises de position ;
            - organisons des dialogues en ligne qui font entendre les voix de terrain dans les processus mondiaux ;
            - partageons recherches et pratiques sur la détention, la migration de travail, la mobilité climatique
              et les voies régulières.

            La coalition est coordonnée par un petit secrétariat et pilotée par ses co-organisateurs, élus par les
            membres tous les deux ans. L'adhésion est ouverte à toute organisation à but non lucratif qui partage nos
            principes : droits humains, non-discrimination et participation des personnes migrantes.

            *Ceci est un contenu de démonstration écrit pour Chorus ; la coalition et ses membres sont fictifs.*
            """),
        new("about", "es", "Quiénes somos", """
            La **Crossroads Coalition** es una red mundial de organizaciones de la sociedad civil que trabajan por
            los derechos y la dignidad de las personas en movimiento: migrantes, refugiadas, desplazadas y sus familias.

            Entre nuestros miembros y observadores hay asociaciones dirigidas por personas migrantes, asociaciones
            de la diáspora, sindicatos, organizaciones religiosas, redes académicas y ONG de derechos humanos de
            todas las regiones. Juntas:

            - hablamos con una sola voz ante los Estados Miembros y los organismos de las Naciones Unidas, mediante
              declaraciones, intervenciones y documentos de posición;
            - convocamos diálogos en línea que llevan las voces de base a los procesos mundiales;
            - compartimos investigación y prácticas sobre detención, migración laboral, movilidad climática y vías regulares.

            La coalición está coordinada por una pequeña secretaría y dirigida por sus coconvocantes, elegidas por
            los miembros cada dos años. Puede afiliarse cualquier organización sin fines de lucro que comparta
            nuestros principios de derechos humanos, no discriminación y participación de las personas migrantes.

            *Este es contenido de demostración escrito para Chorus; la coalición y sus miembros son ficticios.*
            """),
        new("call-for-sign-ons-position-paper", "fr",
            "Appel à signatures d'organisations : notre prise de position en 12 points pour le Forum d'examen", """
            En vue du **Forum d'examen des migrations internationales de mai 2022**, la coalition a rédigé une prise
            de position comportant douze recommandations aux États membres, de la fin de la détention des enfants
            au recrutement équitable et à la protection des personnes déplacées par les catastrophes et les
            changements climatiques.

            Nous invitons les organisations, membres ou non, à soutenir ce document. Les signatures sont ouvertes
            jusqu'au 30 avril 2022 ; la liste des organisations signataires sera publiée avec le document.
            """, "Soutenez les douze recommandations de la coalition aux États membres en vue du Forum d'examen des migrations internationales."),
        new("call-for-sign-ons-position-paper", "es",
            "Convocatoria de adhesiones de organizaciones: nuestro documento de posición de 12 puntos para el Foro de Examen", """
            Ante el **Foro de Examen de la Migración Internacional de mayo de 2022**, la coalición ha redactado un
            documento de posición con doce recomendaciones a los Estados Miembros, desde poner fin a la detención
            de niñas y niños hasta la contratación equitativa y la protección de las personas desplazadas por
            desastres y por el cambio climático.

            Invitamos a las organizaciones, miembros o no, a respaldar el documento. Las adhesiones están abiertas
            hasta el 30 de abril de 2022; la lista de organizaciones firmantes se publicará junto con el documento.
            """, "Respalde las doce recomendaciones de la coalición a los Estados Miembros ante el Foro de Examen de la Migración Internacional."),
        new("solutions-not-violence-at-our-borders", "fr", "Des solutions, pas la violence, à nos frontières", """
            Casa Puente, membre de la coalition, condamne la violence exercée ce mois-ci contre des personnes qui
            demandent une protection aux frontières. Les refoulements, les gaz lacrymogènes et les murs n'arrêtent
            pas les personnes qui fuient le danger ; ils ne font que rendre leurs trajets plus meurtriers.

            Nous demandons instamment aux gouvernements d'ouvrir des voies sûres et régulières, de garantir l'accès
            aux procédures d'asile à chaque frontière et d'enquêter sur chaque signalement d'abus commis par des
            agents aux frontières.
            """, Addressee: "Gouvernements de la région"),
        new("solutions-not-violence-at-our-borders", "es", "Soluciones, no violencia, en nuestras fronteras", """
            Casa Puente, miembro de la coalición, condena la violencia ejercida este mes contra personas que buscan
            protección en las fronteras. Las devoluciones en caliente, los gases lacrimógenos y los muros no detienen
            a quienes huyen del peligro; solo hacen más mortales sus trayectos.

            Instamos a los gobiernos a abrir vías seguras y regulares, a garantizar el acceso a los procedimientos de
            asilo en todas las fronteras y a investigar cada denuncia de abusos cometidos por agentes fronterizos.
            """, Addressee: "Gobiernos de la región"),
    ];
}
