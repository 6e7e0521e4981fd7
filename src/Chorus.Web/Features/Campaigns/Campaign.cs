namespace Chorus.Web.Features.Campaigns;

/// <summary>Who may add their name: organisations, people on their own behalf, or both.</summary>
internal enum Signers { Organisations, Individuals, Both }

/// <summary>Whether a confirmed signature waits for a moderator before it is shown and counted, or is shown at once and may be removed.</summary>
internal enum Moderation { BeforePublication, AfterPublication }

/// <summary>
/// A call for endorsements: a text to sign (in several languages, one list and one count), open between two
/// instants, optionally attached to a statement or position paper.
/// </summary>
internal sealed class Campaign
{
    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>The language the text was written in; translations follow it.</summary>
    public string Culture { get; set; } = "en";
    public required string Title { get; set; }
    public string TextMarkdown { get; set; } = "";
    public string TextHtml { get; set; } = "";
    public List<CampaignTranslation> Translations { get; set; } = [];

    /// <summary>The statement or position paper this campaign gathers endorsements for.</summary>
    public int? PostId { get; set; }
    public Content.Post? Post { get; set; }

    /// <summary>The document to read before signing (a PDF from the media library).</summary>
    public int? DocumentId { get; set; }
    public Media.MediaItem? Document { get; set; }

    /// <summary>The featured image, from the media library: in listings, at the top of the page and in link previews.</summary>
    public int? ImageId { get; set; }
    public Media.MediaItem? Image { get; set; }
    public DateTime OpensAt { get; set; }
    public DateTime? ClosesAt { get; set; }
    public Signers Signers { get; set; } = Signers.Organisations;
    public int? Goal { get; set; }
    public bool PublicList { get; set; } = true;
    public Moderation Moderation { get; set; } = Moderation.AfterPublication;

    /// <summary>Signatories' contact data (email, name, role) is erased this many days after the campaign closes.</summary>
    public int EraseContactAfterDays { get; set; } = 90;

    /// <summary>The version of the text now shown; a signature records the one it confirmed.</summary>
    public int Version { get; set; } = 1;
    public List<CampaignVersion> Versions { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }

    public bool IsOpen(DateTime now) => OpensAt <= now && (ClosesAt is null || now < ClosesAt);

    public bool HasClosed(DateTime now) => ClosesAt <= now;
}

internal sealed class CampaignTranslation
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public required string Culture { get; set; }
    public required string Title { get; set; }
    public required string TextMarkdown { get; set; }
    public string TextHtml { get; set; } = "";
}

internal enum VersionChange { Original, Correction, NewVersion }

/// <summary>
/// One state of the text: its number, whether it was a correction or a new version, and the SHA-256 of each
/// language's text (a signature keeps the hash of the one it confirmed, so "which text did they sign" has an answer).
/// </summary>
internal sealed class CampaignVersion
{
    public int Id { get; set; }
    public int CampaignId { get; set; }
    public int Number { get; set; }
    public VersionChange Change { get; set; }
    public required string Culture { get; set; }
    public required string TextHash { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
}
