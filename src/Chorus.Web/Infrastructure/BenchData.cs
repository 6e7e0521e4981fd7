using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Infrastructure;

/// <summary>A feature's share of the large benchmark dataset (bench/run.sh).</summary>
internal interface IBenchDataset
{
    /// <summary>Writes this feature's rows; prints `key=value` lines bench/run.sh reads (such as URLs).</summary>
    Task AddAsync(ChorusDb db, string[] args, TextWriter output, CancellationToken ct);
}

internal static class BenchData
{
    public static void AddBenchData(this IHostApplicationBuilder builder) =>
        builder.Services.AddCommand("bench-data", "[--posts 100000] [--force]: fills an empty database with the benchmark dataset",
            async (services, args) =>
            {
                var db = services.GetRequiredService<ChorusDb>();
                // Hundreds of thousands of made-up posts, organisations and signatures must never land on a real site by mistake.
                if (!args.Contains("--force") && (await db.Posts.AnyAsync() || await db.Organisations.AnyAsync() || await db.Events.AnyAsync() || await db.Users.AnyAsync()))
                {
                    await Console.Error.WriteLineAsync("bench-data: this database already has content. It fills an empty database only; add --force to write into this one anyway.");
                    return 1;
                }
                foreach (var dataset in services.GetServices<IBenchDataset>())
                {
                    await dataset.AddAsync(db, args, Console.Out, CancellationToken.None);
                }
                return 0;
            });
}
