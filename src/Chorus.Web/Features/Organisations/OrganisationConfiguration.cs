using Chorus.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Organisations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> org)
    {
        org.Property(o => o.Name).HasMaxLength(300);
        org.Property(o => o.Acronym).HasMaxLength(40);
        org.Property(o => o.Slug).HasMaxLength(100);
        org.HasIndex(o => o.Slug).IsUnique();
        org.Property(o => o.Country).HasMaxLength(2);
        org.Property(o => o.Website).HasMaxLength(500);
        org.Property(o => o.Culture).HasMaxLength(16);
        org.Property(o => o.DescriptionMarkdown).HasMaxLength(20_000);
        org.Property(o => o.SortKey).HasMaxLength(300);
        org.Property(o => o.SearchText).HasMaxLength(350);
        org.Property(o => o.Initial).HasMaxLength(1);
        // The directory walks listed organisations alphabetically (keyset paging on SortKey, Id).
        org.HasIndex(o => new { o.ArchivedAt, o.SortKey, o.Id });
        // "Member NGOs" and "under M" walk only their own rows in order (selective filters otherwise scan).
        org.HasIndex(o => new { o.ArchivedAt, o.Type, o.Membership, o.SortKey, o.Id });
        org.HasIndex(o => new { o.ArchivedAt, o.Initial, o.SortKey, o.Id });
        // The directory's two counts group by (country, status) and (type, letter); each has a covering
        // index in its own order, so neither reads a row nor sorts (20,000 organisations: 5 ms, not 25).
        org.HasIndex(o => new { o.ArchivedAt, o.Country, o.Membership, o.Type, o.Initial });
        org.HasIndex(o => new { o.ArchivedAt, o.Type, o.Initial, o.Country, o.Membership });
        org.HasIndex(o => o.Country);
        // Forms name an organisation by its name or acronym (sign-ons, registrations, issuers).
        org.Property(o => o.AcronymKey).HasMaxLength(40);
        org.HasIndex(o => o.SortKey);
        org.HasIndex(o => o.AcronymKey);
        org.HasOne(o => o.Logo).WithMany().HasForeignKey(o => o.LogoId).OnDelete(DeleteBehavior.SetNull);
        org.HasOne<Organisation>().WithMany().HasForeignKey(o => o.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        org.HasMany(o => o.Translations).WithOne().HasForeignKey(t => t.OrganisationId);
    }
}

internal sealed class OrganisationTranslationConfiguration : IEntityTypeConfiguration<OrganisationTranslation>
{
    public void Configure(EntityTypeBuilder<OrganisationTranslation> translation)
    {
        translation.ToTable("OrganisationTranslations");
        translation.HasKey(t => new { t.OrganisationId, t.Culture });
        translation.Property(t => t.Culture).HasMaxLength(16);
        translation.Property(t => t.DescriptionMarkdown).HasMaxLength(20_000);
    }
}

internal sealed class PostIssuerConfiguration : IEntityTypeConfiguration<PostIssuer>
{
    public void Configure(EntityTypeBuilder<PostIssuer> issuer)
    {
        issuer.ToTable("PostIssuers");
        issuer.HasKey(i => new { i.PostId, i.OrganisationId });
        issuer.HasOne<Post>().WithMany().HasForeignKey(i => i.PostId).OnDelete(DeleteBehavior.Cascade);
        issuer.HasOne(i => i.Organisation).WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        // The profile lists what an organisation issued.
        issuer.HasIndex(i => i.OrganisationId);
    }
}
