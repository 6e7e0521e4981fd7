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

    /// <summary>
    /// Confirmed, but its organisation (or person) already has an answer that counts: kept beside it for the secretariat,
    /// which may count this one instead. One organisation, one voice in the figures.
    /// </summary>
    Duplicate,
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

    /// <summary>
    /// Who answered, as sign-ons know a signer: the directory record, else the organisation's folded name and country;
    /// for a person, a hash of their email (cleared with the contact data). Two responses with one key count once.
    /// </summary>
    public string? RespondentKey { get; set; }

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

    /// <summary>For a file question: the PDF sent (its name is in <see cref="Text"/>).</summary>
    public int? FileId { get; set; }
}

/// <summary>
/// A PDF sent with an answer, kept in the database so every node serves it and a backup holds it. Staff only: never on a
/// public page, in the API or a public export. Stored as soon as it arrives, before the rest of the form is valid, so a
/// respondent sent back to fix another question does not choose the file again; <see cref="TokenHash"/> is the form's
/// private reference to it until the answers are saved. It belongs to the response whose answer row names it; a file no
/// answer names (a form never sent, a file replaced) is deleted a day later.
/// </summary>
internal sealed class ConsultationFile
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public int QuestionId { get; set; }
    public required string FileName { get; set; }
    public int Size { get; set; }
    public required byte[] Content { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAt { get; set; }
}
