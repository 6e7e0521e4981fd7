namespace Chorus.Web.Features.Statements;

internal enum StatementType { Statement, Intervention, OpenLetter, Remarks, Comment, Recommendations }

/// <summary>What makes a post a statement in the register: who said it, where, to whom, when.</summary>
internal sealed class StatementDetails
{
    public StatementType Type { get; set; }
    public DateOnly DeliveredOn { get; set; }
    public string? SpeakerName { get; set; }
    public string? SpeakerRole { get; set; }
    public string? SpeakerOrganisation { get; set; }
    public string? Venue { get; set; }
    public string? Addressee { get; set; }

    /// <summary>Versions of this statement in other languages, published elsewhere or as separate documents.</summary>
    public List<LanguageVersion> Versions { get; set; } = [];
}

internal sealed class LanguageVersion
{
    public required string Culture { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
}
