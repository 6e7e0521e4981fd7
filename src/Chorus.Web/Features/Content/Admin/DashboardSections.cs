using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Content.Admin;

/// <summary>The content feature's part of the dashboard: drafts, what is scheduled, what changed lately.</summary>
internal static class DashboardSections
{
    private static readonly string[] Editors = [Roles.Admin, Roles.Editor];

    public static void AddContentDashboard(this IHostApplicationBuilder builder)
    {
        builder.AddDashboardSection(new("Drafts", Editors, 10, async (services, ct) =>
            await Posts(services).Where(p => p.Status == PostStatus.Draft).OrderByDescending(p => p.UpdatedAt).Take(10)
                .Select(p => new DashboardRow(p.Title, $"/admin/posts/{p.Id}", p.UpdatedAt)).ToListAsync(ct)));
        builder.AddDashboardSection(new("Scheduled", Editors, 20, async (services, ct) =>
        {
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            return await Posts(services).Where(p => p.Status != PostStatus.Draft && p.PublishedAt > now).OrderBy(p => p.PublishedAt).Take(10)
                .Select(p => new DashboardRow(p.Title, $"/admin/posts/{p.Id}", p.PublishedAt!.Value)).ToListAsync(ct);
        }));
        builder.AddDashboardSection(new("Recently changed", Editors, 30, async (services, ct) =>
            await Posts(services).OrderByDescending(p => p.UpdatedAt).Take(10)
                .Select(p => new DashboardRow(p.Title, $"/admin/posts/{p.Id}", p.UpdatedAt)).ToListAsync(ct)));
    }

    private static IQueryable<Post> Posts(IServiceProvider services) =>
        services.GetRequiredService<ChorusDb>().Posts.AsNoTracking().Where(p => p.DeletedAt == null);
}
