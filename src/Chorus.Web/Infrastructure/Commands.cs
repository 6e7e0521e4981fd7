using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;

namespace Chorus.Web.Infrastructure;

/// <summary>A command-line verb: `dotnet run --project src/Chorus.Web -- NAME [args]`.</summary>
/// <param name="NeedsDatabase">Migrate (and seed, as configured) before running, as the site does at start.</param>
internal sealed record Command(string Name, string Usage, Func<IServiceProvider, string[], Task<int>> Run, bool NeedsDatabase = true);

internal static class Commands
{
    public static void AddCommand(this IServiceCollection services, string name, string usage,
        Func<IServiceProvider, string[], Task<int>> run, bool needsDatabase = true) =>
        services.AddSingleton(new Command(name, usage, run, needsDatabase));

    /// <summary>Runs the verb named by the first argument; true when one ran and the app should exit.</summary>
    public static async Task<bool> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return false;
        }
        var commands = app.Services.GetServices<Command>().ToList();
        var command = commands.Find(c => c.Name == args[0]);
        if (command is null)
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'. Commands:");
            foreach (var c in commands)
            {
                await Console.Error.WriteLineAsync($"  {c.Name} {c.Usage}");
            }
            Environment.ExitCode = 2;
            return true;
        }
        if (command.NeedsDatabase)
        {
            await app.PrepareDatabaseAsync(then: () => app.PrepareAccountsAsync(announceSetup: false));
        }
        await using var scope = app.Services.CreateAsyncScope();
        Environment.ExitCode = await command.Run(scope.ServiceProvider, args[1..]);
        return true;
    }

    /// <summary>The value after `--name` in <paramref name="args"/> (not another option), or null.</summary>
    public static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length && !args[at + 1].StartsWith("--", StringComparison.Ordinal) ? args[at + 1] : null;

    /// <summary>The value after `--name` in <paramref name="args"/>, parsed as a whole number.</summary>
    public static int IntOption(string[] args, string name, int fallback) =>
        int.TryParse(Option(args, name), out var value) && value >= 0 ? value : fallback;
}
