using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using Chorus.Web.Features.Localization.Machine;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Features.Localization;

internal static class LocalizationExtensions
{
    public static void AddMachineTranslation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<MachineTranslationOptions>("MachineTranslation");
        builder.Services.AddHttpClient(MachineTranslator.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(60));
        builder.Services.AddSingleton<MachineTranslator>();
        builder.Services.AddSingleton<TranslationJobs>();
        builder.Services.AddHostedService<TranslationWorker>();
        builder.AddAdminMenuItem(new("Translations", "/admin/translations", [Roles.Admin, Roles.Editor, Roles.Translator], 20));
        builder.Services.AddCommand("translate", "--culture CODE [--missing]: machine-translates posts that have no version in CODE into drafts",
            async (services, args) =>
            {
                var i = Array.IndexOf(args, "--culture");
                var culture = i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
                if (culture is null || !services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value.Cultures.Contains(culture))
                {
                    await Console.Error.WriteLineAsync("Name one of the site's cultures: translate --culture es --missing");
                    return 2;
                }
                var db = services.GetRequiredService<ChorusDb>();
                var jobs = services.GetRequiredService<TranslationJobs>();
                var queued = await jobs.EnqueueMissingAsync(db, culture, CancellationToken.None);
                var (done, failed) = await jobs.RunDueAsync(db, CancellationToken.None);
                await Console.Out.WriteLineAsync($"{queued} posts queued; {done} machine drafts written, {failed} failed (see TranslationJobs.LastError).");
                return failed == 0 ? 0 : 1;
            });
    }
}
