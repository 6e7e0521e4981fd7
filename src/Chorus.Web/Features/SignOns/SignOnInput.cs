using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure.Email;

namespace Chorus.Web.Features.SignOns;

/// <summary>The sign-on form.</summary>
internal sealed class SignOnInput : Organisations.IOrganisationFields
{
    /// <summary>"organisation" or "individual" (asked only when a campaign takes both).</summary>
    [MaxLength(20)]
    public string SigningAs { get; set; } = "organisation";

    [MaxLength(300, ErrorMessage = "Keep the organisation's name under 300 characters.")]
    public string? Organisation { get; set; }

    /// <summary>ISO 3166-1 alpha-2, or "int" for an international organisation.</summary>
    [MaxLength(3)]
    public string? Country { get; set; }

    [MaxLength(32)]
    public string? Type { get; set; }

    [MaxLength(500, ErrorMessage = "This is not a web address.")]
    public string? Website { get; set; }

    [Required(ErrorMessage = "Write your name."), MaxLength(200, ErrorMessage = "Keep your name under 200 characters.")]
    public string Name { get; set; } = "";

    [MaxLength(200, ErrorMessage = "Keep your role under 200 characters.")]
    public string? Role { get; set; }

    [Required(ErrorMessage = "Write your email address: we send the confirmation link there."),
     MailAddress(ErrorMessage = "This is not an email address."), MaxLength(320, ErrorMessage = "This is not an email address.")]
    public string Email { get; set; } = "";

    public bool Authorised { get; set; }

    public bool ContactConsent { get; set; }

    [MaxLength(1000, ErrorMessage = "Keep the comment under 1,000 characters.")]
    public string? Comment { get; set; }

    /// <summary>When the form was shown, sealed by the server (a form sent back within seconds is a robot's).</summary>
    [MaxLength(1000)]
    public string? Started { get; set; }

    /// <summary>Hidden from people; robots fill it in.</summary>
    [MaxLength(1000)]
    public string? Extra { get; set; }
}
