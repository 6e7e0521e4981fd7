using System.Threading.RateLimiting;
using Chorus.Web.Data;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Accounts;

internal static class AccountsExtensions
{
    public const string LoginRateLimit = "login";
    public const string AuthCookie = "chorus-auth";

    public static void AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<AccountOptions>("Accounts")
            .Validate(o => o.RequireTwoFactorForRoles.All(Roles.All.Contains), $"Accounts:RequireTwoFactorForRoles must name roles among {string.Join(", ", Roles.All)}.");
        builder.Services.AddIdentityCore<ChorusUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                // Length, not composition (NIST SP 800-63B): a long passphrase is a good password.
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = builder.Configuration.GetValue("Accounts:MaxFailedSignIns", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ChorusDb>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ExpiringTokenProvider>(TokenOptions.DefaultProvider);
        builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = AuthCookie;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Each sign-in is a recorded session, checked at every request (StaffSessionCookies).
            o.EventsType = typeof(StaffSessionCookies);
        });
        builder.Services.AddScoped<StaffSessionCookies>();
        // Deactivated staff lose their session within a minute, not when their cookie expires.
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // Keys in the database: every node can read every cookie and antiforgery token.
        builder.Services.AddDataProtection().PersistKeysToDbContext<ChorusDb>().SetApplicationName("Chorus");
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireRole(Roles.All));
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Attempts (POSTs) are limited per address; showing the form is not.
            o.AddPolicy(LoginRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? http.PerClient(LoginRateLimit, builder.Configuration.GetValue("Accounts:SignInsPerMinute", 10), TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter("read"));
        });
        builder.AddAdminMenuItem(new("Users", "/admin/users", [Roles.Admin], 90));
        builder.AddAdminMenuItem(new("Your account", "/admin/account", Roles.All, 99));
        builder.AddAdminMenuItem(new("Your sessions", "/admin/account/sessions", Roles.All, 100));
        builder.Services.AddCommand("users", "add --email E --role R [--name N]: creates a staff account (password from standard input, or generated)", UsersCommand.RunAsync);
    }

    public const string StaffPolicy = "staff";

    public static void UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
    }

    /// <summary>Creates the roles, and (when starting the site) on a site with no staff prints a one-time setup link.</summary>
    public static async Task PrepareAccountsAsync(this WebApplication app, bool announceSetup = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        // The key that protects sign-in cookies and form tokens is made here, under the start-up lock, rather than by each
        // node's first request: nodes starting together would each make one, and a node may not know the other's key yet.
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
            .CreateProtector("Chorus.Start").Protect("key ring");
        var db = scope.ServiceProvider.GetRequiredService<ChorusDb>();
        if (announceSetup && !await db.Users.AnyAsync())
        {
            var link = SetupToken.Create(scope.ServiceProvider.GetRequiredService<ExpiringTokens>());
            app.Logger.LogWarning("No staff account exists yet. Create the first admin at /account/setup?token={Token} (valid for 24 hours, once).", link);
        }
    }
}

internal sealed class AccountOptions
{
    /// <summary>Admins must turn on two-factor sign-in before they can use the admin area.</summary>
    public bool RequireTwoFactorForAdmins { get; set; } = true;

    /// <summary>Other roles whose members must turn on two-factor sign-in too, such as ["Editor", "Moderator"].</summary>
    public string[] RequireTwoFactorForRoles { get; set; } = [];

    /// <summary>Whether someone in these roles must use two-factor sign-in.</summary>
    public bool RequiresTwoFactor(Func<string, bool> isInRole) =>
        (RequireTwoFactorForAdmins && isInRole(Roles.Admin)) || RequireTwoFactorForRoles.Any(isInRole);

    /// <summary>Failed sign-ins before an account is locked for 15 minutes.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>Sign-in attempts allowed per minute from one address.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 1000)]
    public int SignInsPerMinute { get; set; } = 10;

    /// <summary>Days an invitation link stays valid.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 30)]
    public int InvitationDays { get; set; } = 3;
}
