using System.Globalization;
using Chorus.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chorus.Web.Features.Events;

internal sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> e)
    {
        e.Property(x => x.Title).HasMaxLength(300);
        e.Property(x => x.Slug).HasMaxLength(100);
        e.HasIndex(x => x.Slug).IsUnique();
        e.Property(x => x.Summary).HasMaxLength(1000);
        e.Property(x => x.BodyMarkdown).HasMaxLength(50_000);
        e.Property(x => x.Culture).HasMaxLength(16);
        e.Property(x => x.TimeZone).HasMaxLength(64);
        e.Property(x => x.Venue).HasMaxLength(300);
        e.Property(x => x.JoinUrl).HasMaxLength(500);
        e.Property(x => x.Partners).HasMaxLength(1000);
        e.Property(x => x.RecordingUrl).HasMaxLength(500);
        e.Property(x => x.ReportUrl).HasMaxLength(500);
        e.Property(x => x.ExternalUrl).HasMaxLength(500);
        LocalTime(e.Property(x => x.LocalStart));
        LocalTime(e.Property(x => x.LocalEnd));
        // Listings walk upcoming and past events by time. DeletedAt makes the first index cover the events list's "under way"
        // part (SQLite otherwise walked every past event on the second index to find the few under way).
        e.HasIndex(x => new { x.EndsAt, x.StartsAt, x.DeletedAt, x.Id });
        e.HasIndex(x => new { x.StartsAt, x.Id });
        e.OwnsOne(x => x.Recurrence, r =>
        {
            r.Property(x => x.ByDay).HasMaxLength(40);
        });
        e.HasOne(x => x.Image).WithMany().HasForeignKey(x => x.ImageId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(x => x.Sessions).WithOne(s => s.Event).HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Translations).WithOne().HasForeignKey(t => t.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Hosts).WithOne().HasForeignKey(h => h.EventId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Categories).WithMany().UsingEntity<EventCategory>(
            link => link.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId),
            link => link.HasOne<Event>().WithMany().HasForeignKey(x => x.EventId),
            link => link.ToTable("EventCategories"));
        e.HasOne<Post>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.SetNull);
    }

    /// <summary>
    /// A wall-clock time is not an instant: it is kept as written ("2021-12-17T10:00:00", text on both
    /// databases, so neither converts it to UTC); the zone stored next to it says where it happens.
    /// </summary>
    internal static void LocalTime(PropertyBuilder<DateTime> property) =>
        property.HasConversion(v => Format(v), v => Parse(v)).HasMaxLength(19);

    internal static string Format(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    internal static DateTime Parse(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None);
}

internal sealed class EventSessionConfiguration : IEntityTypeConfiguration<EventSession>
{
    public void Configure(EntityTypeBuilder<EventSession> s)
    {
        s.ToTable("EventSessions");
        s.Property(x => x.Title).HasMaxLength(300);
        s.Property(x => x.Description).HasMaxLength(5000);
        s.Property(x => x.TimeZone).HasMaxLength(64);
        s.Property(x => x.HostName).HasMaxLength(300);
        s.Property(x => x.Language).HasMaxLength(16);
        s.Property(x => x.JoinUrl).HasMaxLength(500);
        EventConfiguration.LocalTime(s.Property(x => x.LocalStart));
        EventConfiguration.LocalTime(s.Property(x => x.LocalEnd));
        s.Property(x => x.RuleLocalStart).HasConversion(v => v == null ? null : EventConfiguration.Format(v.Value),
            v => v == null ? null : EventConfiguration.Parse(v)).HasMaxLength(19);
        s.HasIndex(x => new { x.EventId, x.StartsAt });
        s.HasIndex(x => new { x.StartsAt, x.EndsAt });
        s.HasOne(x => x.Host).WithMany().HasForeignKey(x => x.HostId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EventTranslationConfiguration : IEntityTypeConfiguration<EventTranslation>
{
    public void Configure(EntityTypeBuilder<EventTranslation> t)
    {
        t.ToTable("EventTranslations");
        t.HasKey(x => new { x.EventId, x.Culture });
        t.Property(x => x.Culture).HasMaxLength(16);
        t.Property(x => x.Title).HasMaxLength(300);
        t.Property(x => x.Summary).HasMaxLength(1000);
        t.Property(x => x.BodyMarkdown).HasMaxLength(50_000);
    }
}

internal sealed class EventHostConfiguration : IEntityTypeConfiguration<EventHost>
{
    public void Configure(EntityTypeBuilder<EventHost> h)
    {
        h.ToTable("EventHosts");
        h.HasKey(x => new { x.EventId, x.OrganisationId });
        h.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        h.HasIndex(x => x.OrganisationId);
    }
}
