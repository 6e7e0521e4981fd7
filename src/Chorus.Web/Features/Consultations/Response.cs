namespace Chorus.Web.Features.Consultations;

internal enum ResponseState
{
    /// <summary>Saved to finish later through the private link; never counted.</summary>
    Draft,

    /// <summary>Sent; the emailed link has not been followed. Never counted.</summary>
    Unconfirmed,

    /// <summary>Confirmed by the emailed link: counted.</summary>
    Confirmed,
    Withdrawn,

    /// <summary>Set aside by the secretariat (spam, a duplicate): kept for the record, not counted; can be restored.</summary>
    SetAside,
}

/// <summary>
/// One respondent's answers. The organisation, its country, type and badge may appear in results; the respondent's email,
/// name and role are private (staff only) and erased after the consultation closes. The name of the organisation or
/// person appears publicly only when they consented to attribution.
/// </summary>
internal sealed class Response
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public Consultation Consultation { get; set; } = null!;
    public bool IsIndividual { get; set; }
    public int? OrganisationId { get; set; }
    public Organisations.Organisation? Organisation { get; set; }

    /// <summary>The organisation's name (or, for an individual, the person's).</summary>
    public string Name { get; set; } = "";

    /// <summary>ISO 3166-1 alpha-2; null for international.</summary>
    public string? Country { get; set; }
    public Organisations.OrganisationType? Type { get; set; }
    public string? Website { get; set; }
    public Campaigns.Badge Badge { get; set; }

    // Private: never in a public page, list, feed or file.
    public string? RespondentName { get; set; }
    public string? Role { get; set; }
    public string? Email { get; set; }
    public bool ContactConsent { get; set; }
    public DateTime? ContactErasedAt { get; set; }

    /// <summary>Whether quotes may name the organisation (or person); otherwise they are anonymised.</summary>
    public bool AttributionConsent { get; set; }

    /// <summary>The language they answered in; their emails are written in it.</summary>
    public string Culture { get; set; } = "en";
    public ResponseState State { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ConfirmedAt { get; set; }

    /// <summary>Marked by the secretariat for the synthesis.</summary>
    public bool Highlight { get; set; }

    /// <summary>Themes the secretariat tagged the answer with.</summary>
    public List<string> Themes { get; set; } = [];

    public string? ConfirmTokenHash { get; set; }

    /// <summary>SHA-256 of the secret in the save-and-return / withdraw link.</summary>
    public string? ManageTokenHash { get; set; }

    public List<Answer> Answers { get; set; } = [];
}

/// <summary>
/// One piece of an answer: a text (short or long, the country code, the "Other" text beside a choice), a chosen option
/// (one row per option chosen), an option's rank, or a scale value. Counting an option is counting its rows.
/// </summary>
internal sealed class Answer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? OptionId { get; set; }
    public int? Rank { get; set; }
    public int? Number { get; set; }
    public string? Text { get; set; }

    /// <summary>For a choice question: this row is the "Other, please say" answer (its text in <see cref="Text"/>).</summary>
    public bool IsOther { get; set; }
}
