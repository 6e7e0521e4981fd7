using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Features.Campaigns.Admin;

/// <summary>The campaign editor's form. Times are wall-clock times in the editor's own zone.</summary>
internal sealed class CampaignInput
{
    [Required(ErrorMessage = "Give the campaign a title."), MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string Title { get; set; } = "";

    [MaxLength(80, ErrorMessage = "Keep the address under 80 characters.")]
    public string? Slug { get; set; }

    [Required, MaxLength(16)]
    public string Culture { get; set; } = "en";

    [Required(ErrorMessage = "Write the text people sign."), MaxLength(50_000, ErrorMessage = "The text is too long.")]
    public string Text { get; set; } = "";

    /// <summary>The title and text in other languages, by culture.</summary>
    public Dictionary<string, CampaignTranslationInput> Translations { get; set; } = [];

    /// <summary>The statement or position paper, by its address ("/en/news/slug" or the slug).</summary>
    [MaxLength(300)]
    public string? Post { get; set; }

    /// <summary>The PDF's media-library address (/media/….pdf).</summary>
    [MaxLength(300)]
    public string? Document { get; set; }

    /// <summary>The featured image's id in the media library.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinder(typeof(Media.MediaReferenceBinder))]
    public int? ImageId { get; set; }

    [Required(ErrorMessage = "Say when the campaign opens.")]
    public string? OpensAt { get; set; }

    public string? ClosesAt { get; set; }

    public Signers Signers { get; set; }

    [Range(1, 10_000_000, ErrorMessage = "The goal is a number of endorsements, at least 1.")]
    public int? Goal { get; set; }

    public bool PublicList { get; set; } = true;

    public Moderation Moderation { get; set; }

    [Range(0, 3650, ErrorMessage = "Between 0 and 3,650 days.")]
    public int EraseContactAfterDays { get; set; } = 90;

    /// <summary>When signatures exist and the text changes: "Correction" or "NewVersion".</summary>
    public VersionChange? Change { get; set; }

    [MaxLength(500, ErrorMessage = "Keep the note under 500 characters.")]
    public string? ChangeNote { get; set; }
}

internal sealed class CampaignTranslationInput
{
    [MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")] public string? Title { get; set; }

    [MaxLength(50_000, ErrorMessage = "The text is too long.")] public string? Text { get; set; }
}
