using System.Text.RegularExpressions;
using Chorus.Web.Data;
using Chorus.Web.Features.Site;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Infrastructure.Email;

/// <summary>
/// The one way a feature writes to someone: the message kind says what, in the recipient's language, and the one template
/// (<see cref="MailTemplate"/>) adds the site's name and look; the result waits in the outbox with the caller's change. The
/// recipient's language is a required argument and the message is composed inside it (interface strings, dates and
/// numbers alike), so an email cannot come out in the language of whoever happened to cause it, nor the server's. It needs
/// no request: background workers use it too.
/// </summary>
internal sealed partial class Mailer(Outbox outbox, SiteIdentity identity, IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S)
{
    private const string DefaultAccent = "#0b5cad", DefaultOnAccent = "#ffffff";

    /// <summary>
    /// Queues an email to <paramref name="to"/> in <paramref name="culture"/> (the site's default language when it is not one
    /// of the site's, such as an account's empty setting): <paramref name="write"/> composes it with that language in force.
    /// Saved with the caller's next SaveChanges; call <see cref="Notify"/> after it.
    /// </summary>
    public async Task QueueAsync(ChorusDb db, string to, string? culture, Func<IStringLocalizer, MailContent> write, OutboxAttachment? attachment = null,
        CancellationToken ct = default)
    {
        var language = LanguageOf(culture);
        // The frame too: the tagline from the settings is an interface string. The culture flows into the awaited call and
        // is put back on return (async methods restore the caller's ExecutionContext), and by the using anyway.
        using (Cultures.Write(language))
        {
            var frame = await FrameAsync(language, ct);
            var mail = write(S);
            var (text, html) = MailTemplate.RenderForOutbox(mail, frame);
            outbox.Enqueue(db, to, mail.Subject, text, attachment, html);
        }
    }

    /// <summary>
    /// Writes an email once in <paramref name="culture"/> with the site's template, to be queued for many recipients (a
    /// newsletter issue: one rendering per language and zone, only the per-person links replaced after).
    /// </summary>
    public async Task<RenderedMail> RenderAsync(string? culture, Func<IStringLocalizer, MailContent> write, CancellationToken ct = default)
    {
        var language = LanguageOf(culture);
        using (Cultures.Write(language))
        {
            var frame = await FrameAsync(language, ct);
            var mail = write(S);
            var (text, html) = MailTemplate.Render(mail, frame);
            return new RenderedMail(mail.Subject, text, html);
        }
    }

    /// <summary>Wakes the sender (after the change that queued mail is saved).</summary>
    public void Notify() => outbox.Notify();

    /// <summary>The language to write in: <paramref name="culture"/> when the site speaks it, else the site's default.</summary>
    public string LanguageOf(string? culture) =>
        culture is { Length: > 0 } && site.Value.Cultures.Contains(culture, StringComparer.Ordinal) ? culture : site.Value.Cultures[0];

    private async Task<MailFrame> FrameAsync(string culture, CancellationToken ct)
    {
        var brand = await identity.BrandAsync(culture, ct);
        var look = await identity.LookAsync(ct);
        var origin = site.Value.PublicOrigin;
        // Many mail programs show no SVG: a drawn logo stays out, the name is written anyway.
        var logo = brand.Logo is { } l && l.Item.Format != "svg" ? Origins.Absolute(origin, l.Url) : null;
        return new MailFrame(culture, brand.Name, brand.Tagline, brand.Footer, logo,
            Colour(look.Accent) ?? DefaultAccent, Colour(look.OnAccent) ?? DefaultOnAccent, $"{origin}/{culture}/");
    }

    // Only a plain #rrggbb goes into a style attribute.
    private static string? Colour(string? value) => value is not null && HexColour().IsMatch(value) ? value : null;

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();
}
