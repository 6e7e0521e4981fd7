namespace Chorus.Web.Infrastructure.Email;

/// <summary>
/// One email as a message kind writes it, already in its recipient's language: what it says, not how it looks. The one
/// template (<see cref="MailTemplate"/>) adds the site's name, look and footer, and writes the HTML and plain-text parts.
/// </summary>
internal sealed record MailContent(string Subject, IReadOnlyList<MailPart> Parts);

/// <summary>A block of an email's body.</summary>
internal abstract record MailPart;

/// <summary>
/// A paragraph (line breaks kept; web addresses in it become links in the HTML part). <paramref name="Culture"/> names the
/// language of text that is not in the email's (a note an editor wrote, a title only in the original language).
/// </summary>
internal sealed record MailText(string Text, string? Culture = null) : MailPart;

/// <summary>
/// Something to do and where: the lead-in sentence, then the address on a line of its own in the plain-text part (so it is
/// never wrapped into the sentence), a button reading <paramref name="Button"/> (or the address itself) in the HTML part.
/// </summary>
internal sealed record MailAction(string Lead, string Url, string? Button = null) : MailPart;

/// <summary>A short list, each item optionally a link.</summary>
internal sealed record MailList(IReadOnlyList<MailItem> Items) : MailPart;

internal sealed record MailItem(string Text, string? Url = null);
