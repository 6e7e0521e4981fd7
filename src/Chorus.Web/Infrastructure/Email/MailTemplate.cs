using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Chorus.Web.Features.Site;

namespace Chorus.Web.Infrastructure.Email;

/// <summary>The site as an email shows it, in the recipient's language: name, tagline, footer, logo, accent colours and home page.</summary>
internal sealed record MailFrame(string Culture, SiteWords Name, SiteWords? Tagline, SiteWords? Footer, string? LogoUrl, string Accent, string OnAccent, string Home);

/// <summary>
/// The one template of every email: the same header, footer and look for every message kind, an HTML part and its
/// plain-text alternative. Plain C# rather than Razor views: emails are written by background workers (reminders, the
/// moderation digest) where there is no request, and Razor's view engine needs an ActionContext of one; this writes the
/// little markup an email has with one encoder, which encodes everything a message kind passes in.
/// </summary>
internal static partial class MailTemplate
{
    // Every script as itself (an Arabic email stays readable and small); only what HTML needs encoded is.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Font = "font-family: system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans','Noto Sans Arabic','Noto Sans SC',sans-serif";

    /// <summary>Both parts, the HTML's style sheet already written into its elements (a newsletter: once per language).</summary>
    public static (string Text, string Html) Render(MailContent mail, MailFrame frame) => (Text(mail, frame), Inline(Html(mail, frame)));

    /// <summary>
    /// Both parts, the HTML still carrying its style sheet: the outbox writes it into the elements when it sends
    /// (<see cref="Inline"/>), so a request that queues one email (a confirmation) does not pay for it. PreMailer parses the
    /// sheet and the document for every email: about a quarter of what a sign-on or an answer cost the server.
    /// </summary>
    public static (string Text, string Html) RenderForOutbox(MailContent mail, MailFrame frame) => (Text(mail, frame), Html(mail, frame));

    /// <summary>Writes the style sheet of an HTML part into its elements, if it still has one (see <see cref="RenderForOutbox"/>).</summary>
    public static string Inline(string html) => html.Contains(SheetStart, StringComparison.Ordinal)
        ? PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: true, stripIdAndClassAttributes: true, removeComments: true).Html
        : html;

    private const string SheetStart = "<style>";

    /// <summary>The plain-text part: the body, then the site's name, tagline, footer and address as a signature.</summary>
    public static string Text(MailContent mail, MailFrame frame)
    {
        var text = new StringBuilder();
        foreach (var part in mail.Parts)
        {
            switch (part)
            {
                case MailText p:
                    text.Append(p.Text.Trim()).Append("\n\n");
                    break;
                case MailAction a:
                    text.Append(a.Lead.Trim()).Append('\n').Append(a.Url).Append("\n\n");
                    break;
                case MailHtml h:
                    text.Append(h.Text.Trim()).Append("\n\n");
                    break;
                case MailHeading h:
                    text.Append(h.Text.Trim()).Append('\n').Append(new string('=', Math.Min(h.Text.Trim().Length, 60))).Append('\n');
                    text.Append(h.Note is { } note ? note + "\n" : "").Append(h.Url is { } link ? link + "\n" : "").Append('\n');
                    break;
                case MailList l:
                    foreach (var item in l.Items)
                    {
                        text.Append("- ").Append(item.Text).Append(item.Url is { } url ? $"\n  {url}" : "").Append('\n');
                    }
                    text.Append('\n');
                    break;
            }
        }
        // "-- " on its own line: mail programs know what follows is a signature.
        text.Append("-- \n").Append(frame.Name.Text).Append('\n');
        if (frame.Tagline is { } tagline)
        {
            text.Append(tagline.Text).Append('\n');
        }
        if (frame.Footer is { } footer)
        {
            text.Append(footer.Text.Trim()).Append('\n');
        }
        return text.Append(frame.Home).Append('\n').ToString();
    }

    /// <summary>
    /// The HTML part: simple markup with classes and one style sheet, whose rules PreMailer.Net then writes into each
    /// element's style attribute (<see cref="Inline"/>: most mail programs drop style sheets), so any element sanitised
    /// Markdown makes inside an issue gets its look from the same rules as the template's own. The language and direction
    /// sit on the root.
    /// </summary>
    private static string Html(MailContent mail, MailFrame frame)
    {
        var dir = Cultures.IsRightToLeft(frame.Culture) ? "rtl" : "ltr";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{E(frame.Culture)}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(mail.Subject)}</title>\n{SheetStart}\n{Sheet(frame)}\n</style>\n</head>\n<body>\n")
            // dir again on the content: some mail programs keep only the body of a message.
            .Append(CultureInfo.InvariantCulture, $"<div dir=\"{dir}\" class=\"mail\">\n<div class=\"masthead\">\n");
        if (frame.LogoUrl is { } logo)
        {
            html.Append(CultureInfo.InvariantCulture, $"<img class=\"logo\" src=\"{E(logo)}\" alt=\"\" height=\"48\">\n");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"site\">{Words(frame.Name, frame.Culture)}</p>\n");
        if (frame.Tagline is { } tagline)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"quiet\">{Words(tagline, frame.Culture)}</p>\n");
        }
        html.Append("</div>\n");
        foreach (var part in mail.Parts)
        {
            html.Append(Part(part, frame));
        }
        html.Append("<div class=\"footer\">\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{Words(frame.Name, frame.Culture)}</p>\n");
        if (frame.Footer is { } footer)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p{Lang(footer.Culture, frame.Culture)}>{Lines(footer.Text.Trim())}</p>\n");
        }
        return html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{E(frame.Home)}\">{E(frame.Home)}</a></p>\n</div>\n</div>\n</body>\n</html>\n").ToString();
    }

    /// <summary>The look of every email: the site's accent colours, the rest fixed. Colours are validated hex values.</summary>
    private static string Sheet(MailFrame frame) => $$"""
        body { margin: 0; padding: 0; background: #f3f4f6; }
        .mail { max-width: 600px; margin: 0 auto; padding: 24px; background: #ffffff; color: #1a1a1a; {{Font}}; font-size: 16px; line-height: 1.5; text-align: start; }
        .masthead { border-bottom: 4px solid {{frame.Accent}}; padding-bottom: 12px; margin-bottom: 24px; }
        .logo { display: block; height: 48px; width: auto; margin-bottom: 8px; }
        .site { margin: 0; font-size: 20px; font-weight: bold; }
        .quiet { margin: 0; color: #4b5563; }
        a { color: {{frame.Accent}}; }
        .part { margin: 0 0 16px; }
        .lead { margin: 0 0 8px; }
        .button { display: inline-block; padding: 10px 18px; border-radius: 4px; background: {{frame.Accent}}; color: {{frame.OnAccent}}; text-decoration: none; font-weight: bold; word-break: break-all; }
        .address { word-break: break-all; }
        ul, ol { margin: 0 0 12px; padding-inline-start: 24px; }
        .part p { margin: 0 0 12px; }
        blockquote { margin: 0 0 12px; padding-inline-start: 12px; border-inline-start: 4px solid #d1d5db; color: #374151; }
        img { max-width: 100%; height: auto; background: #ffffff; }
        .logo { max-width: none; }
        h2 { margin: 24px 0 4px; font-size: 19px; line-height: 1.3; color: #1a1a1a; }
        .note { margin: 0 0 8px; font-size: 14px; color: #4b5563; }
        .footer { border-top: 1px solid #d1d5db; margin-top: 32px; padding-top: 12px; font-size: 14px; color: #4b5563; }
        .footer p { margin: 0 0 8px; }
        """;

    private static string Part(MailPart part, MailFrame frame) => part switch
    {
        MailText p => $"<p class=\"part\"{(p.Culture is { } c ? Lang(c, frame.Culture) : "")}>{Linked(p.Text.Trim())}</p>\n",
        MailAction a => $"<p class=\"lead\">{Linked(a.Lead.Trim())}</p>\n<p class=\"part\"><a class=\"button\" href=\"{E(a.Url)}\">{E(a.Button ?? a.Url)}</a></p>\n",
        MailList l => $"<ul class=\"part\">\n{string.Concat(l.Items.Select(i => $"<li>{Item(i)}</li>\n"))}</ul>\n",
        MailHtml h => $"<div class=\"part\"{(h.Culture is { } c ? Lang(c, frame.Culture) : "")}>{h.Html}</div>\n",
        MailHeading h => $"<h2{(h.Culture is { } c ? Lang(c, frame.Culture) : "")}>" + (h.Url is { } url ? $"<a href=\"{E(url)}\">{E(h.Text)}</a>" : E(h.Text)) + "</h2>\n"
            + (h.Note is { } note ? $"<p class=\"note\">{E(note)}</p>\n" : ""),
        _ => "",
    };

    private static string Item(MailItem item) => item.Url is { } url ? $"<a href=\"{E(url)}\">{E(item.Text)}</a>" : E(item.Text);

    /// <summary>Site text in its own language: marked with lang and dir when that is not the email's.</summary>
    private static string Words(SiteWords words, string culture) =>
        Lang(words.Culture, culture) is { Length: > 0 } lang ? $"<span{lang}>{E(words.Text)}</span>" : E(words.Text);

    private static string Lang(string text, string culture) =>
        Cultures.LangOf(text, culture) is { } lang ? $" lang=\"{E(lang)}\" dir=\"{Cultures.DirOf(text, culture)}\"" : "";

    /// <summary>Encoded text with its line breaks kept and its web addresses made links.</summary>
    private static string Linked(string text)
    {
        var html = new StringBuilder();
        var at = 0;
        foreach (Match match in Address().Matches(text))
        {
            var url = match.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '»', '”');
            html.Append(Lines(text[at..match.Index])).Append(CultureInfo.InvariantCulture, $"<a class=\"address\" href=\"{E(url)}\">{E(url)}</a>");
            at = match.Index + url.Length;
        }
        return html.Append(Lines(text[at..])).ToString();
    }

    private static string Lines(string text) => string.Join("<br>\n", text.Split('\n').Select(E));

    private static string E(string text) => Encoder.Encode(text);

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Address();
}
