using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Features.Organisations.Admin;

/// <summary>The organisation editor's form.</summary>
internal sealed class OrganisationInput
{
    [Required(ErrorMessage = "Give the organisation's name."), MaxLength(300, ErrorMessage = "Keep the name under 300 characters.")]
    public string Name { get; set; } = "";

    [MaxLength(40, ErrorMessage = "Keep the acronym under 40 characters.")]
    public string? Acronym { get; set; }

    [MaxLength(80, ErrorMessage = "Keep the address under 80 characters.")]
    public string? Slug { get; set; }

    /// <summary>ISO alpha-2, or empty for an international organisation.</summary>
    [MaxLength(2)]
    public string? Country { get; set; }

    public OrganisationType Type { get; set; } = OrganisationType.Ngo;

    public Membership Membership { get; set; } = Membership.None;

    public DateOnly? JoinedOn { get; set; }

    [MaxLength(500, ErrorMessage = "Keep the website address under 500 characters.")]
    public string? Website { get; set; }

    [MaxLength(1000, ErrorMessage = "List at most 20 email domains.")]
    public string? EmailDomains { get; set; }

    [Required, MaxLength(16)]
    public string Culture { get; set; } = "en";

    [MaxLength(20_000, ErrorMessage = "Keep the description under 20,000 characters.")]
    public string? Description { get; set; }

    /// <summary>The description in other languages, by culture.</summary>
    public Dictionary<string, string?> Translations { get; set; } = [];

    [MaxLength(500), RegularExpression("^/media/.*", ErrorMessage = "Use an image from this site's media library (an address starting with /media/).")]
    public string? Logo { get; set; }
}
