namespace Chorus.Web.Features.Campaigns;

internal enum SignatureState
{
    /// <summary>Submitted; the email link has not been followed. Never shown, never counted.</summary>
    Unconfirmed,

    /// <summary>Confirmed, waiting for a moderator (campaigns moderated before publication).</summary>
    Pending,
    Published,
    Rejected,
    Withdrawn,

    /// <summary>A duplicate folded into another signature of the same signer by a moderator or a directory merge.</summary>
    Merged,
}

/// <summary>How sure we are that the person who signed speaks for the organisation.</summary>
internal enum Badge
{
    SelfDeclared,

    /// <summary>The confirming email's registrable domain is the organisation's website's.</summary>
    DomainVerified,

    /// <summary>A member or observer in the directory, confirmed from one of its known email domains.</summary>
    Member,
}

/// <summary>
/// An endorsement. The organisation, its country, type and the badge are public; the signatory's email, name,
/// role and consent are private (staff only) and erased on request or after the campaign closes.
/// </summary>
internal sealed class Signature
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public Campaign Campaign { get; set; } = null!;
    public bool IsIndividual { get; set; }

    /// <summary>The directory record, when the organisation is in it.</summary>
    public int? OrganisationId { get; set; }
    public Organisations.Organisation? Organisation { get; set; }

    /// <summary>The public name: the organisation's (or, for an individual, the person's).</summary>
    public required string Name { get; set; }

    /// <summary>Folded name, for sorting and search.</summary>
    public string SortKey { get; set; } = "";

    /// <summary>What makes two submissions the same signer: the directory record, or the folded name and country, or the person's email.</summary>
    public string SignerKey { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2; null for an international organisation.</summary>
    public string? Country { get; set; }
    public Organisations.OrganisationType? Type { get; set; }
    public string? Website { get; set; }
    public Badge Badge { get; set; }
    public string? BadgeReason { get; set; }
    public string? Comment { get; set; }

    // Private: never in a public page, list, feed or file.
    public string? SignatoryName { get; set; }
    public string? SignatoryRole { get; set; }
    public string? Email { get; set; }
    public bool ContactConsent { get; set; }
    public DateTime ConsentAt { get; set; }
    public DateTime? ContactErasedAt { get; set; }

    /// <summary>The language of the page they signed from; their emails are written in it.</summary>
    public string Culture { get; set; } = "en";
    public SignatureState State { get; set; }
    public string? ModerationReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>The text version confirmed and the SHA-256 of the text as shown in the signer's language.</summary>
    public int Version { get; set; }
    public string? TextHash { get; set; }

    /// <summary>
    /// Set on a submission confirmed by someone else for an organisation that had already signed: it waits for a
    /// moderator, who may let it replace that signature's details; until then the signature and its signatory stay as they were.
    /// </summary>
    public int? ClaimsSignatureId { get; set; }

    /// <summary>SHA-256 of the single-use confirmation secret (null once used).</summary>
    public string? ConfirmTokenHash { get; set; }

    /// <summary>SHA-256 of the secret in the withdraw-or-erase link.</summary>
    public string? ManageTokenHash { get; set; }
}
