using System.Globalization;
using System.Text;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Organisations;

internal enum OrganisationType { Ngo, Network, TradeUnion, FaithBased, MigrantLed, Diaspora, Academic, Foundation, Other }

internal enum Membership { Member, Observer, CoConvener, Partner, None }

/// <summary>A member, observer, co-convener or partner of the coalition, or an organisation it works with.</summary>
internal sealed class Organisation
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Acronym { get; set; }
    public required string Slug { get; set; }

    /// <summary>ISO 3166-1 alpha-2; null for an international organisation with no home country.</summary>
    public string? Country { get; set; }
    public OrganisationType Type { get; set; }
    public Membership Membership { get; set; } = Membership.None;
    public DateOnly? JoinedOn { get; set; }

    /// <summary>An http(s) address; only ever linked, never fetched.</summary>
    public string? Website { get; set; }

    /// <summary>Domains the organisation's staff write from ("ngo.org"), lower case. Private: admin only.</summary>
    public List<string> EmailDomains { get; set; } = [];

    /// <summary>The language <see cref="DescriptionMarkdown"/> is written in; <see cref="Translations"/> holds the others.</summary>
    public string Culture { get; set; } = "en";
    public string DescriptionMarkdown { get; set; } = "";
    public string DescriptionHtml { get; set; } = "";
    public List<OrganisationTranslation> Translations { get; set; } = [];

    /// <summary>An image from the media library.</summary>
    public int? LogoId { get; set; }
    public Media.MediaItem? Logo { get; set; }

    /// <summary>The name folded for sorting and searching: lower case, accents gone ("école" sorts with "ecole").</summary>
    public string SortKey { get; set; } = "";

    /// <summary>Folded name and acronym, matched by the directory's search.</summary>
    public string SearchText { get; set; } = "";

    /// <summary>The acronym folded, so a form finds "MRCN" when "mrcn" is typed (through an index, not a scan).</summary>
    public string? AcronymKey { get; set; }

    /// <summary>The letter of the directory's index: A–Z, or # for anything else.</summary>
    public string Initial { get; set; } = "#";

    /// <summary>Set when archived: gone from the directory, its profile and references kept.</summary>
    public DateTime? ArchivedAt { get; set; }

    /// <summary>Set when merged into another record; its address then leads there.</summary>
    public int? MergedIntoId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Shown in the directory: not archived (merging archives the record merged away).</summary>
    public bool IsListed => ArchivedAt is null;

    /// <summary>The description (HTML) in the first language of <paramref name="chain"/> it is written in; empty strings when none.</summary>
    public (string Html, string Culture) Description(IReadOnlyList<string> chain)
    {
        foreach (var culture in chain)
        {
            if (culture == Culture && DescriptionHtml.Length > 0)
            {
                return (DescriptionHtml, Culture);
            }
            if (Translations.FirstOrDefault(t => t.Culture == culture) is { DescriptionHtml.Length: > 0 } t)
            {
                return (t.DescriptionHtml, t.Culture);
            }
        }
        return ("", "");
    }

    /// <summary>Derives the keys and the description's HTML (called on every save).</summary>
    public void Prepare()
    {
        SortKey = Fold(Name);
        AcronymKey = Acronym is { Length: > 0 } ? Fold(Acronym) : null;
        SearchText = AcronymKey is not null ? $"{SortKey} {AcronymKey}" : SortKey;
        Initial = SortKey.Length > 0 && char.IsAsciiLetterLower(SortKey[0]) ? char.ToUpperInvariant(SortKey[0]).ToString() : "#";
        DescriptionHtml = ContentMarkdown.ToSafeHtml(DescriptionMarkdown);
    }

    /// <summary>Lower case without accents or punctuation, words separated by one space.</summary>
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format)
            {
                continue;
            }
            if (char.IsLetterOrDigit(ch))
            {
                sb.Append(char.ToLowerInvariant(ch));
            }
            else if (sb.Length > 0 && sb[^1] != ' ' && ch != '\'' && ch != '’')
            {
                sb.Append(' ');
            }
        }
        return sb.ToString().Trim().Normalize(NormalizationForm.FormC);
    }
}

/// <summary>An organisation's description in one more language.</summary>
internal sealed class OrganisationTranslation
{
    public int OrganisationId { get; set; }
    public required string Culture { get; set; }
    public required string DescriptionMarkdown { get; set; }
    public string DescriptionHtml { get; set; } = "";
}

/// <summary>An organisation a post or statement names as its issuer, in the order the editor gave.</summary>
internal sealed class PostIssuer
{
    public int PostId { get; set; }
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
    public int Position { get; set; }
}

/// <summary>An issuing organisation as a post shows it.</summary>
internal sealed record IssuerLink(string Name, string? Acronym, string Slug)
{
    public static async Task<IReadOnlyList<IssuerLink>> OfAsync(Data.ChorusDb db, int postId, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.PostIssuers.Where(i => i.PostId == postId).OrderBy(i => i.Position)
                .Select(i => new IssuerLink(i.Organisation.Name, i.Organisation.Acronym, i.Organisation.Slug)), ct);
}
