using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Chorus.Web.Features.Consultations;

internal static class ConsultationsExtensions
{
    public static void AddConsultations(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IInterceptor, ConsultationSaveInterceptor>();
        // The list and the results pages are cached; the answer form is not (it carries a per-visitor antiforgery token).
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Consultations/Answer", "{culture:culture}/consultations/{slug}/answer/{token}");
            o.Conventions.AddPageApplicationModelConvention("/Consultations/Index", CachedPage);
            o.Conventions.AddPageApplicationModelConvention("/Consultations/Results", CachedPage);
        });
        builder.Services.EvictOnWrite<Consultation>(Shown.Consultations);
        builder.Services.EvictOnWrite<ConsultationTranslation>(Shown.Consultations);
        builder.Services.EvictOnWrite<ConsultationSection>(Shown.Consultations);
        builder.Services.EvictOnWrite<SectionText>(Shown.Consultations);
        builder.Services.EvictOnWrite<Question>(Shown.Consultations);
        builder.Services.EvictOnWrite<QuestionText>(Shown.Consultations);
        builder.Services.EvictOnWrite<QuestionOption>(Shown.Consultations);
        builder.Services.EvictOnWrite<OptionText>(Shown.Consultations);
        builder.Services.EvictOnWrite<Response>(ConsultationRules.ShownOn);
        builder.Services.AddSingleton<IScheduledChanges, ConsultationSchedule>();
        builder.Services.AddHostedService<ConsultationRetention>();
        builder.AddAdminMenuItem(new("Consultations", "/admin/consultations", [Roles.Admin, Roles.Editor], 16));
        builder.AddBenchConsultation();
    }

    private static void CachedPage(Microsoft.AspNetCore.Mvc.ApplicationModels.PageApplicationModel model)
    {
        model.EndpointMetadata.Add(new Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute { PolicyName = PublicPages.Policy });
        model.EndpointMetadata.Add(new ShowsAttribute(Shown.Consultations));
    }
}

/// <summary>Renders the introductions and keeps the timestamps right on every save.</summary>
internal sealed class ConsultationSaveInterceptor(TimeProvider clock) : SavingHook
{
    protected override void Prepare(DbContext context)
    {
        foreach (var entry in Written<Consultation>(context))
        {
            entry.Entity.IntroductionHtml = ContentMarkdown.ToSafeHtml(entry.Entity.IntroductionMarkdown);
        }
        foreach (var entry in Written<ConsultationTranslation>(context))
        {
            entry.Entity.IntroductionHtml = ContentMarkdown.ToSafeHtml(entry.Entity.IntroductionMarkdown);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Stamp<Consultation>(context, now, (c, at) => c.CreatedAt = at, (c, at) => c.UpdatedAt = at);
        Stamp<Response>(context, now, (r, at) => r.CreatedAt = at, (r, at) => r.UpdatedAt = at);
    }
}

/// <summary>A consultation opens and closes at its instants on cached pages too (the list's "open" mark, the results).</summary>
internal sealed class ConsultationSchedule(TimeProvider clock, IServiceScopeFactory scopes) : ScheduledEviction(clock, scopes)
{
    protected override string Shows => Shown.Consultations;

    protected override async Task<DateTime?> NextAsync(ChorusDb db, DateTime now, CancellationToken ct)
    {
        var opens = await db.Consultations.Where(c => c.DeletedAt == null && c.OpensAt > now).MinAsync(c => (DateTime?)c.OpensAt, ct);
        var closes = await db.Consultations.Where(c => c.DeletedAt == null && c.ClosesAt > now).MinAsync(c => (DateTime?)c.ClosesAt, ct);
        return opens is null ? closes : closes is null ? opens : opens < closes ? opens : closes;
    }
}
