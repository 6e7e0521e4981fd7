namespace Chorus.Web.Features.Consultations;

internal enum QuestionKind { ShortText, LongText, SingleChoice, MultipleChoice, Ranking, Scale, Country, File }

/// <summary>One question: its kind, its words in each language, its options (for choices and rankings), its place.</summary>
internal sealed class Question
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public int? SectionId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public bool Required { get; set; }

    /// <summary>Choices only: an "Other, please say" answer with its own text.</summary>
    public bool AllowOther { get; set; }

    /// <summary>Rankings only: how many options a respondent ranks at most.</summary>
    public int? MaxRanked { get; set; }

    /// <summary>File uploads only: the largest PDF taken, in megabytes.</summary>
    public int? MaxFileMegabytes { get; set; }

    /// <summary>What a file question takes when the secretariat sets no limit, and the most it may set.</summary>
    public const int DefaultFileMegabytes = 5, MostFileMegabytes = 20;

    public List<QuestionText> Texts { get; set; } = [];
    public List<QuestionOption> Options { get; set; } = [];
    public List<QuestionRevision> Revisions { get; set; } = [];

    public bool IsChoice => Kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Ranking;
}

internal sealed class QuestionText
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public required string Culture { get; set; }
    public required string Text { get; set; }
    public string? Help { get; set; }
    public bool IsMachineDraft { get; set; }
}

internal sealed class QuestionOption
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public int Position { get; set; }
    public List<OptionText> Texts { get; set; } = [];
}

internal sealed class OptionText
{
    public int Id { get; set; }
    public int OptionId { get; set; }
    public required string Culture { get; set; }
    public required string Text { get; set; }
    public bool IsMachineDraft { get; set; }
}

/// <summary>
/// A question's words before a correction made once answers existed: what earlier respondents read. A question that has
/// answers may only be corrected, never given a new meaning, so the answers stay comparable.
/// </summary>
internal sealed class QuestionRevision
{
    public int Id { get; set; }
    public int QuestionId { get; set; }
    public required string Culture { get; set; }
    public required string Text { get; set; }
    public string? Note { get; set; }
    public DateTime ReplacedAt { get; set; }
}
