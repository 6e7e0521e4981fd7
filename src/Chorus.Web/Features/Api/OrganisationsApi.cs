using System.Text.Json.Serialization;
using Chorus.Web.Data;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

// string.Compare in queries becomes SQL's < and > on the folded names; no .NET culture is involved.
#pragma warning disable CA1309

namespace Chorus.Web.Features.Api;

/// <summary>
/// An organisation in the directory: only what its public profile shows. Never its email domains (they say who may
/// speak for it), nor anything about the people who sign for it.
/// </summary>
internal sealed record ApiOrganisation(int Id, string Slug, string Name, string? Acronym, string? Country, string? CountryName, string Type,
    string Membership, DateOnly? JoinedOn, string? Website, string? Logo, string Url,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DescriptionHtml,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DescriptionLanguage,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Archived);

/// <summary>
/// /api/v1/organisations: the directory (archived and merged records left out), alphabetical by folded name then id;
/// /api/v1/organisations/{slug}: a profile, archived ones included, a merged one redirecting to the record it joined.
/// </summary>
internal static class OrganisationsApi
{
    public static string ProfilePath(string culture, string slug) => $"/{culture}/organizations/{Uri.EscapeDataString(slug)}";

    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var organisations = api.MapGroup("/organisations").WithTags("Organisations");
        organisations.MapRead("", ListAsync).Describe<ApiPage<ApiOrganisation>>("List organisations",
            "The directory of members, observers, co-conveners and partners, alphabetically, with country and type names in the requested language.");
        organisations.MapRead("/{slug}", ReadAsync).Describe<ApiOrganisation>("Get an organisation",
            "One organisation's public profile with its description in the requested language where one was written. "
            + "An organisation merged into another answers with a permanent redirect to that one.", found: true);
    }

    private static async Task<IResult> ListAsync(HttpContext http, ChorusDb db, string? lang, string? limit, string? cursor, string? country,
        string? type, string? membership, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var size = q.Limit(limit);
        var after = q.Cursor(cursor);
        var countryCode = q.Country(country);
        var organisationType = q.Choice<OrganisationType>("type", type);
        var relation = q.Choice<Membership>("membership", membership);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        var query = db.Organisations.AsNoTracking().Where(o => o.ArchivedAt == null && o.MergedIntoId == null)
            .WhereIf(countryCode is not null, o => o.Country == countryCode)
            .WhereIf(organisationType is not null, o => o.Type == organisationType)
            .WhereIf(relation is not null, o => o.Membership == relation);
        if (after is { } c)
        {
            query = query.Where(o => string.Compare(o.SortKey, c.Key) > 0 || (o.SortKey == c.Key && o.Id > c.Id));
        }
        var rows = await query.OrderBy(o => o.SortKey).ThenBy(o => o.Id).Take(size + 1).Include(o => o.Logo).ToListAsync(ct);
        var more = ApiResults.Cut(rows, size);
        return ApiResults.Page(http, [.. rows.Select(o => ToApi(o, q, null))], more ? new ApiCursor(rows[^1].SortKey, rows[^1].Id) : null);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, ChorusDb db, string slug, string? lang, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var key = q.Text("slug", slug);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        var o = await db.Organisations.AsNoTracking().Include(x => x.Translations).Include(x => x.Logo).FirstOrDefaultAsync(x => x.Slug == key, ct);
        if (o is null)
        {
            return ApiResults.NotFound("organisation", slug);
        }
        if (o.MergedIntoId is { } target)
        {
            return await db.Organisations.Where(x => x.Id == target).Select(x => x.Slug).FirstOrDefaultAsync(ct) is { } targetSlug
                ? Results.Redirect($"{ApiExtensions.Prefix}/organisations/{Uri.EscapeDataString(targetSlug)}{http.Request.QueryString}", permanent: true)
                : ApiResults.NotFound("organisation", slug);
        }
        return ApiResults.Item(http, ToApi(o, q, o.Description(q.Chain)));
    }

    private static ApiOrganisation ToApi(Organisation o, ApiQuery q, (string Html, string Culture)? description) => new(o.Id, o.Slug, o.Name,
        o.Acronym, o.Country, o.Country is null ? null : Countries.Name(o.Country, q.Culture), ApiQuery.Name(o.Type), ApiQuery.Name(o.Membership),
        o.JoinedOn, o.Website, o.Logo is { } logo ? q.Absolute(logo.Url()) : null, q.Origin + ProfilePath(q.Culture, o.Slug),
        description is { Html.Length: > 0 } d ? d.Html : null, description is { Html.Length: > 0 } l ? l.Culture : null,
        description is null ? null : !o.IsListed);
}
