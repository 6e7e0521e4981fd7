using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Audit;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Chorus.Web.Features.Localization.Machine;
using Chorus.Web.Features.Media;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Chorus.Web.Data;

/// <summary>
/// The one DbContext. Each provider has its own subclass only so that EF keeps
/// one migration set per provider (Data/Migrations/Sqlite, Data/Migrations/Postgres);
/// the app and the features only ever see <see cref="ChorusDb"/>.
/// </summary>
internal abstract class ChorusDb(DbContextOptions options) : IdentityDbContext<ChorusUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<PostTranslation> PostTranslations => Set<PostTranslation>();
    public DbSet<CachedTranslation> MachineTranslationCache => Set<CachedTranslation>();
    public DbSet<TranslationJob> TranslationJobs => Set<TranslationJob>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<PostRevision> PostRevisions => Set<PostRevision>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<MediaFile> MediaFiles => Set<MediaFile>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationTranslation> OrganisationTranslations => Set<OrganisationTranslation>();
    public DbSet<PostIssuer> PostIssuers => Set<PostIssuer>();
    public DbSet<Event> Events => Set<Event>();
    public DbSet<EventSession> EventSessions => Set<EventSession>();
    public DbSet<EventHost> EventHosts => Set<EventHost>();
    public DbSet<EventTranslation> EventTranslations => Set<EventTranslation>();
    public DbSet<Registration> Registrations => Set<Registration>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignTranslation> CampaignTranslations => Set<CampaignTranslation>();
    public DbSet<CampaignVersion> CampaignVersions => Set<CampaignVersion>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<ModerationDigest> ModerationDigests => Set<ModerationDigest>();
    public DbSet<Features.Site.SiteLook> SiteLook => Set<Features.Site.SiteLook>();
    public DbSet<Features.Search.SearchDocument> SearchDocuments => Set<Features.Search.SearchDocument>();
    public DbSet<Features.Redirects.OldAddress> OldAddresses => Set<Features.Redirects.OldAddress>();
    public DbSet<Features.WordPress.ImportedItem> ImportedItems => Set<Features.WordPress.ImportedItem>();
    public DbSet<Features.WordPress.ImportRun> ImportRuns => Set<Features.WordPress.ImportRun>();
    public DbSet<Features.Newsletter.NewsletterList> NewsletterLists => Set<Features.Newsletter.NewsletterList>();
    public DbSet<Features.Newsletter.Subscriber> Subscribers => Set<Features.Newsletter.Subscriber>();
    public DbSet<Features.Newsletter.SubscriberList> SubscriberLists => Set<Features.Newsletter.SubscriberList>();
    public DbSet<Features.Newsletter.SuppressedAddress> SuppressedAddresses => Set<Features.Newsletter.SuppressedAddress>();
    public DbSet<Features.Newsletter.Issues.NewsletterIssue> NewsletterIssues => Set<Features.Newsletter.Issues.NewsletterIssue>();
    public DbSet<Features.Newsletter.Issues.NewsletterDelivery> NewsletterDeliveries => Set<Features.Newsletter.Issues.NewsletterDelivery>();
    public DbSet<Features.Consultations.Consultation> Consultations => Set<Features.Consultations.Consultation>();
    public DbSet<Features.Consultations.Question> ConsultationQuestions => Set<Features.Consultations.Question>();
    public DbSet<Features.Consultations.Response> ConsultationResponses => Set<Features.Consultations.Response>();
    public DbSet<Features.Consultations.Answer> ConsultationAnswers => Set<Features.Consultations.Answer>();
    public DbSet<Features.Consultations.ConsultationFile> ConsultationFiles => Set<Features.Consultations.ConsultationFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ChorusDb).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime we store is a UTC instant. SQLite returns them with Kind=Unspecified,
        // so mark them UTC on the way out; Npgsql needs Kind=Utc on the way in for timestamptz.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }

    internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

internal sealed class SqliteChorusDb(DbContextOptions<SqliteChorusDb> options) : ChorusDb(options);

internal sealed class PostgresChorusDb(DbContextOptions<PostgresChorusDb> options) : ChorusDb(options);
