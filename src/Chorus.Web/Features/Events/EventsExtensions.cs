using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chorus.Web.Features.Events;

internal static class EventsExtensions
{
    public static void AddEvents(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IInterceptor, EventSaveInterceptor>();
        builder.Services.AddSingleton<IOrganisationReferences, EventHostReferences>();
        builder.Services.AddSingleton<IOrganisationReferences, SessionHostReferences>();
        builder.CachePublicPages("/Events", Shown.Events);
        builder.Services.EvictOnWrite<Event>(Shown.Events);
        builder.Services.EvictOnWrite<EventTranslation>(Shown.Events);
        builder.Services.EvictOnWrite<EventSession>(Shown.Events);
        builder.Services.EvictOnWrite<EventHost>(Shown.Events);
        builder.Services.EvictOnWrite<EventCategory>(Shown.Events);
        // Registrations change no public page (no page shows who or how many registered).
        builder.VaryPublicPagesByCookie("/Events", ReaderZone.Cookie);
        builder.AddAdminMenuItem(new("Events", "/admin/events", [Roles.Admin, Roles.Editor], 12));
        builder.Services.AddSingleton<EventReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EventReminders>());
        builder.Services.AddSingleton<IBenchDataset, BenchEvents>();
    }

    public static void MapEvents(this WebApplication app)
    {
        app.MapReaderZone();
        app.MapCalendars();
    }
}

/// <summary>Renders descriptions and keeps timestamps on every save.</summary>
internal sealed class EventSaveInterceptor(TimeProvider clock) : SavingHook
{
    protected override void Prepare(DbContext context)
    {
        foreach (var entry in Written<Event>(context))
        {
            entry.Entity.BodyHtml = ContentMarkdown.ToSafeHtml(entry.Entity.BodyMarkdown);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        // A session moved or cancelled, or a translation changed, is a change of its event: calendars read the event's
        // time as their DTSTAMP and SEQUENCE, so a calendar app replaces what it holds.
        var changedParts = context.ChangeTracker.Entries<EventSession>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.EventId)
            .Concat(context.ChangeTracker.Entries<EventTranslation>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                .Select(e => e.Entity.EventId))
            .ToHashSet();
        foreach (var entry in context.ChangeTracker.Entries<Event>().Where(e => e.State == EntityState.Unchanged && changedParts.Contains(e.Entity.Id)))
        {
            entry.Entity.UpdatedAt = now;
        }
        Stamp<Event>(context, now, (e, at) => e.CreatedAt = at, (e, at) => e.UpdatedAt = at);
        foreach (var entry in Written<EventTranslation>(context))
        {
            entry.Entity.BodyHtml = ContentMarkdown.ToSafeHtml(entry.Entity.BodyMarkdown);
        }
    }
}

internal sealed class EventHostReferences : IOrganisationReferences
{
    public string Label => "Events hosted";

    public Task<int> CountAsync(Data.ChorusDb db, int organisationId, CancellationToken ct) =>
        db.EventHosts.CountAsync(h => h.OrganisationId == organisationId, ct);

    public async Task MoveAsync(Data.ChorusDb db, int from, int to, CancellationToken ct)
    {
        var moving = await db.EventHosts.Where(h => h.OrganisationId == from).ToListAsync(ct);
        var already = await db.EventHosts.Where(h => h.OrganisationId == to).Select(h => h.EventId).ToListAsync(ct);
        foreach (var host in moving)
        {
            db.EventHosts.Remove(host);
            if (!already.Contains(host.EventId))
            {
                db.EventHosts.Add(new EventHost { EventId = host.EventId, OrganisationId = to, Position = host.Position });
            }
        }
    }
}

internal sealed class SessionHostReferences : IOrganisationReferences
{
    public string Label => "Sessions hosted";

    public Task<int> CountAsync(Data.ChorusDb db, int organisationId, CancellationToken ct) =>
        db.EventSessions.CountAsync(s => s.HostId == organisationId, ct);

    public async Task MoveAsync(Data.ChorusDb db, int from, int to, CancellationToken ct)
    {
        foreach (var session in await db.EventSessions.Where(s => s.HostId == from).ToListAsync(ct))
        {
            session.HostId = to;
        }
    }
}
