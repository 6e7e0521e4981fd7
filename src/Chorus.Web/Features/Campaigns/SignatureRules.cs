using System.Security.Cryptography;
using System.Text;
using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
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
    /// <summary>
    /// The cached pages a saved signature changes: its campaign's (count, list, embeds) and its organisation's profile, and
    /// only when the signature is or was listed. Unconfirmed and pending sign-ons change no public page, so a stranger
    /// submitting forms cannot empty the cache.
    /// </summary>
    public static IEnumerable<string> ShownOn(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry)
    {
        var s = (Signature)entry.Entity;
        if (entry.Before<SignatureState>(nameof(Signature.State)) != SignatureState.Published && s.State != SignatureState.Published)
        {
            return [];
        }
        var organisations = new[] { entry.Before<int?>(nameof(Signature.OrganisationId)), s.OrganisationId }.OfType<int>().Distinct();
        return [Shown.Campaign(s.CampaignId), .. organisations.Select(Shown.Organisation)];
    }

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

    public enum ConfirmResult { Confirmed, Updated, Claimed, Expired, NotFound, Closed }

    /// <summary>
    /// Follows a confirmation link: the signature is published (or waits for a moderator). When the organisation had
    /// already signed, the same signatory (same email) updates their entry; anyone else's submission waits beside it for a
    /// moderator (<see cref="Signature.ClaimsSignatureId"/>) and changes nothing by itself; <paramref name="tellEntry"/> then
    /// queues word to the entry's signatory (claim, entry) in the same save. The link works once.
    /// </summary>
    public static Task<(ConfirmResult Result, Signature? Signature)> ConfirmAsync(ChorusDb db, string token, DateTime now,
        TimeSpan validFor, PublicSuffixes suffixes, Func<Signature, Signature, CancellationToken, Task> tellEntry, CancellationToken ct)
    {
        var hash = Infrastructure.PublicForms.HashToken(token);
        return db.InTransactionAsync<(ConfirmResult, Signature?)>(System.Data.IsolationLevel.ReadCommitted, async ct =>
        {
            var s = await db.Signatures.Include(x => x.Campaign).ThenInclude(c => c.Translations).Include(x => x.Organisation)
                .SingleOrDefaultAsync(x => x.ConfirmTokenHash == hash && x.State == SignatureState.Unconfirmed, ct);
            if (s is null)
            {
                return (ConfirmResult.NotFound, null);
            }
            // Confirmations for one organisation take turns, so two cannot both become its entry (and one link pressed
            // twice confirms once): the second reads again after the first has committed.
            await db.LockAsync($"signer:{s.CampaignId}:{s.SignerKey}", ct);
            await db.Entry(s).ReloadAsync(ct);
            if (s.State != SignatureState.Unconfirmed || s.ConfirmTokenHash != hash)
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
            var earlier = await EntryOf(db, s, ct);
            var result = ConfirmResult.Confirmed;
            if (earlier is not null && earlier.Email is { } email && string.Equals(email.Trim(), s.Email!.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                await ReplaceAsync(db, earlier, s, ct);
                s = earlier;
                result = ConfirmResult.Updated;
            }
            else if (earlier is not null)
            {
                (s.State, s.ClaimsSignatureId) = (SignatureState.Pending, earlier.Id);
                await tellEntry(s, earlier, ct);
                result = ConfirmResult.Claimed;
            }
            else
            {
                s.State = s.Campaign.Moderation == Moderation.BeforePublication ? SignatureState.Pending : SignatureState.Published;
            }
            await db.SaveChangesAsync(ct);
            return (result, s);
        }, ct);
    }

    /// <summary>The signer's listed (or pending) signature on the campaign, other than <paramref name="s"/> itself.</summary>
    public static Task<Signature?> EntryOf(ChorusDb db, Signature s, CancellationToken ct) =>
        db.Signatures.Where(x => x.CampaignId == s.CampaignId && x.SignerKey == s.SignerKey && x.Id != s.Id
                && x.ClaimsSignatureId == null && (x.State == SignatureState.Published || x.State == SignatureState.Pending))
            .OrderBy(x => x.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// One organisation, one signature: the entry keeps its place and takes the details of <paramref name="newer"/>
    /// (confirmed by the same signatory, or approved by a moderator), whose row goes.
    /// </summary>
    public static async Task ReplaceAsync(ChorusDb db, Signature entry, Signature newer, CancellationToken ct)
    {
        (entry.Name, entry.SortKey, entry.Country, entry.Type, entry.Website) = (newer.Name, newer.SortKey, newer.Country, newer.Type, newer.Website);
        (entry.SignatoryName, entry.SignatoryRole, entry.Email, entry.Comment) = (newer.SignatoryName, newer.SignatoryRole, newer.Email, newer.Comment);
        (entry.ContactConsent, entry.ConsentAt, entry.ContactErasedAt, entry.Culture) = (newer.ContactConsent, newer.ConsentAt, null, newer.Culture);
        (entry.ConfirmedAt, entry.Version, entry.TextHash) = (newer.ConfirmedAt, newer.Version, newer.TextHash);
        if (entry.BadgeReason is null || newer.Badge > entry.Badge)
        {
            (entry.Badge, entry.BadgeReason) = (newer.Badge, null);
        }
        // The newest link manages the signature; the submission row goes first, as its link hash is unique.
        var manage = newer.ManageTokenHash;
        db.Signatures.Remove(newer);
        await db.SaveChangesAsync(ct);
        entry.ManageTokenHash = manage;
    }

    /// <summary>
    /// Forgets who signed (email, name, role, consent to contact, and the mail sent to them); the endorsement itself stays
    /// unless withdrawn.
    /// </summary>
    public static async Task EraseContactAsync(ChorusDb db, Signature s, DateTime now, CancellationToken ct)
    {
        await db.ForgetMailToAsync(s.Email, ct);
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
