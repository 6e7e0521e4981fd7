using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure.Email;

namespace Chorus.Web.Features.Registrations;

/// <summary>The registration form.</summary>
internal sealed class RegistrationInput
{
    [Required(ErrorMessage = "Write your name."), MaxLength(200, ErrorMessage = "Keep your name under 200 characters.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Write your email address: your confirmation and the link to join are sent there."),
     MailAddress(ErrorMessage = "This is not an email address."), MaxLength(320, ErrorMessage = "This is not an email address.")]
    public string Email { get; set; } = "";

    [MaxLength(300, ErrorMessage = "Keep the organisation's name under 300 characters.")]
    public string? Organisation { get; set; }

    [MaxLength(2)]
    public string? Country { get; set; }

    [MaxLength(16)]
    public string? Interpretation { get; set; }

    /// <summary>Required: the person agrees to their data being kept for this registration.</summary>
    public bool Consent { get; set; }
}
