namespace Chorus.Web.Features.Organisations;

/// <summary>The English names of types and statuses; each is a key of the shared interface strings.</summary>
internal static class OrganisationLabels
{
    public static string Of(OrganisationType type) => type switch
    {
        OrganisationType.Ngo => "NGO",
        OrganisationType.TradeUnion => "Trade union",
        OrganisationType.FaithBased => "Faith-based",
        OrganisationType.MigrantLed => "Migrant-led",
        _ => type.ToString(),
    };

    public static string Of(Membership status) => status switch
    {
        Membership.CoConvener => "Co-convener",
        Membership.None => "Not a member",
        _ => status.ToString(),
    };

    /// <summary>Column headings of the directory's table of counts.</summary>
    public static string Plural(Membership status) => status switch
    {
        Membership.CoConvener => "Co-conveners",
        Membership.None => "Others",
        _ => status + "s",
    };

    /// <summary>"International", for organisations without a home country, in place of a region.</summary>
    public const string International = "International";

    /// <summary>The value of the region filter for organisations without a home country.</summary>
    public const string InternationalCode = "int";
}
