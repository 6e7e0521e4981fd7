using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure.Email;

namespace Chorus.Web.Features.Newsletter;

/// <summary>The subscribe form.</summary>
internal sealed class SubscribeInput
{
    [Required(ErrorMessage = "Write your email address: we send the confirmation link there."),
     MailAddress(ErrorMessage = "This is not an email address."), MaxLength(320, ErrorMessage = "This is not an email address.")]
    public string Email { get; set; } = "";

    /// <summary>The language they want to read in (defaults to the page's).</summary>
    [MaxLength(16)]
    public string? Language { get; set; }

    public List<int> Lists { get; set; } = [];

    public bool Consent { get; set; }

    /// <summary>When the form was shown, sealed by the server (a form sent back within seconds is a robot's).</summary>
    [MaxLength(1000)]
    public string? Started { get; set; }

    /// <summary>Hidden from people; robots fill it in.</summary>
    [MaxLength(1000)]
    public string? Extra { get; set; }
}
