using System.ComponentModel.DataAnnotations;
using Chorus.Web.Features.Statements;

namespace Chorus.Web.Features.Content.Admin;

/// <summary>The post editor's form. Times are local to the editor's zone; the page converts them.</summary>
internal sealed class PostInput
{
    [Required(ErrorMessage = "Give the post a title."), MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string Title { get; set; } = "";

    [MaxLength(80, ErrorMessage = "Keep the address under 80 characters.")]
    public string? Slug { get; set; }

    public PostKind Kind { get; set; } = PostKind.News;

    [Required, MaxLength(16)]
    public string Culture { get; set; } = "en";

    [MaxLength(1000, ErrorMessage = "Keep the summary under 1,000 characters.")]
    public string? Summary { get; set; }

    [Required(ErrorMessage = "Write the text of the post."), MaxLength(200_000, ErrorMessage = "The text is too long.")]
    public string Body { get; set; } = "";

    [MaxLength(500)]
    public string? Categories { get; set; }

    [MaxLength(500)]
    public string? Tags { get; set; }

    /// <summary>Issuing organisations, one per line: name, acronym or address (slug).</summary>
    [MaxLength(3000, ErrorMessage = "Name at most a few dozen organisations.")]
    public string? Issuers { get; set; }

    public PostStatus Status { get; set; } = PostStatus.Draft;

    /// <summary>yyyy-MM-ddTHH:mm in the editor's zone (a datetime-local field).</summary>
    [MaxLength(20)]
    public string? PublishAt { get; set; }

    /// <summary>The featured image's id in the media library.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinder(typeof(Media.MediaReferenceBinder))]
    public int? ImageId { get; set; }

    public StatementType StatementType { get; set; }

    public DateOnly? DeliveredOn { get; set; }

    [MaxLength(200)] public string? SpeakerName { get; set; }

    [MaxLength(200)] public string? SpeakerRole { get; set; }

    [MaxLength(200)] public string? SpeakerOrganisation { get; set; }

    [MaxLength(300)] public string? Venue { get; set; }

    [MaxLength(300)] public string? Addressee { get; set; }

    /// <summary>Other-language versions of a statement, one per line: "fr | Titre | https://…".</summary>
    [MaxLength(5000)] public string? Versions { get; set; }

    public static string[] SplitList(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}
