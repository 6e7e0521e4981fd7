namespace Chorus.Web.Features.Consultations;

/// <summary>Who may answer a consultation.</summary>
internal enum Respondents { Organisations, Individuals, Both }

/// <summary>
/// A call for input: an introduction (in several languages), questions grouped in sections, open between two instants;
/// optionally presented at an event and followed by a statement. Results are public only once published.
/// </summary>
internal sealed class Consultation
{
    public int Id { get; set; }
    public required string Slug { get; set; }

    /// <summary>The language the consultation was written in; translations follow it.</summary>
    public string Culture { get; set; } = "en";
    public required string Title { get; set; }
    public string IntroductionMarkdown { get; set; } = "";
    public string IntroductionHtml { get; set; } = "";
    public List<ConsultationTranslation> Translations { get; set; } = [];

    public DateTime OpensAt { get; set; }
    public DateTime ClosesAt { get; set; }
    public Respondents Respondents { get; set; } = Respondents.Both;

    /// <summary>Whether answers (free text, anonymised unless attribution was given) may appear on the public results page.</summary>
    public bool AnswersPublishable { get; set; }

    /// <summary>Whether the results page is public.</summary>
    public bool ResultsPublished { get; set; }

    /// <summary>Respondents' contact data (email, name, role) is erased this many days after the consultation closes.</summary>
    public int EraseContactAfterDays { get; set; } = 90;

    /// <summary>The event where what was heard is presented.</summary>
    public int? EventId { get; set; }
    public Events.Event? Event { get; set; }

    /// <summary>The statement or post that comes out of it.</summary>
    public int? PostId { get; set; }
    public Content.Post? Post { get; set; }

    public List<ConsultationSection> Sections { get; set; } = [];
    public List<Question> Questions { get; set; } = [];

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }

    public bool IsOpen(DateTime now) => OpensAt <= now && now < ClosesAt;

    public bool HasClosed(DateTime now) => ClosesAt <= now;
}

internal sealed class ConsultationTranslation
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public required string Culture { get; set; }
    public required string Title { get; set; }
    public string IntroductionMarkdown { get; set; } = "";
    public string IntroductionHtml { get; set; } = "";

    /// <summary>A machine draft not yet reviewed by a person (shown with a label).</summary>
    public bool IsMachineDraft { get; set; }
}

/// <summary>A group of questions under a heading.</summary>
internal sealed class ConsultationSection
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public int Position { get; set; }
    public List<SectionText> Texts { get; set; } = [];
}

internal sealed class SectionText
{
    public int Id { get; set; }
    public int SectionId { get; set; }
    public required string Culture { get; set; }
    public required string Title { get; set; }
    public bool IsMachineDraft { get; set; }
}
