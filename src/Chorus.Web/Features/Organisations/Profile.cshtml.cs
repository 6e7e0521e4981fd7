using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Statements;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Organisations;

internal sealed record IssuedRow(int Id, string Title, string Slug, string Culture, PostKind Kind, DateTime PublishedAt);

/// <summary>
/// /{culture}/organizations/{slug}: an organisation's description (in the reader's language when there is
/// one), its links and what it issued. An archived organisation keeps its page, marked and not indexed,
/// so old statements still lead somewhere; a merged one leads to the record it was merged into.
/// </summary>
[Shows(Shown.Posts, Shown.Events, Shown.Campaigns)] // the statements it issued, the events it hosts, the campaigns it endorsed
internal sealed class ProfileModel(ChorusDb db, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public const int ListLength = 50;

    public Organisation Organisation { get; private set; } = null!;

    public string DescriptionHtml { get; private set; } = "";

    public string DescriptionCulture { get; private set; } = "";

    public IReadOnlyList<IssuedRow> Issued { get; private set; } = [];

    /// <summary>Events it hosts or hosted (whole events, or sessions of a programme), newest first.</summary>
    /// <summary>Events hosted, each with the language its title is written in.</summary>
    public IReadOnlyList<(string Slug, string Title, string Culture, DateTime StartsAt, string TimeZone)> Hosted { get; private set; } = [];

    /// <summary>Campaigns it endorsed (published signatures), newest first.</summary>
    public IReadOnlyList<(string Slug, string Title, string Culture)> Signed { get; private set; } = [];

    /// <summary>schema.org Organization and the breadcrumb trail.</summary>
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var org = await db.Organisations.AsNoTracking().Include(o => o.Translations).Include(o => o.Logo)
            .FirstOrDefaultAsync(o => o.Slug == slug, ct);
        if (org is null)
        {
            return NotFound();
        }
        HttpContext.Show(Shown.Organisation(org.Id)); // the campaigns it endorsed
        if (org.MergedIntoId is { } target
            && await db.Organisations.Where(o => o.Id == target).Select(o => o.Slug).FirstOrDefaultAsync(ct) is { } targetSlug)
        {
            return RedirectPermanent($"/{Culture}/organizations/{Uri.EscapeDataString(targetSlug)}");
        }
        Organisation = org;
        Title = org.Acronym is { Length: > 0 } acronym ? $"{org.Name} ({acronym})" : org.Name;
        NoIndex = !org.IsListed;
        TranslatedCultures = [org.Culture, .. org.Translations.Select(t => t.Culture)];
        (DescriptionHtml, DescriptionCulture) = org.Description(Chain);
        Description = DescriptionHtml.Length > 0
            ? ContentMarkdown.ToExcerpt(DescriptionCulture == org.Culture ? org.DescriptionMarkdown : org.Translations.First(t => t.Culture == DescriptionCulture).DescriptionMarkdown, 200)
            : S["{0} ({1}): an organisation in the coalition's directory.", org.Name, org.Country is null ? S[OrganisationLabels.International] : Countries.Name(org.Country, Culture)];

        var now = clock.GetUtcNow().UtcDateTime;
        var posts = db.Posts.AsNoTracking().Published(now)
            .Where(p => db.PostIssuers.Any(i => i.PostId == p.Id && i.OrganisationId == org.Id));
        var rows = await posts.OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id).Take(ListLength)
            .Select(p => new IssuedRow(p.Id, p.Title, p.Slug, p.Culture, p.Kind, p.PublishedAt!.Value)).ToListAsync(ct);
        var texts = await PostVersions.BestTextsAsync(db, [.. rows.Select(r => (r.Id, r.Culture))], Chain, ct);
        Hosted = [.. (await db.Events.AsNoTracking().Where(e => e.DeletedAt == null
                && (db.EventHosts.Any(h => h.EventId == e.Id && h.OrganisationId == org.Id) || e.Sessions.Any(s => s.HostId == org.Id)))
            .OrderByDescending(e => e.StartsAt).Take(ListLength).Select(e => new { e.Slug, e.Title, e.Culture, e.StartsAt, e.TimeZone }).ToListAsync(ct))
            .Select(e => (e.Slug, e.Title, e.Culture, e.StartsAt, e.TimeZone))];
        Issued = [.. rows.Select(r => texts.TryGetValue(r.Id, out var text) ? r with { Title = text.Title, Culture = text.Culture } : r)];
        var signed = await db.Campaigns.AsNoTracking().Include(c => c.Translations).Where(c => c.DeletedAt == null
                && db.Signatures.Any(s => s.CampaignId == c.Id && s.OrganisationId == org.Id && s.State == Campaigns.SignatureState.Published))
            .OrderByDescending(c => c.OpensAt).Take(ListLength).ToListAsync(ct);
        Signed = [.. signed.Select(c => (c.Slug, Campaigns.SignatureRules.Best(c, Chain)))
            .Select(c => (c.Slug, c.Item2.Title, c.Item2.Culture))];
        var origin = Request.Origin();
        var url = $"{origin}/{Culture}/organizations/{Uri.EscapeDataString(org.Slug)}";
        JsonLd = SchemaOrg.Json(
            new()
            {
                ["@context"] = "https://schema.org", ["@type"] = "Organization", ["name"] = org.Name, ["alternateName"] = org.Acronym, ["url"] = url,
                ["sameAs"] = org.Website, ["description"] = Description,
                ["address"] = org.Country is null ? null : new Dictionary<string, object?> { ["@type"] = "PostalAddress", ["addressCountry"] = org.Country },
            },
            SchemaOrg.Breadcrumbs((HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value.Name, $"{origin}/{Culture}/"), (S["Organisations"], $"{origin}/{Culture}/organizations"), (Title, url)));
        return Page();
    }

}
