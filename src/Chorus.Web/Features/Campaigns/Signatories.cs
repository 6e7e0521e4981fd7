using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Campaigns;

/// <summary>One endorsement as the public sees it: never an email, a signatory's name or a comment.</summary>
internal sealed record Signatory(int Id, string Name, string SortKey, string? OrganisationSlug, string? Country, OrganisationType? Type,
    Badge Badge, bool IsIndividual, int Version, DateTime SignedAt);

/// <summary>What the public list can be narrowed to.</summary>
internal sealed record SignatoryFilter(string? Country = null, OrganisationType? Type = null, Badge? Badge = null, string? Query = null);

internal static class Signatories
{
    /// <summary>The published signatures of a campaign matching the filter.</summary>
    public static IQueryable<Signature> Matching(ChorusDb db, int campaignId, SignatoryFilter filter)
    {
        var query = db.Signatures.AsNoTracking().Counted(campaignId);
        if (filter.Country is { Length: > 0 } country)
        {
            query = query.Where(s => s.Country == country);
        }
        if (filter.Type is { } type)
        {
            query = query.Where(s => s.Type == type);
        }
        if (filter.Badge is { } badge)
        {
            query = query.Where(s => s.Badge == badge);
        }
        if (filter.Query is { Length: > 0 } q && Organisation.Fold(q) is { Length: > 0 } folded)
        {
            query = query.Where(s => s.SortKey.Contains(folded));
        }
        return query;
    }

    /// <summary>Signatures in alphabetical order (of folded names), as the public sees them.</summary>
    public static IQueryable<Signatory> Alphabetical(IQueryable<Signature> signatures) =>
        Sorted(signatures)
            .Select(s => new Signatory(s.Id, s.Name, s.SortKey, s.Organisation == null ? null : s.Organisation.Slug, s.Country, s.Type, s.Badge,
                s.IsIndividual, s.Version, s.ConfirmedAt ?? s.CreatedAt));

    /// <summary>The public order of signatures: alphabetical by folded name.</summary>
    public static IOrderedQueryable<Signature> Sorted(IQueryable<Signature> signatures) => signatures.OrderBy(s => s.SortKey).ThenBy(s => s.Id);

    /// <summary>Every published signature of a campaign, alphabetically (for the CSV and JSON files).</summary>
    public static Task<List<Signatory>> AllAsync(ChorusDb db, int campaignId, CancellationToken ct) =>
        Alphabetical(Matching(db, campaignId, new())).ToListAsync(ct);

    /// <summary>The public fields as plain values, the same in the JSON and the CSV.</summary>
    public static object Public(Signatory s, string origin, string culture) => new
    {
        name = s.Name,
        kind = s.IsIndividual ? "individual" : "organisation",
        country = s.Country,
        countryName = s.Country is null ? null : Countries.Name(s.Country, culture),
        type = s.Type?.ToString(),
        badge = s.Badge.ToString(),
        version = s.Version,
        signedOn = s.SignedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        profile = s.OrganisationSlug is null ? null : $"{origin}/{culture}/organizations/{s.OrganisationSlug}",
    };
}
