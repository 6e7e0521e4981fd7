using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

/// <summary>
/// `bench-consultation --answers 20000`: on a database without consultations, the 2021 consultation's questions open for
/// a month, with that many confirmed answers and its results published (bench/consultation.sh measures the results page
/// and answer submissions on it).
/// </summary>
internal static class BenchConsultation
{
    public const string Slug = "bench-consultation";

    public static void AddBenchConsultation(this IHostApplicationBuilder builder) =>
        builder.Services.AddCommand("bench-consultation", "[--answers 20000]: adds a consultation with that many confirmed answers",
            async (services, args) =>
            {
                var db = services.GetRequiredService<ChorusDb>();
                if (await db.Consultations.AnyAsync(c => c.Slug == Slug))
                {
                    await Console.Error.WriteLineAsync("bench-consultation: this database already has the bench consultation.");
                    return 1;
                }
                var count = Commands.IntOption(args, "--answers", 20_000);
                var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                var c = DemoConsultations.NewConsultation(Slug, now.AddDays(-10), now.AddDays(30));
                await DemoConsultations.AddAsync(db, c);
                var questions = c.Questions.ToList();
                var options = questions.ToDictionary(q => q.Id, q => q.Options.ToList());
                for (var start = 0; start < count; start += 2000)
                {
                    db.ChangeTracker.Clear();
                    // A copy that only carries the ids the answers need (the tracked one was cleared).
                    var shape = new Consultation
                    {
                        Id = c.Id, Slug = c.Slug, Title = c.Title, OpensAt = c.OpensAt, ClosesAt = now,
                        Questions = [.. questions.Select(q => new Question { Id = q.Id, Kind = q.Kind, Options = options[q.Id] })],
                    };
                    for (var n = start; n < Math.Min(count, start + 2000); n++)
                    {
                        db.ConsultationResponses.Add(DemoConsultations.NewResponse(shape, n, null));
                    }
                    await db.SaveChangesAsync();
                    await Console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"answers={Math.Min(count, start + 2000)}"));
                }
                await Console.Out.WriteLineAsync($"consultation_url=/en/consultations/{Slug}");
                await Console.Out.WriteLineAsync($"results_url=/en/consultations/{Slug}/results");
                return 0;
            });
}
