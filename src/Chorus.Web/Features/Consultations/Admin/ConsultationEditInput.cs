using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Features.Consultations.Admin;

/// <summary>The consultation editor's form. Times are wall-clock times in the editor's own zone.</summary>
internal sealed class ConsultationEditInput
{
    [Required(ErrorMessage = "Give the consultation a title."), MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string Title { get; set; } = "";

    [MaxLength(80, ErrorMessage = "Keep the address under 80 characters.")]
    public string? Slug { get; set; }

    [Required, MaxLength(16)]
    public string Culture { get; set; } = "en";

    [MaxLength(50_000, ErrorMessage = "The text is too long.")]
    public string? Introduction { get; set; }

    /// <summary>The title and introduction in other languages, by culture.</summary>
    public Dictionary<string, ConsultationTranslationInput> Translations { get; set; } = [];

    [Required(ErrorMessage = "Say when the consultation opens.")]
    public string? OpensAt { get; set; }

    [Required(ErrorMessage = "Say when the consultation closes.")]
    public string? ClosesAt { get; set; }

    public Respondents Respondents { get; set; } = Respondents.Both;

    public bool AnswersPublishable { get; set; }

    public bool ResultsPublished { get; set; }

    [Range(0, 3650, ErrorMessage = "Between 0 and 3,650 days.")]
    public int EraseContactAfterDays { get; set; } = 90;

    /// <summary>The event where it is presented, by its address or slug.</summary>
    [MaxLength(300)]
    public string? Event { get; set; }

    /// <summary>The statement or post that comes out of it, by its address or slug.</summary>
    [MaxLength(300)]
    public string? Post { get; set; }
}

internal sealed class ConsultationTranslationInput
{
    [MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")] public string? Title { get; set; }

    [MaxLength(50_000, ErrorMessage = "The text is too long.")] public string? Introduction { get; set; }

    /// <summary>
    /// The form showed a translation in this language: emptied, it is removed. One that appeared since the form was opened
    /// (a machine draft the queue wrote, a translator's words) is not, as nobody emptied it.
    /// </summary>
    public bool Shown { get; set; }
}
