using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Chorus.Web.Features.Accounts;

/// <summary>`users add --email ... --role Admin [--name ...]`: the first admin, or any account, from a shell.</summary>
internal static class UsersCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var (email, role) = (Option("--email"), Option("--role"));
        if (args.FirstOrDefault() != "add" || email is null || role is null || !Roles.All.Contains(role) || !Infrastructure.Email.MailAddresses.IsValid(email))
        {
            await Console.Error.WriteLineAsync($"Usage: users add --email someone@example.org --role {string.Join('|', Roles.All)} [--name \"Full name\"]");
            return 2;
        }
        var typed = Console.IsInputRedirected ? (await Console.In.ReadLineAsync())?.Trim() : null;
        var generated = string.IsNullOrEmpty(typed);
        var password = generated ? Generate() : typed!;
        var users = services.GetRequiredService<UserManager<ChorusUser>>();
        var user = new ChorusUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = Option("--name") ?? email,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                await Console.Error.WriteLineAsync(error.Description);
            }
            return 1;
        }
        await Console.Out.WriteLineAsync($"Created {role} {email}.");
        if (generated)
        {
            await Console.Out.WriteLineAsync($"Password (shown once, change it after signing in): {password}");
        }
        return 0;
    }

    private static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
