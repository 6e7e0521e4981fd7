using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Features.Events.Admin;

/// <summary>The event editor's form. Times are wall-clock times in <see cref="TimeZone"/>.</summary>
internal sealed class EventInput
{
    [Required(ErrorMessage = "Give the event a title."), MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")]
    public string Title { get; set; } = "";

    [MaxLength(80, ErrorMessage = "Keep the address under 80 characters.")]
    public string? Slug { get; set; }

    [MaxLength(1000, ErrorMessage = "Keep the summary under 1,000 characters.")]
    public string? Summary { get; set; }

    [MaxLength(50_000, ErrorMessage = "The text is too long.")]
    public string? Body { get; set; }

    [Required, MaxLength(16)]
    public string Culture { get; set; } = "en";

    /// <summary>The title, summary and text in other languages, by culture.</summary>
    public Dictionary<string, EventTranslationInput> Translations { get; set; } = [];

    public EventKind Kind { get; set; }

    public EventFormat Format { get; set; }

    public EventStatus Status { get; set; }

    [Required(ErrorMessage = "Choose the organiser's time zone, such as Europe/Paris."), MaxLength(64)]
    public string TimeZone { get; set; } = "Europe/Paris";

    /// <summary>yyyy-MM-ddTHH:mm (a datetime-local field).</summary>
    [Required(ErrorMessage = "Give the start date and time."), MaxLength(20)]
    public string Start { get; set; } = "";

    [Required(ErrorMessage = "Give the end date and time."), MaxLength(20)]
    public string End { get; set; } = "";

    [MaxLength(300)] public string? Venue { get; set; }

    /// <summary>The featured image's id in the media library.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinder(typeof(Media.MediaReferenceBinder))]
    public int? ImageId { get; set; }

    [MaxLength(500), Url(ErrorMessage = "Enter the link as a full address starting with https://.")] public string? JoinUrl { get; set; }

    public bool JoinUrlPublic { get; set; } = true;

    /// <summary>Language codes separated by commas ("fr, es").</summary>
    [MaxLength(100)] public string? Interpretation { get; set; }

    /// <summary>Organisations from the directory, one per line.</summary>
    [MaxLength(3000)] public string? Hosts { get; set; }

    [MaxLength(1000)] public string? Partners { get; set; }

    [MaxLength(500)] public string? Categories { get; set; }

    [MaxLength(500), Url(ErrorMessage = "Enter the link as a full address starting with https://.")] public string? RecordingUrl { get; set; }

    [MaxLength(500), RegularExpression("^(https?://|/[^/]).*", ErrorMessage = "Enter the link as a full address starting with https://, or a page of this site starting with /.")]
    public string? ReportUrl { get; set; }

    public bool IsExternal { get; set; }

    [MaxLength(500), Url(ErrorMessage = "Enter the link as a full address starting with https://.")] public string? ExternalUrl { get; set; }

    public RegistrationMode Registration { get; set; }

    [Range(1, 100_000, ErrorMessage = "The capacity is a number of places, at least 1.")] public int? Capacity { get; set; }

    [MaxLength(20)] public string? ClosesAt { get; set; }

    /// <summary>The address (slug) of the post announcing the event.</summary>
    [MaxLength(200)] public string? Post { get; set; }

    public RecurrenceFrequency Frequency { get; set; } = RecurrenceFrequency.Weekly;

    [Range(1, 52, ErrorMessage = "Repeat every 1 to 52 days, weeks or months.")] public int Interval { get; set; } = 1;

    public List<string> Weekdays { get; set; } = [];

    [Range(1, 31, ErrorMessage = "A day of the month is 1 to 31.")] public int? MonthDay { get; set; }

    /// <summary>1–4 or -1 (last) for "the Nth weekday of the month".</summary>
    [Range(-1, 4)] public int? Ordinal { get; set; }

    public DateOnly? Until { get; set; }

    [Range(1, Recurrence.MaxOccurrences, ErrorMessage = "A series has 1 to 400 sessions.")] public int? Count { get; set; }

    /// <summary>Dates without a session, one per line (yyyy-MM-dd).</summary>
    [MaxLength(5000)] public string? Exclusions { get; set; }
}

/// <summary>One language's title, summary and text; all empty removes the translation.</summary>
internal sealed class EventTranslationInput
{
    [MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")] public string? Title { get; set; }

    [MaxLength(1000, ErrorMessage = "Keep the summary under 1,000 characters.")] public string? Summary { get; set; }

    [MaxLength(50_000, ErrorMessage = "The text is too long.")] public string? Body { get; set; }
}
