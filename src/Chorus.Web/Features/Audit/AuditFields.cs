namespace Chorus.Web.Features.Audit;

/// <summary>
/// What the audit log says about each field of each table: a label in the reader's language (a key of the interface
/// strings, the form's own label where one says the same), or nothing when the field is hidden because a person did not
/// set it (derived copies, sort and search keys, hashes, secrets, bookkeeping). Both the writer and the reader use this,
/// so entries written before a field was hidden are shown without it too. A field in neither list is shown by its name;
/// a test keeps every field of the model in one of them.
/// </summary>
internal static class AuditFields
{
    private static readonly HashSet<string> HiddenNames = new(StringComparer.Ordinal)
    {
        // Secrets and the account's bookkeeping.
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "AccessFailedCount", "LockoutEnd", "LockoutEnabled",
        "PhoneNumberConfirmed", "ProviderKey",
        // Derived on save from what a person typed: rendered HTML, excerpts, sort, search and matching keys, instants
        // computed from a wall-clock time and its zone, stored image widths, a series' own slots.
        "Excerpt", "SortKey", "SearchText", "AcronymKey", "SignerKey", "Initial", "StartsAt", "EndsAt", "Widths",
        "RuleLocalStart", "Facets",
        // Times every write sets.
        "CreatedAt", "UpdatedAt",
        // Reminders sent: machinery, not a decision.
        "Reminded1For", "Reminded24For",
    };

    /// <summary>Whether a field stays out of the audit log.</summary>
    public static bool IsHidden(string field) =>
        HiddenNames.Contains(field)
        || field.EndsWith("Hash", StringComparison.Ordinal)
        || field.EndsWith("Html", StringComparison.Ordinal)
        || field.StartsWith("Normalized", StringComparison.Ordinal)
        // The keys EF gives the parts of the site's look (its one row) and their positions in a list.
        || field.EndsWith("SiteLookId", StringComparison.Ordinal)
        || field.Contains("synthesizedOrdinal", StringComparison.Ordinal);

    /// <summary>Tables whose rows are derived copies (the search index, the stored sizes of an upload): their writes are not actions and are not shown.</summary>
    public static readonly string[] DerivedTables = ["SearchDocument", "MediaFile"];

    /// <summary>The label of each field shown, by the field's name in the model.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Accent"] = "Accent colour",
        ["AcceptedAt"] = "Accepted",
        ["Acronym"] = "Acronym",
        ["Addressee"] = "Addressed to",
        ["AltText"] = "Alternative text",
        ["ArchivedAt"] = "Archived",
        ["AuthorName"] = "Author",
        ["Badge"] = "Verification",
        ["BadgeReason"] = "Reason for the verification",
        ["Body"] = "Text",
        ["BodyMarkdown"] = "Text",
        ["Browser"] = "Browser",
        ["ByDay"] = "Days of the week",
        ["Bytes"] = "Size (bytes)",
        ["CampaignId"] = "Campaign",
        ["CancelledAt"] = "Cancelled",
        ["Capacity"] = "Places",
        ["CategoryId"] = "Category",
        ["Change"] = "Kind of change",
        ["ClaimType"] = "Claim",
        ["ClaimValue"] = "Claim value",
        ["ClaimsSignatureId"] = "Asks to replace",
        ["ClosesAt"] = "Closes",
        ["Comment"] = "Comment",
        ["ConfirmedAt"] = "Confirmed",
        ["ConsentAt"] = "Consent given",
        ["ContactConsent"] = "May be contacted",
        ["ContactErasedAt"] = "Contact data erased",
        ["Count"] = "Number of sessions",
        ["Country"] = "Country",
        ["Culture"] = "Language",
        ["DeletedAt"] = "Moved to the bin",
        ["DeliveredOn"] = "Delivered",
        ["Description"] = "Description",
        ["DescriptionMarkdown"] = "Description",
        ["DisplayName"] = "Name",
        ["DocumentId"] = "Document",
        ["Email"] = "Email",
        ["EmailConfirmed"] = "Email confirmed",
        ["EmailDomains"] = "Email domains",
        ["EndedAt"] = "Ended",
        ["EraseContactAfterDays"] = "Erase signatories' contact data this many days after closing",
        ["EventId"] = "Event",
        ["Exclusions"] = "No session on",
        ["ExpiresAt"] = "Expires",
        ["ExternalUrl"] = "Registration address on the other site",
        ["Footer"] = "Footer (address, registration number)",
        ["Format"] = "Format",
        ["Frequency"] = "Frequency",
        ["Goal"] = "Goal",
        ["Height"] = "Height",
        ["HostId"] = "Host",
        ["HostName"] = "Host",
        ["ImageId"] = "Featured image",
        ["Interpretation"] = "Interpretation",
        ["InterpretationLanguages"] = "Interpretation",
        ["Interval"] = "Interval",
        ["InvitedBy"] = "Invited by",
        ["IsActive"] = "Active",
        ["IsExternal"] = "A partner's event that we only list",
        ["IsIndividual"] = "Signed as an individual",
        ["Item"] = "Featured item",
        ["JoinUrl"] = "Join link",
        ["JoinUrlPublic"] = "Join link shown publicly",
        ["JoinedOn"] = "Joined on",
        ["Kind"] = "Kind",
        ["Label"] = "Label",
        ["Language"] = "Language",
        ["LastSeenAt"] = "Last active",
        ["LocalEnd"] = "Ends (in that zone)",
        ["LocalStart"] = "Starts (in that zone)",
        ["LoginProvider"] = "Sign-in provider",
        ["LogoId"] = "Logo",
        ["Membership"] = "Membership",
        ["MergedIntoId"] = "Merged into",
        ["Moderation"] = "Moderation",
        ["ModerationReason"] = "Reason",
        ["MonthDay"] = "Day of the month",
        ["Name"] = "Name",
        ["Note"] = "Note",
        ["Number"] = "Number",
        ["OnAccent"] = "Text on the accent colour",
        ["OpensAt"] = "Opens",
        ["Ordinal"] = "Week of the month",
        ["OrganisationId"] = "Organisation",
        ["OrganisationName"] = "Organisation name",
        ["OriginalName"] = "File",
        ["Partners"] = "Partners",
        ["PhoneNumber"] = "Phone number",
        ["Platform"] = "System",
        ["Position"] = "Position",
        ["PostId"] = "Post",
        ["PromotedAt"] = "Moved off the waiting list",
        ["ProviderDisplayName"] = "Sign-in provider",
        ["PublicList"] = "Publish the list of endorsers",
        ["PublishedAt"] = "Published",
        ["RecordingUrl"] = "Recording",
        ["Registration"] = "Registration",
        ["RegistrationClosesAt"] = "Registration closes",
        ["ReportUrl"] = "Report",
        ["Role"] = "Role",
        ["RoleId"] = "Role",
        ["ShareImageId"] = "Sharing image",
        ["SignatoryName"] = "Signatory",
        ["SignatoryRole"] = "Signatory's role",
        ["Signers"] = "Who may sign",
        ["Slug"] = "Address (slug)",
        ["SpeakerName"] = "Speaker",
        ["SpeakerOrganisation"] = "Speaker's organisation",
        ["SpeakerRole"] = "Speaker's role",
        ["State"] = "State",
        ["StatementAddressee"] = "Addressed to",
        ["StatementSpeakerRole"] = "Speaker's role",
        ["StatementVenue"] = "Venue",
        ["Status"] = "Status",
        ["Summary"] = "Summary",
        ["Tagline"] = "Tagline",
        ["Tags"] = "Tags",
        ["Target"] = "Link",
        ["Text"] = "Text",
        ["TextMarkdown"] = "Text",
        ["TimeZone"] = "Time zone",
        ["Title"] = "Title",
        ["TranslatorCultures"] = "Languages a translator may edit",
        ["TwoFactorEnabled"] = "Two-factor sign-in",
        ["Type"] = "Type",
        ["Until"] = "Until",
        ["UploadedAt"] = "Uploaded",
        ["UploadedBy"] = "Uploaded by",
        ["Url"] = "Address",
        ["UserId"] = "Account",
        ["UserName"] = "User name",
        ["Venue"] = "Venue",
        ["Version"] = "Version",
        ["Website"] = "Website",
    };

    /// <summary>What each stored action (kept in English, which the filter matches) reads as.</summary>
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["created"] = "Created",
        ["changed"] = "Changed",
        ["deleted"] = "Deleted",
        ["exported"] = "Exported",
        ["sign-in"] = "Signed in",
        ["sign-in (password)"] = "Password accepted, second step next",
        ["sign-in failed"] = "Sign-in failed",
        ["sign-in locked out"] = "Sign-in refused: account locked",
    };

    /// <summary>The name of each table a staff member writes, as the log's "What" column says it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tables = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Post"] = "Post",
        ["PostTranslation"] = "Translation of a post",
        ["PostCategory"] = "Category of a post",
        ["PostIssuer"] = "Issuer of a post",
        ["StatementDetails"] = "Statement details",
        ["LanguageVersion"] = "Language version",
        ["Category"] = "Category",
        ["CategoryName"] = "Category name",
        ["Event"] = "Event",
        ["EventTranslation"] = "Translation of an event",
        ["EventSession"] = "Session",
        ["EventHost"] = "Host of an event",
        ["EventCategory"] = "Category of an event",
        ["Recurrence"] = "Repetition",
        ["Registration"] = "Registration",
        ["Campaign"] = "Campaign",
        ["CampaignTranslation"] = "Translation of a campaign",
        ["CampaignVersion"] = "Version of a campaign",
        ["Signature"] = "Signature",
        ["Organisation"] = "Organisation",
        ["OrganisationTranslation"] = "Translation of an organisation",
        ["MediaItem"] = "Media",
        ["SiteLook"] = "The site's look",
        ["HomeBlock"] = "Home page block",
        ["HomeBlockText"] = "Home page block",
        ["MenuItem"] = "Menu entry",
        ["MenuLabel"] = "Menu entry",
        ["SiteText"] = "The site's identity",
        ["SocialLink"] = "Social link",
        ["ChorusUser"] = "Account",
        ["Invitation"] = "Invitation",
        ["StaffSession"] = "Sign-in session",
        ["Account"] = "Account",
        ["IdentityRole"] = "Role",
        ["IdentityUserRole`1"] = "Role of an account",
        ["IdentityUserClaim`1"] = "Claim of an account",
        ["IdentityRoleClaim`1"] = "Claim of a role",
        ["IdentityUserLogin`1"] = "Sign-in provider",
    };
}
