using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Infrastructure;

internal sealed class SiteOptions
{
    /// <summary>The coalition's name, shown in the header and page titles.</summary>
    [Required]
    public string Name { get; set; } = "Chorus";

    /// <summary>One line under the name.</summary>
    public string Tagline { get; set; } = "";

    /// <summary>IANA zone in which publication dates are shown (e.g. Europe/Paris).</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>Cultures served, first is the default; every public URL starts with one.</summary>
    [MinLength(1)]
    public string[] Cultures { get; set; } = ["en"];
}

/// <summary>Implemented by page models so the layout can write the title and description.</summary>
internal interface IPageMeta
{
    string Title { get; }
    string? Description { get; }
}
