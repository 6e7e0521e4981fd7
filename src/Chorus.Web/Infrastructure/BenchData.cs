using Chorus.Web.Data;

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
        builder.Services.AddCommand("bench-data", "[--posts 100000]: fills an empty database with the benchmark dataset",
            async (services, args) =>
            {
                var db = services.GetRequiredService<ChorusDb>();
                foreach (var dataset in services.GetServices<IBenchDataset>())
                {
                    await dataset.AddAsync(db, args, Console.Out, CancellationToken.None);
                }
                return 0;
            });
}
