using System.Globalization;
using System.Text;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Campaigns;

/// <summary>
/// What other sites and programs take from a campaign: the count as JSON and as an SVG badge (for members' own
/// pages), and the public list of endorsers as JSON and CSV. Only public fields; cached like the pages.
/// </summary>
internal static class CampaignEmbeds
{
    public static void MapCampaignEmbeds(this WebApplication app)
    {
        var campaign = app.MapGroup("/{culture:culture}/campaigns/{slug}").CacheOutput(PublicPages.Policy);

        campaign.MapRead("/count.json", async (string culture, string slug, ChorusDb db, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        {
            if (await FindAsync(http, db, slug, ct) is not { } c)
            {
                return Results.NotFound();
            }
            // Members fetch the count from their own pages' scripts.
            http.Response.Headers.AccessControlAllowOrigin = "*";
            var now = clock.GetUtcNow().UtcDateTime;
            var origin = http.Request.Origin();
            return Results.Json(new
            {
                campaign = c.Slug,
                title = SignatureRules.Best(c, [culture]).Title,
                count = await db.Signatures.Counted(c.Id).CountAsync(ct),
                goal = c.Goal,
                open = c.IsOpen(now),
                closesAt = c.ClosesAt,
                url = $"{origin}/{culture}/campaigns/{c.Slug}",
                signatories = c.PublicList ? $"{origin}/{culture}/campaigns/{c.Slug}/signatories" : null,
            });
        });

        campaign.MapRead("/badge.svg", async (string slug, ChorusDb db, HttpContext http, IStringLocalizer<SharedStrings> S, CancellationToken ct) =>
        {
            if (await FindAsync(http, db, slug, ct) is not { } c)
            {
                return Results.NotFound();
            }
            var count = await db.Signatures.Counted(c.Id).CountAsync(ct);
            return Results.Text(BadgeSvg(S["Endorsements"], count.ToString("N0", CultureInfo.CurrentCulture)), "image/svg+xml", Encoding.UTF8);
        });

        campaign.MapRead("/signatories.json", async (string culture, string slug, ChorusDb db, HttpContext http, CancellationToken ct) =>
        {
            if (await FindAsync(http, db, slug, ct) is not { PublicList: true } c)
            {
                return Results.NotFound();
            }
            http.Response.Headers.AccessControlAllowOrigin = "*";
            var rows = await Signatories.AllAsync(db, c.Id, ct);
            var origin = http.Request.Origin();
            return Results.Json(new { campaign = c.Slug, count = rows.Count, signatories = rows.Select(s => Signatories.Public(s, origin, culture)) });
        });

        campaign.MapRead("/signatories.csv", async (string culture, string slug, ChorusDb db, HttpContext http, CancellationToken ct) =>
        {
            if (await FindAsync(http, db, slug, ct) is not { PublicList: true } c)
            {
                return Results.NotFound();
            }
            var rows = await Signatories.AllAsync(db, c.Id, ct);
            var origin = http.Request.Origin();
            return CsvDownload.File($"signatories-{c.Slug}.csv", ["name", "kind", "country", "country_name", "type", "badge", "version", "signed_on", "profile"],
                rows.ToAsyncEnumerable(), s => [s.Name, s.IsIndividual ? "individual" : "organisation", s.Country ?? "",
                    s.Country is null ? "" : Organisations.Countries.Name(s.Country, culture), s.Type?.ToString() ?? "", s.Badge.ToString(),
                    s.Version.ToString(CultureInfo.InvariantCulture), s.SignedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    s.OrganisationSlug is null ? "" : $"{origin}/{culture}/organizations/{s.OrganisationSlug}"]);
        });
    }

    /// <summary>The campaign an embed shows; its cached copy is tagged with it, so a new endorsement refreshes it.</summary>
    private static async Task<Campaign?> FindAsync(HttpContext http, ChorusDb db, string slug, CancellationToken ct)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Translations).FirstOrDefaultAsync(c => c.Slug == slug && c.DeletedAt == null, ct);
        if (campaign is not null)
        {
            http.Show(Shown.Campaign(campaign.Id));
        }
        return campaign;
    }

    /// <summary>A two-part badge ("Endorsements | 312"); widths estimated from the character count, as badge services do.</summary>
    private static string BadgeSvg(string label, string value)
    {
        var left = 12 + (label.Length * 7);
        var right = 12 + (value.Length * 8);
        var width = left + right;
        var (l, v) = (System.Net.WebUtility.HtmlEncode(label), System.Net.WebUtility.HtmlEncode(value));
        return string.Create(CultureInfo.InvariantCulture, $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="24" role="img" aria-label="{l}: {v}"><title>{l}: {v}</title><rect width="{left}" height="24" fill="#3b3b3b"/><rect x="{left}" width="{right}" height="24" fill="#0b6b3a"/><g fill="#fff" font-family="sans-serif" font-size="13" text-anchor="middle"><text x="{left / 2}" y="16">{l}</text><text x="{left + (right / 2)}" y="16">{v}</text></g></svg>
            """);
    }
}
