using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> c)
    {
        c.Property(x => x.Slug).HasMaxLength(200);
        c.HasIndex(x => x.Slug).IsUnique();
        c.Property(x => x.Culture).HasMaxLength(16);
        c.Property(x => x.Title).HasMaxLength(300);
        c.HasOne(x => x.Post).WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.SetNull);
        c.HasOne(x => x.Image).WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.SetNull);
        c.HasOne(x => x.Document).WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.SetNull);
        c.HasMany(x => x.Translations).WithOne().HasForeignKey(t => t.CampaignId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CampaignTranslationConfiguration : IEntityTypeConfiguration<CampaignTranslation>
{
    public void Configure(EntityTypeBuilder<CampaignTranslation> t)
    {
        t.Property(x => x.Culture).HasMaxLength(16);
        t.Property(x => x.Title).HasMaxLength(300);
        t.HasIndex(x => new { x.CampaignId, x.Culture }).IsUnique();
    }
}

internal sealed class CampaignVersionConfiguration : IEntityTypeConfiguration<CampaignVersion>
{
    public void Configure(EntityTypeBuilder<CampaignVersion> v)
    {
        v.Property(x => x.Culture).HasMaxLength(16);
        v.Property(x => x.TextHash).HasMaxLength(64);
        v.Property(x => x.Note).HasMaxLength(500);
        v.HasIndex(x => new { x.CampaignId, x.Number });
    }
}

internal sealed class SignatureConfiguration : IEntityTypeConfiguration<Signature>
{
    public void Configure(EntityTypeBuilder<Signature> s)
    {
        s.ToTable("Signatures");
        s.Property(x => x.Name).HasMaxLength(300);
        s.Property(x => x.SortKey).HasMaxLength(300);
        s.Property(x => x.SignerKey).HasMaxLength(400);
        s.Property(x => x.Country).HasMaxLength(2);
        s.Property(x => x.Website).HasMaxLength(500);
        s.Property(x => x.BadgeReason).HasMaxLength(500);
        s.Property(x => x.Comment).HasMaxLength(1000);
        s.Property(x => x.SignatoryName).HasMaxLength(200);
        s.Property(x => x.SignatoryRole).HasMaxLength(200);
        s.Property(x => x.Email).HasMaxLength(320);
        s.Property(x => x.Culture).HasMaxLength(16);
        s.Property(x => x.ModerationReason).HasMaxLength(500);
        s.Property(x => x.TextHash).HasMaxLength(64);
        s.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        s.Property(x => x.ManageTokenHash).HasMaxLength(64);
        s.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        s.HasIndex(x => x.ManageTokenHash).IsUnique();
        // The public list: alphabetical, by country, by type (each group read in name order), and the counts;
        // one signer per campaign is looked up by key.
        s.HasIndex(x => new { x.CampaignId, x.State, x.SortKey, x.Id });
        s.HasIndex(x => new { x.CampaignId, x.State, x.Country, x.SortKey, x.Id });
        s.HasIndex(x => new { x.CampaignId, x.State, x.IsIndividual, x.Type, x.SortKey, x.Id });
        s.HasIndex(x => new { x.CampaignId, x.SignerKey });
        s.HasIndex(x => x.ClaimsSignatureId);
        s.HasIndex(x => new { x.OrganisationId, x.State });
        s.HasOne(x => x.Campaign).WithMany().HasForeignKey(x => x.CampaignId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
