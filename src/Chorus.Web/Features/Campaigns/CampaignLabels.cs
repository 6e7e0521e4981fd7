namespace Chorus.Web.Features.Campaigns;

/// <summary>Interface-string keys for the campaign enums (looked up in the shared strings by the views).</summary>
internal static class CampaignLabels
{
    public static string Of(Badge badge) => badge switch
    {
        Badge.Member => "Member",
        Badge.DomainVerified => "Domain verified",
        _ => "Self-declared",
    };

    public static string Help(Badge badge) => badge switch
    {
        Badge.Member => "A member of the coalition, confirmed from one of its known email addresses.",
        Badge.DomainVerified => "Confirmed from an email address on the organisation's own website domain.",
        _ => "Confirmed by email; we have not verified that the address belongs to the organisation.",
    };

    /// <summary>A signature's state as its signer reads it on their own page.</summary>
    public static string ForSigner(SignatureState state) => state switch
    {
        SignatureState.Unconfirmed => "Not confirmed yet: follow the link in the email first.",
        SignatureState.Pending => "Confirmed, waiting for review by the secretariat.",
        SignatureState.Published => "Listed and counted.",
        SignatureState.Rejected => "Not accepted by the secretariat.",
        _ => "Withdrawn.",
    };

    public static string Of(VersionChange change) => change switch
    {
        VersionChange.Correction => "Correction",
        VersionChange.NewVersion => "New version",
        _ => "Original",
    };

    /// <summary>Menu, dashboard and merge-page names this feature declares.</summary>
    public static readonly string[] Declared = ["Campaigns", "Signatures awaiting moderation", "Campaigns signed"];
}
