using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chorus.Web.Features.Campaigns;

internal static class CampaignsExtensions
{
    public static readonly string[] ModeratorRoles = [Roles.Admin, Roles.Moderator];
    public const string Moderators = $"{Roles.Admin},{Roles.Moderator}";

    public static void AddCampaigns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<CampaignOptions>("Campaigns");
        builder.Services.AddSingleton(PublicSuffixes.Load);
        builder.Services.AddSingleton<IInterceptor, CampaignSaveInterceptor>();
        builder.Services.AddSingleton<IOrganisationReferences, SignatureReferences>();
        builder.CachePublicPages("/Campaigns", Shown.Campaigns);
        builder.Services.EvictOnWrite<Campaign>(Shown.Campaigns);
        builder.Services.EvictOnWrite<CampaignTranslation>(Shown.Campaigns);
        builder.Services.EvictOnWrite<CampaignVersion>(Shown.Campaigns);
        builder.Services.EvictOnWrite<Signature>(SignatureRules.ShownOn);
        builder.Services.AddSingleton<IScheduledChanges, CampaignSchedule>();
        builder.AddAdminMenuItem(new("Campaigns", "/admin/campaigns", [Roles.Admin, Roles.Editor, Roles.Moderator], 15));
        builder.AddDashboardSection(new("Signatures awaiting moderation", ModeratorRoles, 5, async (services, ct) =>
        {
            var db = services.GetRequiredService<ChorusDb>();
            var pending = await db.Signatures.AsNoTracking().Where(s => s.State == SignatureState.Pending)
                .GroupBy(s => s.CampaignId).Select(g => new { Campaign = g.Key, Count = g.Count(), Oldest = g.Min(s => s.ConfirmedAt) }).ToListAsync(ct);
            var titles = await db.Campaigns.AsNoTracking().Where(c => pending.Select(p => p.Campaign).Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
            var S = services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedStrings>>();
            return [.. pending.OrderByDescending(p => p.Count).Select(p => new DashboardRow(S["{0}: {1} pending", titles[p.Campaign], p.Count],
                $"/admin/campaigns/{p.Campaign}/signatures?state=Pending", p.Oldest ?? DateTime.MinValue))];
        }));
        builder.Services.AddHostedService<CampaignRetention>();
        builder.Services.AddSingleton<ModerationDigests>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ModerationDigests>());
        builder.Services.AddSingleton<IBenchDataset, BenchCampaigns>();
    }

    public static void MapCampaigns(this WebApplication app) => app.MapCampaignEmbeds();
}

/// <summary>Renders the texts and keeps the sort keys and timestamps right on every save.</summary>
internal sealed class CampaignSaveInterceptor(TimeProvider clock) : SavingHook
{
    protected override void Prepare(DbContext context)
    {
        foreach (var entry in Written<Campaign>(context))
        {
            entry.Entity.TextHtml = ContentMarkdown.ToSafeHtml(entry.Entity.TextMarkdown);
        }
        Stamp<Campaign>(context, clock.GetUtcNow().UtcDateTime, (c, at) => c.CreatedAt = at, (c, at) => c.UpdatedAt = at);
        foreach (var entry in Written<CampaignTranslation>(context))
        {
            entry.Entity.TextHtml = ContentMarkdown.ToSafeHtml(entry.Entity.TextMarkdown);
        }
        foreach (var entry in Written<Signature>(context))
        {
            entry.Entity.SortKey = Organisation.Fold(entry.Entity.Name);
        }
    }
}

/// <summary>Merging two directory records moves their signatures; where both signed the same campaign, one signature stays.</summary>
internal sealed class SignatureReferences : IOrganisationReferences
{
    public string Label => "Campaigns signed";

    public Task<int> CountAsync(ChorusDb db, int organisationId, CancellationToken ct) =>
        db.Signatures.CountAsync(s => s.OrganisationId == organisationId, ct);

    public async Task MoveAsync(ChorusDb db, int from, int to, CancellationToken ct)
    {
        var signedByKept = await db.Signatures.Where(s => s.OrganisationId == to && (s.State == SignatureState.Published || s.State == SignatureState.Pending))
            .Select(s => s.CampaignId).ToListAsync(ct);
        var key = SignatureRules.SignerKey(false, to, "", null, "");
        foreach (var s in await db.Signatures.Where(s => s.OrganisationId == from).ToListAsync(ct))
        {
            s.OrganisationId = to;
            s.SignerKey = key;
            if (signedByKept.Contains(s.CampaignId) && s.State is SignatureState.Published or SignatureState.Pending)
            {
                s.State = SignatureState.Merged;
                s.ModerationReason = "The organisation was merged into one that had already signed.";
            }
        }
    }
}
