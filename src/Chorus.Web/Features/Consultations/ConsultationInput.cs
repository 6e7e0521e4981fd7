using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure.Email;

namespace Chorus.Web.Features.Consultations;

/// <summary>The answer form: who answers (the sign-on form's organisation fields), the answers by question id, consents.</summary>
internal sealed class ConsultationInput : Organisations.IOrganisationFields
{
    /// <summary>"organisation" or "individual" (asked only when a consultation takes both).</summary>
    [MaxLength(20)]
    public string AnsweringAs { get; set; } = "organisation";

    [MaxLength(300, ErrorMessage = "Keep the organisation's name under 300 characters.")]
    public string? Organisation { get; set; }

    [MaxLength(3)]
    public string? Country { get; set; }

    [MaxLength(32)]
    public string? Type { get; set; }

    [MaxLength(500, ErrorMessage = "This is not a web address.")]
    public string? Website { get; set; }

    [MaxLength(200, ErrorMessage = "Keep your name under 200 characters.")]
    public string? Name { get; set; }

    [MaxLength(200, ErrorMessage = "Keep your role under 200 characters.")]
    public string? Role { get; set; }

    [Required(ErrorMessage = "Write your email address: we send the confirmation link there."),
     MailAddress(ErrorMessage = "This is not an email address."), MaxLength(320, ErrorMessage = "This is not an email address.")]
    public string Email { get; set; } = "";

    public bool ContactConsent { get; set; }

    public bool AttributionConsent { get; set; }

    /// <summary>The answers, by question id.</summary>
    public Dictionary<int, AnswerInput> Answers { get; set; } = [];

    /// <summary>When the form was shown, sealed by the server (a form sent back within seconds is a robot's).</summary>
    [MaxLength(1000)]
    public string? Started { get; set; }

    /// <summary>
    /// Answers changed through the private link: the version the form was shown with (their last change, in ticks), so a
    /// change made meanwhile elsewhere (another tab, a colleague with the link) is not overwritten unseen.
    /// </summary>
    public long? Version { get; set; }

    /// <summary>Hidden from people; robots fill it in.</summary>
    [MaxLength(1000)]
    public string? Extra { get; set; }
}

/// <summary>One question's answer as typed: the fields used depend on the question's kind.</summary>
internal sealed class AnswerInput
{
    [MaxLength(10_000, ErrorMessage = "Keep the answer under 10,000 characters.")]
    public string? Text { get; set; }

    /// <summary>Single choice: the option's id, or 0 for "Other".</summary>
    public int? Choice { get; set; }

    /// <summary>Multiple choice: the options' ids, 0 for "Other".</summary>
    public List<int> Choices { get; set; } = [];

    [MaxLength(1000, ErrorMessage = "Keep the answer under 1,000 characters.")]
    public string? Other { get; set; }

    /// <summary>Ranking: the rank given to each option (by option id); none for an option not ranked.</summary>
    public Dictionary<int, int?> Ranks { get; set; } = [];

    public int? Scale { get; set; }

    /// <summary>
    /// File question: the PDF already received, as the form's private reference to it (see <see cref="ConsultationFile"/>),
    /// or <see cref="AnswerFiles.Kept"/> for the file of the answers being changed through the private link.
    /// </summary>
    [MaxLength(100)]
    public string? File { get; set; }

    /// <summary>File question: the respondent ticked "remove this file".</summary>
    public bool RemoveFile { get; set; }
}
