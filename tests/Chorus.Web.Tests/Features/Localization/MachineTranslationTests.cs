using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Localization.Machine;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>
/// The app wired to the real Apertium APy that test.sh starts on 127.0.0.1 (CHORUS_TEST_APY). Without it
/// (`dotnet test` alone) every test here is skipped, saying what it needs.
/// </summary>
public sealed class ApertiumApp : ChorusFactory
{
    // A few posts of its own rather than the demo site: the worker test waits for every post to be translated.
    protected override bool SeedDemo => false;

    private static readonly string? Apy = Environment.GetEnvironmentVariable("CHORUS_TEST_APY");

    public static void Require() =>
        Skip.If(Apy is null, "Needs Apertium APy: set CHORUS_TEST_APY to its address (http://127.0.0.1:port), as ./test.sh does.");

    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("MachineTranslation:Providers:0:Kind", "apertium"),
        new("MachineTranslation:Providers:0:Url", Apy ?? "http://127.0.0.1:9"),
        new("MachineTranslation:Providers:0:Pairs:0", "en-es"),
        new("MachineTranslation:Providers:0:Pairs:1", "es-en"),
        new("MachineTranslation:Providers:0:Pairs:2", "es-fr"),
        new("MachineTranslation:Providers:0:Pairs:3", "fr-es"),
    ];
}

public sealed class MachineTranslationTests(ApertiumApp app) : IClassFixture<ApertiumApp>
{
    private const string Paragraph = """
        The coalition asks governments to protect migrants. Read [the full report](https://example.org/report) today.

        ```
        code stays as it is
        ```
        """;

    private Task<MachineText> Translate(string to) => app.WithDb(db =>
        app.Services.GetRequiredService<MachineTranslator>().TranslateAsync(
            db, Posts.Make("The coalition asks governments to protect migrants", null, body: Paragraph), "en", to, CancellationToken.None));

    [SkippableFact]
    public async Task Apertium_translates_an_english_paragraph_into_spanish_and_the_link_survives()
    {
        ApertiumApp.Require();
        var text = await Translate("es");

        Assert.Contains("](https://example.org/report)", text.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("coalición", text.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("governments", text.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("```\ncode stays as it is\n```", text.BodyMarkdown.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("coalición", text.Title, StringComparison.Ordinal);
        Assert.Null(text.Pivot);
        // Every answer is kept, so the same paragraph is never sent twice.
        Assert.True(await app.WithDb(db => db.MachineTranslationCache.CountAsync()) >= 2);
    }

    [SkippableFact]
    public async Task English_to_french_goes_through_spanish_and_says_so()
    {
        ApertiumApp.Require();
        var text = await Translate("fr");

        Assert.Equal("es", text.Pivot);
        Assert.Contains("](https://example.org/report)", text.BodyMarkdown, StringComparison.Ordinal);
        Assert.Contains("coalition", text.BodyMarkdown, StringComparison.Ordinal);
        Assert.DoesNotContain("coalición", text.BodyMarkdown, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task The_background_worker_turns_queued_jobs_into_machine_drafts_that_readers_do_not_see()
    {
        ApertiumApp.Require();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var inSpanish = Posts.Make("Statement already in Spanish", now.AddDays(-2));
        inSpanish.Translations.Add(new PostTranslation
        {
            Culture = "es", Title = "Declaración ya en español", BodyMarkdown = "Texto.", State = TranslationState.Human, SourceHash = "x",
        });
        await app.Add(Posts.Make("Youth working group launched", now.AddDays(-1)), Posts.Make("Detention report published", now.AddHours(-3)),
            Posts.Make("Coalition welcomes new members", now.AddHours(-2)), inSpanish);
        var jobs = app.Services.GetRequiredService<TranslationJobs>();
        var queued = await app.WithDb(async db =>
        {
            var spanish = await jobs.EnqueueMissingAsync(db, "es", CancellationToken.None);
            await jobs.EnqueueMissingAsync(db, "ar", CancellationToken.None);
            return spanish;
        });

        // Queuing wakes the worker; wait (at most a minute) until nothing is left to do.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (await app.WithDb(db => db.TranslationJobs.AnyAsync(j => j.Status == QueueStatus.Pending)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var (drafts, done, draft, arabic) = await app.WithDb(async db => (
            await db.PostTranslations.CountAsync(t => t.Culture == "es" && t.State == TranslationState.MachineDraft),
            await db.TranslationJobs.CountAsync(j => j.Culture == "es" && j.Status == QueueStatus.Done),
            await db.PostTranslations.AsNoTracking().SingleAsync(t => t.Culture == "es" && db.Posts.Any(p => p.Id == t.PostId && p.Slug == "youth-working-group-launched")),
            await db.TranslationJobs.AsNoTracking().FirstAsync(j => j.Culture == "ar")));

        // Every post without a Spanish version, and only those (one has a human one), got a draft.
        Assert.Equal(3, queued);
        Assert.Equal(queued, done);
        Assert.Equal(queued, drafts);
        Assert.Equal(TranslationState.MachineDraft, draft.State);
        Assert.Contains("grupo", draft.Title, StringComparison.OrdinalIgnoreCase);
        // No service translates into Arabic here: those jobs fail at once, with a reason, and are not retried.
        Assert.Equal(QueueStatus.Failed, arabic.Status);
        Assert.Contains("en → ar", arabic.LastError, StringComparison.Ordinal);

        var (_, page) = await app.GetHtml("/es/news/youth-working-group-launched");
        Assert.Equal("Youth working group launched", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("aside.notice a[href$='version=machine']"));
    }
}
