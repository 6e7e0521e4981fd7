using Chorus.Web.Features.Content;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>A site that shows French readers the Spanish version before the English original.</summary>
public sealed class FrenchFallsBackToSpanish : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("Site:Fallbacks:fr:0", "es")];

    public override async Task InitializeAsync()
    {
        var post = Posts.Make("Regional consultation in Bogotá", new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc), body: "The English original.");
        await this.Add(post);
        await WithDb(async db =>
        {
            db.PostTranslations.Add(new PostTranslation
            {
                PostId = post.Id, Culture = "es", State = TranslationState.Human, SourceHash = post.ContentHash,
                Title = "Consulta regional en Bogotá", BodyMarkdown = "La versión en español.",
            });
            await db.SaveChangesAsync();
        });
    }
}

public sealed class FallbackChainTests(FrenchFallsBackToSpanish app) : IClassFixture<FrenchFallsBackToSpanish>
{
    [Fact]
    public async Task French_readers_get_the_spanish_version_with_a_notice_and_the_listing_agrees()
    {
        var (_, page) = await app.GetHtml("/fr/news/regional-consultation-in-bogota");

        Assert.Equal("Consulta regional en Bogotá", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("es", page.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Contains("Elle est affichée en espagnol.", page.QuerySelector("aside.notice")!.TextContent, StringComparison.Ordinal);

        var (_, home) = await app.GetHtml("/fr/news");
        Assert.Equal("Consulta regional en Bogotá", home.QuerySelector(".post-list h2")!.TextContent);
        Assert.Contains("En espagnol", home.QuerySelector(".post-list .lang-label")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_configured_fallback_readers_get_the_original()
    {
        var (_, page) = await app.GetHtml("/ru/news/regional-consultation-in-bogota");

        Assert.Equal("Regional consultation in Bogotá", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("en", page.QuerySelector("article")!.GetAttribute("lang"));
    }
}
