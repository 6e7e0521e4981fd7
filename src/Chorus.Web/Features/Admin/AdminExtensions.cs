using Chorus.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Admin;

/// <summary>An entry of the admin menu, declared by the feature that owns the page.</summary>
internal sealed record AdminMenuItem(string Title, string Path, string[] Roles, int Order);

internal static class AdminExtensions
{
    public static void AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.Add(new AdminPagesConvention()));
        builder.AddAdminMenuItem(new("Dashboard", "/admin", Roles.All, 0));
    }

    public static void AddAdminMenuItem(this IHostApplicationBuilder builder, AdminMenuItem item) =>
        builder.Services.AddSingleton(item);

    public static void AddDashboardSection(this IHostApplicationBuilder builder, DashboardSection section) =>
        builder.Services.AddSingleton(section);
}

/// <summary>
/// Every page whose address starts with /admin, in whichever feature folder it lives, requires a staff
/// role; and an Admin (or anyone in Accounts:RequireTwoFactorForRoles) must have two-factor sign-in on.
/// </summary>
internal sealed class AdminPagesConvention : IPageApplicationModelConvention
{
    public void Apply(PageApplicationModel model)
    {
        if (model.ActionDescriptor.AttributeRouteInfo?.Template?.StartsWith("admin", StringComparison.OrdinalIgnoreCase) == true)
        {
            model.Filters.Add(new AuthorizeFilter(AccountsExtensions.StaffPolicy));
            model.Filters.Add(new RequireTwoFactor());
        }
    }
}

internal sealed class RequireTwoFactor : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        if (http.RequestServices.GetRequiredService<IOptions<AccountOptions>>().Value.RequiresTwoFactor(http.User.IsInRole))
        {
            var users = http.RequestServices.GetRequiredService<UserManager<ChorusUser>>();
            if (await users.GetUserAsync(http.User) is { TwoFactorEnabled: false })
            {
                context.Result = new Microsoft.AspNetCore.Mvc.RedirectResult("/account/two-factor/setup");
                return;
            }
        }
        await next();
    }
}
