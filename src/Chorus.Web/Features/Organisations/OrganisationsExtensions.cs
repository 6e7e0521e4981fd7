using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chorus.Web.Features.Organisations;

internal static class OrganisationsExtensions
{
    public static void AddOrganisations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IInterceptor, OrganisationSaveInterceptor>();
        builder.Services.AddSingleton<IOrganisationReferences, PostIssuerReferences>();
        builder.CachePublicPages("/Organisations", Shown.Organisations);
        // Names and logos appear wherever an organisation issued, hosted or endorsed something.
        builder.Services.EvictOnWrite<Organisation>(Shown.Everything);
        builder.Services.EvictOnWrite<OrganisationTranslation>(Shown.Everything);
        builder.Services.EvictOnWrite<PostIssuer>(Shown.Posts, Shown.Organisations);
        builder.AddAdminMenuItem(new("Organisations", "/admin/organisations", [Roles.Admin, Roles.Editor], 20));
        builder.Services.AddSingleton<IBenchDataset, BenchOrganisations>();
    }

    /// <summary>
    /// /{culture}/organizations/suggest?q=: listed organisations whose name or acronym contains the words typed, for forms
    /// that suggest as you type (the sign-on form). Public fields only.
    /// </summary>
    public static void MapOrganisations(this WebApplication app) =>
        app.MapRead("/{culture:culture}/organizations/suggest", async (string culture, string? q, ChorusDb db, CancellationToken ct) =>
        {
            var folded = Organisation.Fold(q ?? "");
            if (folded.Length < 2 || folded.Length > 100)
            {
                return Results.Json(Array.Empty<object>());
            }
            var found = await db.Organisations.AsNoTracking().Where(o => o.ArchivedAt == null && o.MergedIntoId == null && o.SearchText.Contains(folded))
                .OrderBy(o => o.SortKey).Take(8).Select(o => new { o.Name, o.Acronym, o.Country }).ToListAsync(ct);
            return Results.Json(found.Select(o => new { name = o.Name, acronym = o.Acronym, country = o.Country is null ? null : Countries.Name(o.Country, culture) }));
        }).CacheOutput(PublicPages.Policy);
}

/// <summary>Keeps the sort and search keys and the rendered descriptions right on every save, whoever saves.</summary>
internal sealed class OrganisationSaveInterceptor(TimeProvider clock) : SavingHook
{
    protected override void Prepare(DbContext context)
    {
        foreach (var entry in Written<Organisation>(context))
        {
            entry.Entity.Prepare();
        }
        Stamp<Organisation>(context, clock.GetUtcNow().UtcDateTime, (o, at) => o.CreatedAt = at, (o, at) => o.UpdatedAt = at);
        foreach (var entry in Written<OrganisationTranslation>(context))
        {
            entry.Entity.DescriptionHtml = ContentMarkdown.ToSafeHtml(entry.Entity.DescriptionMarkdown);
        }
    }
}

/// <summary>
/// Something that points at organisations (a post's issuers, an event's hosts, a signature). Each
/// feature registers one, so merging two records moves every reference without knowing them all.
/// </summary>
internal interface IOrganisationReferences
{
    /// <summary>What these references are called on the merge page ("posts and statements").</summary>
    string Label { get; }

    Task<int> CountAsync(ChorusDb db, int organisationId, CancellationToken ct);

    /// <summary>Makes every reference to <paramref name="from"/> point to <paramref name="to"/>, tracked, not yet saved.</summary>
    Task MoveAsync(ChorusDb db, int from, int to, CancellationToken ct);
}

internal sealed class PostIssuerReferences : IOrganisationReferences
{
    public string Label => "Posts and statements issued";

    public Task<int> CountAsync(ChorusDb db, int organisationId, CancellationToken ct) =>
        db.PostIssuers.CountAsync(i => i.OrganisationId == organisationId, ct);

    public async Task MoveAsync(ChorusDb db, int from, int to, CancellationToken ct)
    {
        var moving = await db.PostIssuers.Where(i => i.OrganisationId == from).ToListAsync(ct);
        var alreadyThere = await db.PostIssuers.Where(i => i.OrganisationId == to).Select(i => i.PostId).ToListAsync(ct);
        foreach (var issuer in moving)
        {
            // The key includes the organisation, so a moved link is a new row; a post naming both keeps one.
            db.PostIssuers.Remove(issuer);
            if (!alreadyThere.Contains(issuer.PostId))
            {
                db.PostIssuers.Add(new PostIssuer { PostId = issuer.PostId, OrganisationId = to, Position = issuer.Position });
            }
        }
    }
}

/// <summary>Finds the organisation an editor means by a name, an acronym or an address (slug).</summary>
internal static class OrganisationLookup
{
    public sealed record Match(Organisation? Found, string? Problem);

    public static async Task<Match> FindAsync(ChorusDb db, string text, Microsoft.Extensions.Localization.IStringLocalizer S, CancellationToken ct)
    {
        var typed = text.Trim();
        var bySlug = await db.Organisations.SingleOrDefaultAsync(o => o.Slug == typed && o.MergedIntoId == null, ct);
        if (bySlug is not null)
        {
            return new(bySlug, null);
        }
        var key = Organisation.Fold(typed);
        // Two indexed lookups: with an OR (and the order by id) SQLite walks every organisation instead.
        var byName = await db.Organisations.Where(o => o.MergedIntoId == null && o.SortKey == key).Take(2).ToListAsync(ct);
        var byAcronym = await db.Organisations.Where(o => o.MergedIntoId == null && o.AcronymKey == key).Take(2).ToListAsync(ct);
        var matches = byName.Concat(byAcronym).DistinctBy(o => o.Id).OrderBy(o => o.Id).Take(2).ToList();
        return matches.Count switch
        {
            1 => new(matches[0], null),
            0 => new(null, S["No organisation in the directory is called “{0}”.", typed]),
            _ => new(null, S["More than one organisation is called “{0}”; use its address ({1} or {2}).", typed, matches[0].Slug, matches[1].Slug]),
        };
    }

    /// <summary>Organisations named one per line (issuers, hosts): their ids in order, and a problem for each line that names none or several.</summary>
    public static async Task<(List<int> Ids, List<string> Problems)> FindLinesAsync(ChorusDb db, string? text,
        Microsoft.Extensions.Localization.IStringLocalizer S, CancellationToken ct)
    {
        var ids = new List<int>();
        var problems = new List<string>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var match = await FindAsync(db, lines[i], S, ct);
            if (match.Found is { } org)
            {
                if (!ids.Contains(org.Id))
                {
                    ids.Add(org.Id);
                }
            }
            else
            {
                problems.Add(S["Line {0}: {1}", i + 1, match.Problem!]);
            }
        }
        return (ids, problems);
    }
}
