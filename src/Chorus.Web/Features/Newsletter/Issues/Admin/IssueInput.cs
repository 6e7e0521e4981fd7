using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Features.Newsletter.Issues.Admin;

/// <summary>The compose form: subject and introduction in the original language, their translations, lists and items.</summary>
internal sealed class IssueInput
{
    [Required(ErrorMessage = "Give the issue a subject.")]
    [StringLength(300)]
    public string Subject { get; set; } = "";

    [StringLength(20000)]
    public string Introduction { get; set; } = "";

    [Required]
    public string Culture { get; set; } = "en";

    /// <summary>Per other language: subject and introduction; an empty subject means not translated.</summary>
    public Dictionary<string, IssueTextInput> Texts { get; set; } = [];

    public List<int> ListIds { get; set; } = [];

    /// <summary>"Post:12", "Event:3", "Campaign:4", in the order they go in the issue.</summary>
    public List<string> Items { get; set; } = [];

    /// <summary>A datetime-local value in the editor's zone.</summary>
    public string? ScheduleAt { get; set; }
}

internal sealed class IssueTextInput
{
    [StringLength(300)]
    public string? Subject { get; set; }

    [StringLength(20000)]
    public string? Introduction { get; set; }
}

/// <summary>Something of the site an issue can point to, offered on the compose form.</summary>
internal sealed record IssueCandidate(string Value, string Kind, string Title, string Note);
