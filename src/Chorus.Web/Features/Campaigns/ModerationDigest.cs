using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Campaigns;

/// <summary>When a moderator was last emailed what waits for moderation: kept in the database so restarts and other nodes know.</summary>
internal sealed class ModerationDigest
{
    public required string UserId { get; set; }
    public DateTime ToldAt { get; set; }
}

internal sealed class ModerationDigestConfiguration : IEntityTypeConfiguration<ModerationDigest>
{
    public void Configure(EntityTypeBuilder<ModerationDigest> digest)
    {
        digest.ToTable("ModerationDigests");
        digest.HasKey(d => d.UserId);
        digest.Property(d => d.UserId).HasMaxLength(450);
    }
}

/// <summary>
/// Every five minutes: when signatures wait for moderation and some arrived since a moderator was last told, that moderator
/// gets one email, in their language, listing each campaign's waiting signatures with a link to its queue; at most one an
/// hour, and none while nothing new waits.
/// </summary>
internal sealed class ModerationDigests(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ModerationDigests> log) : BackgroundService
{
    public static readonly TimeSpan AtMostEvery = TimeSpan.FromHours(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        BackgroundSchedule.RunEveryAsync(TimeSpan.FromMinutes(5), scopes, clock, log, "Sending moderation digests", SendDueAsync, stoppingToken);

    /// <summary>Emails every moderator who is due a digest; returns how many were queued.</summary>
    public async Task<int> SendDueAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<ChorusDb>();
        var waiting = await db.Signatures.AsNoTracking().Where(s => s.State == SignatureState.Pending && s.Campaign.DeletedAt == null).GroupBy(s => s.CampaignId)
            .Select(g => new { CampaignId = g.Key, Count = g.Count(), Latest = g.Max(s => s.ConfirmedAt) }).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return 0;
        }
        var latest = waiting.Max(w => w.Latest) ?? DateTime.MinValue;
        var moderators = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Moderator)))
            .Select(u => new { u.Id, Email = u.Email!, u.DisplayName, u.Culture }).ToListAsync(ct);
        var ids = waiting.Select(w => w.CampaignId).ToList();
        var campaigns = await db.Campaigns.AsNoTracking().Include(c => c.Translations).Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        var mailer = services.GetRequiredService<Mailer>();
        var site = services.GetRequiredService<IOptions<SiteOptions>>().Value;
        var sent = 0;
        foreach (var m in moderators)
        {
            var queued = await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct =>
            {
                // Nodes take turns per moderator; the one that finds the digest due records it with the email, in one save.
                await db.LockAsync($"moderation-digest:{m.Id}", ct);
                var now = clock.GetUtcNow().UtcDateTime;
                var row = await db.ModerationDigests.SingleOrDefaultAsync(d => d.UserId == m.Id, ct);
                if (row is not null && (now - row.ToldAt < AtMostEvery || latest <= row.ToldAt))
                {
                    return false;
                }
                if (row is null)
                {
                    db.ModerationDigests.Add(new ModerationDigest { UserId = m.Id, ToldAt = now });
                }
                else
                {
                    row.ToldAt = now;
                }
                var language = mailer.LanguageOf(m.Culture);
                await mailer.QueueAsync(db, m.Email, language, S => new MailContent(S["Signatures awaiting moderation: {0}", waiting.Sum(w => w.Count)],
                [
                    new MailText(S["Hello {0},", m.DisplayName.Length > 0 ? m.DisplayName : m.Email]),
                    new MailText(S["These signatures are waiting for you to approve or reject them:"]),
                    new MailList([.. waiting.OrderByDescending(w => w.Count).Select(w => new MailItem(
                        S["{0}: {1} pending", SignatureRules.Best(campaigns.Single(c => c.Id == w.CampaignId), site.FallbackChain(language)).Title, w.Count],
                        $"{site.PublicOrigin}/admin/campaigns/{w.CampaignId}/signatures?state=Pending"))]),
                    new MailText(S["We write at most once an hour, and only when new signatures wait."]),
                ]), ct: ct);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
            if (queued)
            {
                sent++;
            }
        }
        if (sent > 0)
        {
            mailer.Notify();
        }
        return sent;
    }
}
