using System.Security.Cryptography;
using System.Text;
using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Campaigns;

/// <summary>A campaign's words in the best language available for a reader.</summary>
internal sealed record CampaignText(string Title, string TextMarkdown, string TextHtml, string Culture)
{
    /// <summary>SHA-256 of the text as written (Markdown), which is what a signer confirms.</summary>
    public string Hash => HashOf(TextMarkdown);

    public static string HashOf(string markdown) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(markdown.ReplaceLineEndings("\n").Trim())));
}

/// <summary>Who counts, who is the same signer, how sure we are of them, and what confirming does.</summary>
internal static class SignatureRules
{
    public static CampaignText Best(Campaign c, IReadOnlyList<string> chain)
    {
        foreach (var culture in chain)
        {
            if (culture == c.Culture)
            {
                break;
            }
            if (c.Translations.FirstOrDefault(t => t.Culture == culture) is { } t)
            {
                return new CampaignText(t.Title, t.TextMarkdown, t.TextHtml, t.Culture);
            }
        }
        return new CampaignText(c.Title, c.TextMarkdown, c.TextHtml, c.Culture);
    }

    /// <summary>The text in exactly this language, if it exists.</summary>
    public static CampaignText? In(Campaign c, string culture) =>
        culture == c.Culture ? new CampaignText(c.Title, c.TextMarkdown, c.TextHtml, c.Culture)
        : c.Translations.FirstOrDefault(t => t.Culture == culture) is { } t ? new CampaignText(t.Title, t.TextMarkdown, t.TextHtml, t.Culture) : null;

    /// <summary>Shown in the public list and counted.</summary>
    public static IQueryable<Signature> Counted(this IQueryable<Signature> signatures, int campaignId) =>
        signatures.Where(s => s.CampaignId == campaignId && s.State == SignatureState.Published);

    /// <summary>
    /// Two submissions are the same signer when they name the same directory record, or (for organisations not in the
    /// directory) the same name, folded, in the same country; a person signing alone is known by their email.
    /// </summary>
    public static string SignerKey(bool individual, int? organisationId, string name, string? country, string email) =>
        individual ? "p:" + email.Trim().ToUpperInvariant()
        : organisationId is { } id ? "o:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : $"n:{Organisation.Fold(name)}|{country}";

    /// <summary>The domain of an email address in ASCII (as the directory keeps organisations' domains).</summary>
    public static string? EmailDomain(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return null;
        }
        try
        {
            return new System.Globalization.IdnMapping().GetAscii(email[(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string? WebsiteHost(string? website) =>
        Uri.TryCreate(website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.IdnHost : null;

    /// <summary>
    /// "Member" when the directory lists the organisation as a member, observer or co-convener and the email is on one
    /// of its domains; "Domain verified" when the email's registrable domain is the website's (or one of its known
    /// domains); otherwise "Self-declared".
    /// </summary>
    public static Badge BadgeFor(Organisation? org, string? typedWebsite, string email, PublicSuffixes suffixes)
    {
        var domain = EmailDomain(email);
        if (domain is null)
        {
            return Badge.SelfDeclared;
        }
        var onKnownDomain = org is not null && org.EmailDomains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));
        if (onKnownDomain && org!.Membership is Membership.Member or Membership.Observer or Membership.CoConvener)
        {
            return Badge.Member;
        }
        var emailDomain = suffixes.RegistrableDomain(domain);
        var siteDomain = suffixes.RegistrableDomain(WebsiteHost(org?.Website ?? typedWebsite));
        return onKnownDomain || (emailDomain is not null && emailDomain == siteDomain) ? Badge.DomainVerified : Badge.SelfDeclared;
    }

    public enum ConfirmResult { Confirmed, Updated, Expired, NotFound, Closed }

    /// <summary>
    /// Follows a confirmation link: the signature is published (or waits for a moderator), or, when the same signer
    /// already signed, their earlier signature takes the new details and this one goes. The link works once.
    /// </summary>
    public static async Task<(ConfirmResult Result, Signature? Signature)> ConfirmAsync(ChorusDb db, string token, DateTime now,
        TimeSpan validFor, PublicSuffixes suffixes, CancellationToken ct)
    {
        var hash = Infrastructure.PublicForms.HashToken(token);
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        var s = await db.Signatures.Include(x => x.Campaign).ThenInclude(c => c.Translations).Include(x => x.Organisation)
            .SingleOrDefaultAsync(x => x.ConfirmTokenHash == hash && x.State == SignatureState.Unconfirmed, ct);
        if (s is null)
        {
            return (ConfirmResult.NotFound, null);
        }
        if (s.CreatedAt + validFor < now)
        {
            return (ConfirmResult.Expired, s);
        }
        if (!s.Campaign.IsOpen(now))
        {
            return (ConfirmResult.Closed, s);
        }
        var text = Best(s.Campaign, [s.Culture]);
        s.ConfirmTokenHash = null;
        s.ConfirmedAt = now;
        s.Version = s.Campaign.Version;
        s.TextHash = text.Hash;
        s.Badge = BadgeFor(s.Organisation, s.Website, s.Email!, suffixes);
        var earlier = await db.Signatures.Where(x => x.CampaignId == s.CampaignId && x.SignerKey == s.SignerKey && x.Id != s.Id
                && (x.State == SignatureState.Published || x.State == SignatureState.Pending))
            .OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
        var result = ConfirmResult.Confirmed;
        if (earlier is not null)
        {
            // One organisation, one signature: the earlier entry keeps its place and takes what was just confirmed.
            (earlier.Name, earlier.SortKey, earlier.Country, earlier.Type, earlier.Website) = (s.Name, s.SortKey, s.Country, s.Type, s.Website);
            (earlier.SignatoryName, earlier.SignatoryRole, earlier.Email, earlier.Comment) = (s.SignatoryName, s.SignatoryRole, s.Email, s.Comment);
            (earlier.ContactConsent, earlier.ConsentAt, earlier.ContactErasedAt, earlier.Culture) = (s.ContactConsent, s.ConsentAt, null, s.Culture);
            (earlier.ConfirmedAt, earlier.Version, earlier.TextHash) = (now, s.Version, s.TextHash);
            if (earlier.BadgeReason is null || s.Badge > earlier.Badge)
            {
                (earlier.Badge, earlier.BadgeReason) = (s.Badge, null);
            }
            // The newest link manages the signature; the submission row goes first, as its link hash is unique.
            var manage = s.ManageTokenHash;
            db.Signatures.Remove(s);
            await db.SaveChangesAsync(ct);
            earlier.ManageTokenHash = manage;
            s = earlier;
            result = ConfirmResult.Updated;
        }
        else
        {
            s.State = s.Campaign.Moderation == Moderation.BeforePublication ? SignatureState.Pending : SignatureState.Published;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (result, s);
    }

    /// <summary>Forgets who signed (email, name, role, consent to contact); the endorsement itself stays unless withdrawn.</summary>
    public static void EraseContact(Signature s, DateTime now)
    {
        s.Email = null;
        s.SignatoryRole = null;
        s.ContactConsent = false;
        s.ContactErasedAt = now;
        if (!s.IsIndividual)
        {
            s.SignatoryName = null;
        }
    }
}
