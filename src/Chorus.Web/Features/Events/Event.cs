using Chorus.Web.Features.Content;
using Chorus.Web.Features.Organisations;

namespace Chorus.Web.Features.Events;

internal enum EventFormat { Online, InPerson, Hybrid }

internal enum EventStatus { Scheduled, Postponed, Cancelled }

/// <summary>A single event, a recurring series (sessions made by its rule), or a programme (sessions entered one by one).</summary>
internal enum EventKind { Single, Series, Programme }

internal enum RegistrationMode { None, External, Form }

/// <summary>
/// An event as its organiser sees it: a local start and end in the organiser's IANA zone. The UTC
/// instants are derived (NodaTime) on every save, for ordering and for every reader's own zone.
/// </summary>
internal sealed class Event
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public required string Slug { get; set; }
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
    public string Culture { get; set; } = "en";
    public List<EventTranslation> Translations { get; set; } = [];

    public EventKind Kind { get; set; }
    public EventFormat Format { get; set; }
    public EventStatus Status { get; set; }

    /// <summary>IANA zone of the organiser, such as Europe/Paris.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Wall-clock start and end in <see cref="TimeZone"/> (for a series: of its first session).</summary>
    public DateTime LocalStart { get; set; }
    public DateTime LocalEnd { get; set; }

    /// <summary>UTC instants of the whole event: first session's start, last session's end.</summary>
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    public string? Venue { get; set; }

    /// <summary>The featured image, from the media library: in listings, at the top of the page and in link previews.</summary>
    public int? ImageId { get; set; }
    public Media.MediaItem? Image { get; set; }
    public string? JoinUrl { get; set; }

    /// <summary>When false, the join link is sent to registrants only.</summary>
    public bool JoinUrlPublic { get; set; } = true;

    /// <summary>Interpretation offered, as culture codes ("fr", "es").</summary>
    public List<string> InterpretationLanguages { get; set; } = [];

    /// <summary>Partners not in the directory, as typed.</summary>
    public string? Partners { get; set; }
    public string? RecordingUrl { get; set; }
    public string? ReportUrl { get; set; }

    /// <summary>A partner's event we only list; <see cref="ExternalUrl"/> is where to register.</summary>
    public bool IsExternal { get; set; }
    public string? ExternalUrl { get; set; }

    public RegistrationMode Registration { get; set; }
    public int? Capacity { get; set; }
    public DateTime? RegistrationClosesAt { get; set; }

    /// <summary>The rule of a series.</summary>
    public Recurrence? Recurrence { get; set; }

    public List<EventSession> Sessions { get; set; } = [];
    public List<EventHost> Hosts { get; set; } = [];
    public List<Category> Categories { get; set; } = [];

    /// <summary>The post announcing the event, if any.</summary>
    public int? PostId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }

    /// <summary>A series or a programme: its times are those of its sessions.</summary>
    public bool HasSessions => Kind != EventKind.Single;
}

/// <summary>An event's title, summary and description in one more language.</summary>
internal sealed class EventTranslation
{
    public int EventId { get; set; }
    public required string Culture { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public string BodyHtml { get; set; } = "";
}

internal enum SessionStatus { Scheduled, Cancelled }

/// <summary>One occurrence of a series or one session of a programme, with its own time, zone, topic, host, language and link.</summary>
internal sealed class EventSession
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public Event Event { get; set; } = null!;

    /// <summary>1, 2, 3… in time order.</summary>
    public int Number { get; set; }

    /// <summary>The session's topic; empty for a series occurrence without one.</summary>
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public DateTime LocalStart { get; set; }
    public DateTime LocalEnd { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    /// <summary>For a series: the wall-clock slot the rule gave this occurrence (its RECURRENCE-ID), kept when it moves.</summary>
    public DateTime? RuleLocalStart { get; set; }
    public SessionStatus Status { get; set; }
    public int? HostId { get; set; }
    public Organisation? Host { get; set; }
    public string? HostName { get; set; }

    /// <summary>The language spoken (a culture code).</summary>
    public string? Language { get; set; }
    public string? JoinUrl { get; set; }

    public bool IsMoved => RuleLocalStart is { } rule && rule != LocalStart;

    /// <summary>Where a moved session was: the slot the series gave it, as "Tuesday 19 January 2027, 18:00 CET" in its zone.</summary>
    public string? MovedFrom => IsMoved ? EventTimes.At(EventTimes.ToUtc(RuleLocalStart!.Value, TimeZone), TimeZone) : null;
}

/// <summary>An organisation from the directory hosting an event.</summary>
internal sealed class EventHost
{
    public int EventId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>The link between an event and a category.</summary>
internal sealed class EventCategory
{
    public int EventId { get; set; }
    public int CategoryId { get; set; }
}
