using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Consultations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> c)
    {
        c.Property(x => x.Slug).HasMaxLength(200);
        c.HasIndex(x => x.Slug).IsUnique();
        c.Property(x => x.Culture).HasMaxLength(16);
        c.Property(x => x.Title).HasMaxLength(300);
        c.HasOne(x => x.Post).WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.SetNull);
        c.HasOne(x => x.Event).WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.SetNull);
        c.HasMany(x => x.Translations).WithOne().HasForeignKey(t => t.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Sections).WithOne().HasForeignKey(s => s.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Questions).WithOne().HasForeignKey(q => q.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        c.HasIndex(x => new { x.DeletedAt, x.OpensAt });
    }
}

internal sealed class ConsultationTranslationConfiguration : IEntityTypeConfiguration<ConsultationTranslation>
{
    public void Configure(EntityTypeBuilder<ConsultationTranslation> t)
    {
        t.Property(x => x.Culture).HasMaxLength(16);
        t.Property(x => x.Title).HasMaxLength(300);
        t.HasIndex(x => new { x.ConsultationId, x.Culture }).IsUnique();
    }
}

internal sealed class ConsultationSectionConfiguration : IEntityTypeConfiguration<ConsultationSection>
{
    public void Configure(EntityTypeBuilder<ConsultationSection> s)
    {
        s.HasMany(x => x.Texts).WithOne().HasForeignKey(t => t.SectionId).OnDelete(DeleteBehavior.Cascade);
        s.HasIndex(x => new { x.ConsultationId, x.Position });
    }
}

internal sealed class SectionTextConfiguration : IEntityTypeConfiguration<SectionText>
{
    public void Configure(EntityTypeBuilder<SectionText> t)
    {
        t.Property(x => x.Culture).HasMaxLength(16);
        t.Property(x => x.Title).HasMaxLength(300);
        t.HasIndex(x => new { x.SectionId, x.Culture }).IsUnique();
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> q)
    {
        q.ToTable("ConsultationQuestions");
        q.HasOne<ConsultationSection>().WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.SetNull);
        q.HasMany(x => x.Texts).WithOne().HasForeignKey(t => t.QuestionId).OnDelete(DeleteBehavior.Cascade);
        q.HasMany(x => x.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        q.HasMany(x => x.Revisions).WithOne().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
        q.HasIndex(x => new { x.ConsultationId, x.Position });
    }
}

internal sealed class QuestionTextConfiguration : IEntityTypeConfiguration<QuestionText>
{
    public void Configure(EntityTypeBuilder<QuestionText> t)
    {
        t.Property(x => x.Culture).HasMaxLength(16);
        t.Property(x => x.Text).HasMaxLength(1000);
        t.Property(x => x.Help).HasMaxLength(2000);
        t.HasIndex(x => new { x.QuestionId, x.Culture }).IsUnique();
    }
}

internal sealed class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public void Configure(EntityTypeBuilder<QuestionOption> o)
    {
        o.HasMany(x => x.Texts).WithOne().HasForeignKey(t => t.OptionId).OnDelete(DeleteBehavior.Cascade);
        o.HasIndex(x => new { x.QuestionId, x.Position });
    }
}

internal sealed class OptionTextConfiguration : IEntityTypeConfiguration<OptionText>
{
    public void Configure(EntityTypeBuilder<OptionText> t)
    {
        t.Property(x => x.Culture).HasMaxLength(16);
        t.Property(x => x.Text).HasMaxLength(500);
        t.HasIndex(x => new { x.OptionId, x.Culture }).IsUnique();
    }
}

internal sealed class QuestionRevisionConfiguration : IEntityTypeConfiguration<QuestionRevision>
{
    public void Configure(EntityTypeBuilder<QuestionRevision> r)
    {
        r.Property(x => x.Culture).HasMaxLength(16);
        r.Property(x => x.Text).HasMaxLength(1000);
        r.Property(x => x.Note).HasMaxLength(500);
    }
}

internal sealed class ResponseConfiguration : IEntityTypeConfiguration<Response>
{
    public void Configure(EntityTypeBuilder<Response> r)
    {
        r.ToTable("ConsultationResponses");
        r.Property(x => x.Name).HasMaxLength(300);
        r.Property(x => x.Country).HasMaxLength(2);
        r.Property(x => x.Website).HasMaxLength(500);
        r.Property(x => x.RespondentName).HasMaxLength(200);
        r.Property(x => x.Role).HasMaxLength(200);
        r.Property(x => x.Email).HasMaxLength(320);
        r.Property(x => x.Culture).HasMaxLength(16);
        r.Property(x => x.ConfirmTokenHash).HasMaxLength(64);
        r.Property(x => x.ManageTokenHash).HasMaxLength(64);
        r.HasIndex(x => x.ConfirmTokenHash).IsUnique();
        r.HasIndex(x => x.ManageTokenHash).IsUnique();
        r.HasIndex(x => new { x.ConsultationId, x.State, x.Id });
        r.HasIndex(x => new { x.OrganisationId, x.State });
        r.Property(x => x.RespondentKey).HasMaxLength(400);
        r.HasIndex(x => new { x.ConsultationId, x.RespondentKey });
        r.HasOne(x => x.Consultation).WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        r.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.SetNull);
        r.HasMany(x => x.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public void Configure(EntityTypeBuilder<Answer> a)
    {
        a.ToTable("ConsultationAnswers");
        a.Property(x => x.Text).HasMaxLength(10_000);
        a.HasOne<Question>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<QuestionOption>().WithMany().HasForeignKey(x => x.OptionId).OnDelete(DeleteBehavior.Cascade);
        a.HasOne<ConsultationFile>().WithMany().HasForeignKey(x => x.FileId).OnDelete(DeleteBehavior.Cascade);
        // The results: counts by question and option, read for confirmed responses.
        a.HasIndex(x => new { x.QuestionId, x.OptionId });
        a.HasIndex(x => x.ResponseId);
    }
}

internal sealed class ConsultationFileConfiguration : IEntityTypeConfiguration<ConsultationFile>
{
    public void Configure(EntityTypeBuilder<ConsultationFile> f)
    {
        f.Property(x => x.FileName).HasMaxLength(200);
        f.Property(x => x.TokenHash).HasMaxLength(64);
        f.HasIndex(x => x.TokenHash).IsUnique();
        f.HasIndex(x => x.CreatedAt);
        f.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne<Question>().WithMany().HasForeignKey(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}
