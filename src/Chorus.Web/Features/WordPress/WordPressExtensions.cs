using Chorus.Web.Data;
using Chorus.Web.Features.Admin;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.WordPress;

internal static class WordPressExtensions
{
    public const string Usage = "wordpress EXPORT.xml [--uploads PATH/TO/wp-content/uploads] [--statements CATEGORY-SLUG] [--tags-as-categories] [--dry-run]";

    /// <summary>`import wordpress export.xml`: brings a WordPress site's posts, pages, media and old addresses over (or, with --dry-run, reports what it would).</summary>
    public static void AddWordPressImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<WordPressImport>();
        builder.AddBenchWordPress();
        builder.Services.AddSingleton<ImportRunner>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ImportRunner>());
        builder.AddAdminMenuItem(new("Import from WordPress", "/admin/import", [Accounts.Roles.Admin], 98));
        builder.Services.AddCommand("import", Usage, (services, args) => RunAsync(services, args, Console.Out, Console.Error));
    }

    public static async Task<int> RunAsync(IServiceProvider? services, string[] args, TextWriter output, TextWriter errors)
    {
        if (args is not ["wordpress", var file, ..] || file.StartsWith('-'))
        {
            await errors.WriteLineAsync($"Usage: import {Usage}");
            return 2;
        }
        var uploads = Commands.Option(args, "--uploads");
        if (uploads is not null && !Directory.Exists(uploads))
        {
            await errors.WriteLineAsync($"The uploads folder {uploads} does not exist.");
            return 2;
        }
        if (!File.Exists(file))
        {
            await errors.WriteLineAsync($"No file at {file}.");
            return 2;
        }
        try
        {
            if (args.Contains("--dry-run"))
            {
                await using var stream = File.OpenRead(file);
                var report = WordPressReport.Read(stream, uploads);
                if (services?.GetService<ChorusDb>() is { } db)
                {
                    var source = WordPressImport.SourceOf(report.Site);
                    var known = await db.ImportedItems.Where(i => i.Source == source).Select(i => i.ExternalId).ToListAsync();
                    report.AlreadyImported = known.Count(report.ItemIds.Contains);
                }
                foreach (var line in report.Lines())
                {
                    await output.WriteLineAsync(line);
                }
                await output.WriteLineAsync("Dry run: nothing was written.");
                return 0;
            }
            // The export is checked whole before anything is written: a file cut short or of another kind changes nothing.
            await using (var check = File.OpenRead(file))
            {
                WordPressReport.Read(check, uploads);
            }
            var options = new WordPressImportOptions(uploads, Commands.Option(args, "--statements"), args.Contains("--tags-as-categories"), "import");
            var result = await services!.GetRequiredService<WordPressImport>().RunAsync(() => File.OpenRead(file), options, null, CancellationToken.None);
            foreach (var line in result.Lines())
            {
                await output.WriteLineAsync(line);
            }
            return 0;
        }
        catch (WxrException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
