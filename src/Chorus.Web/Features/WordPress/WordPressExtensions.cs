using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.WordPress;

internal static class WordPressExtensions
{
    public const string Usage = "wordpress EXPORT.xml [--uploads PATH/TO/wp-content/uploads] --dry-run";

    /// <summary>`import wordpress export.xml --dry-run`: reads a WordPress export and reports what an import would bring over.</summary>
    public static void AddWordPressImport(this IHostApplicationBuilder builder) =>
        builder.Services.AddCommand("import", Usage, (_, args) => RunAsync(args, Console.Out, Console.Error), needsDatabase: false);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not ["wordpress", var file, ..] || file.StartsWith('-'))
        {
            await errors.WriteLineAsync($"Usage: import {Usage}");
            return 2;
        }
        var uploadsAt = Array.IndexOf(args, "--uploads");
        var uploads = uploadsAt > 0 && uploadsAt + 1 < args.Length ? args[uploadsAt + 1] : null;
        if (uploads is not null && !Directory.Exists(uploads))
        {
            await errors.WriteLineAsync($"The uploads folder {uploads} does not exist.");
            return 2;
        }
        if (!args.Contains("--dry-run"))
        {
            // Said plainly rather than half-done: this version reads and reports; writing the import comes next.
            await errors.WriteLineAsync("This version reports what an import would bring over (--dry-run); the import that writes is not built yet.");
            return 2;
        }
        if (!File.Exists(file))
        {
            await errors.WriteLineAsync($"No file at {file}.");
            return 2;
        }
        try
        {
            await using var stream = File.OpenRead(file);
            foreach (var line in WordPressReport.Read(stream, uploads).Lines())
            {
                await output.WriteLineAsync(line);
            }
            await output.WriteLineAsync("Dry run: nothing was written.");
            return 0;
        }
        catch (WxrException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
