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

/// <summary>
/// A block of the site's own rendered and sanitised HTML (a post's excerpt, an introduction written in Markdown) with its
/// plain-text version: the template gives its paragraphs and links inline styles, since mail programs drop style sheets.
/// </summary>
internal sealed record MailHtml(string Html, string Text, string? Culture = null) : MailPart;

/// <summary>A heading, optionally a link, with a smaller note under it (an item of a newsletter: title, then date or language).</summary>
internal sealed record MailHeading(string Text, string? Url = null, string? Note = null, string? Culture = null) : MailPart;

/// <summary>An email ready to queue: subject and both parts, written once and sent to many (a newsletter's issue).</summary>
internal sealed record RenderedMail(string Subject, string Text, string Html);
