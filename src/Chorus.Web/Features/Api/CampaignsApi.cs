using System.Text.Json.Serialization;
using Chorus.Web.Data;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

// string.Compare in queries becomes SQL's < and > on the folded names; no .NET culture is involved.
#pragma warning disable CA1309

namespace Chorus.Web.Features.Api;

internal enum CampaignStatus { Open, Closed }

/// <summary>
/// A sign-on campaign; <paramref name="Count"/> counts the published endorsements only (confirmed, and approved where
/// moderated first). <paramref name="Signatories"/> is the API address of the public list, null when the list is not public.
/// </summary>
internal sealed record ApiCampaign(int Id, string Slug, string Title, string Language, string Status, DateTime OpensAt, DateTime? ClosesAt,
    int Count, int? Goal, string Signers, int Version, string Url, string? Signatories, string? Statement,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TextHtml);

/// <summary>One public endorsement, as <see cref="Campaigns.Signatories"/> shows it: no email, no signatory's name, no comment.</summary>
internal sealed record ApiSignatory(string Name, string Kind, string? Country, string? CountryName, string? Type, string Badge, int Version,
    DateOnly SignedOn, string? Profile);

/// <summary>
/// /api/v1/campaigns: campaigns that have opened, newest first (keyset on opening instant, id);
/// /api/v1/campaigns/{slug}: one with its text; /api/v1/campaigns/{slug}/signatories: its public list, alphabetically.
/// </summary>
internal static class CampaignsApi
{
    public static void MapCampaignsApi(this RouteGroupBuilder api)
    {
        var campaigns = api.MapGroup("/campaigns").WithTags("Campaigns");
        campaigns.MapRead("", ListAsync).Describe<ApiPage<ApiCampaign>>("List sign-on campaigns",
            "Position papers and open letters organisations can endorse, newest first, with the number of published endorsements.");
        campaigns.MapRead("/{slug}", ReadAsync).Describe<ApiCampaign>("Get a campaign",
            "One campaign with its text as sanitised HTML in the requested language where translated, and its count.", found: true);
        campaigns.MapRead("/{slug}/signatories", SignatoriesAsync).Describe<ApiPage<ApiSignatory>>("List a campaign's endorsers",
            "The published endorsements, alphabetically: each organisation's (or person's own) public name, country, type and how sure we are "
            + "they speak for it. Not found when the campaign keeps its list private.", found: true);
    }

    private static IQueryable<Campaign> Public(ChorusDb db, DateTime now) =>
        db.Campaigns.AsNoTracking().Include(c => c.Translations).Where(c => c.DeletedAt == null && c.OpensAt <= now);

    private static async Task<IResult> ListAsync(HttpContext http, ChorusDb db, string? lang, string? limit, string? cursor, string? status,
        CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var size = q.Limit(limit);
        var after = q.Cursor(cursor, instant: true);
        var state = q.Choice<CampaignStatus>("status", status);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        var now = q.Now;
        var campaigns = Public(db, now);
        campaigns = state switch
        {
            CampaignStatus.Open => campaigns.Where(c => c.ClosesAt == null || c.ClosesAt > now),
            CampaignStatus.Closed => campaigns.Where(c => c.ClosesAt != null && c.ClosesAt <= now),
            _ => campaigns,
        };
        if (after is { } k && k.TryGetInstant(out var at))
        {
            campaigns = campaigns.Where(c => c.OpensAt < at || (c.OpensAt == at && c.Id < k.Id));
        }
        var rows = await campaigns.OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).Take(size + 1).ToListAsync(ct);
        var more = ApiResults.Cut(rows, size);
        var ids = rows.Select(c => c.Id).ToList();
        ids.ForEach(id => http.Show(Shown.Campaign(id)));
        var counts = await db.Signatures.AsNoTracking().Where(s => ids.Contains(s.CampaignId) && s.State == SignatureState.Published)
            .GroupBy(s => s.CampaignId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var statements = await StatementsAsync(db, rows, now, ct);
        return ApiResults.Page(http, [.. rows.Select(c => ToApi(c, q, counts.GetValueOrDefault(c.Id), statements, withText: false))],
            more ? new ApiCursor(rows[^1].OpensAt, rows[^1].Id) : null);
    }

    private static async Task<IResult> ReadAsync(HttpContext http, ChorusDb db, string slug, string? lang, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var key = q.Text("slug", slug);
        if (q.Problem is { } problem)
        {
            return problem;
        }
        if (await Public(db, q.Now).FirstOrDefaultAsync(c => c.Slug == key, ct) is not { } c)
        {
            return ApiResults.NotFound("campaign", slug);
        }
        http.Show(Shown.Campaign(c.Id));
        var count = await db.Signatures.Counted(c.Id).CountAsync(ct);
        return ApiResults.Item(http, ToApi(c, q, count, await StatementsAsync(db, [c], q.Now, ct), withText: true));
    }

    private static async Task<IResult> SignatoriesAsync(HttpContext http, ChorusDb db, string slug, string? lang, string? limit, string? cursor,
        string? country, string? type, CancellationToken ct)
    {
        var q = new ApiQuery(http, lang);
        var key = q.Text("slug", slug);
        var size = q.Limit(limit);
        var after = q.Cursor(cursor);
        var filter = new SignatoryFilter(q.Country(country), q.Choice<OrganisationType>("type", type));
        if (q.Problem is { } problem)
        {
            return problem;
        }
        if (await Public(db, q.Now).FirstOrDefaultAsync(c => c.Slug == key, ct) is not { PublicList: true } c)
        {
            return ApiResults.NotFound("campaign with a public list of endorsers", slug);
        }
        var signatures = Signatories.Matching(db, c.Id, filter);
        if (after is { } k)
        {
            signatures = signatures.Where(s => string.Compare(s.SortKey, k.Key) > 0 || (s.SortKey == k.Key && s.Id > k.Id));
        }
        var rows = await Signatories.Alphabetical(signatures).Take(size + 1).ToListAsync(ct);
        var more = ApiResults.Cut(rows, size);
        return ApiResults.Page(http, [.. rows.Select(s => new ApiSignatory(s.Name, s.IsIndividual ? "individual" : "organisation", s.Country,
                s.Country is null ? null : Countries.Name(s.Country, q.Culture), s.Type is { } t ? ApiQuery.Name(t) : null, ApiQuery.Name(s.Badge),
                s.Version, DateOnly.FromDateTime(s.SignedAt),
                s.OrganisationSlug is null ? null : q.Origin + OrganisationsApi.ProfilePath(q.Culture, s.OrganisationSlug)))],
            more ? new ApiCursor(rows[^1].SortKey, rows[^1].Id) : null);
    }

    /// <summary>The slugs of the published statements or papers the campaigns gather endorsements for.</summary>
    private static Task<Dictionary<int, string>> StatementsAsync(ChorusDb db, IReadOnlyList<Campaign> campaigns, DateTime now, CancellationToken ct)
    {
        var ids = campaigns.Where(c => c.PostId is not null).Select(c => c.PostId!.Value).ToList();
        return db.Posts.AsNoTracking().Published(now).Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Slug, ct);
    }

    private static ApiCampaign ToApi(Campaign c, ApiQuery q, int count, Dictionary<int, string> statements, bool withText)
    {
        var text = SignatureRules.Best(c, q.Chain);
        var path = $"/campaigns/{Uri.EscapeDataString(c.Slug)}";
        return new ApiCampaign(c.Id, c.Slug, text.Title, text.Culture, ApiQuery.Name(c.IsOpen(q.Now) ? CampaignStatus.Open : CampaignStatus.Closed),
            c.OpensAt, c.ClosesAt, count, c.Goal, ApiQuery.Name(c.Signers), c.Version, $"{q.Origin}/{q.Culture}{path}",
            c.PublicList ? $"{q.Origin}{ApiExtensions.Prefix}{path}/signatories?lang={q.Culture}" : null,
            c.PostId is { } post && statements.TryGetValue(post, out var slug) ? q.Origin + PostQueries.NewsPath(q.Culture, slug) : null,
            withText ? text.TextHtml : null);
    }
}
