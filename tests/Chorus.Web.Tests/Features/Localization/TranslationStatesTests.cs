using System.Net;
using Chorus.Web.Features.Content;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>Outdated human translations and machine translations, as readers and search engines see them.</summary>
public sealed class TranslationStatesTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    [Fact]
    public async Task A_translation_is_outdated_once_the_english_original_changes()
    {
        var (_, before) = await app.GetHtml("/fr/pages/about");
        Assert.Null(before.QuerySelector("aside.notice"));

        await app.WithDb(async db =>
        {
            var about = await db.Posts.SingleAsync(p => p.Slug == "about");
            about.BodyMarkdown += "\n\nWe also publish an annual report.";
            await db.SaveChangesAsync();
        });

        var (_, after) = await app.GetHtml("/fr/pages/about");
        var notice = after.QuerySelector("aside.notice")!;
        Assert.Contains("Cette traduction n'est peut-être plus à jour", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("/en/pages/about", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("À propos de la coalition", after.QuerySelector("h1")!.TextContent); // still shown, honestly labelled
        var (_, english) = await app.GetHtml("/en/pages/about");
        Assert.Null(english.QuerySelector("aside.notice"));
    }

    [Fact]
    public async Task Machine_translations_show_only_when_released_and_asked_for_labelled_and_unindexed()
    {
        const string Path = "/ru/news/twelve-new-organisations-join-the-coalition";
        await app.WithDb(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Slug == "twelve-new-organisations-join-the-coalition");
            db.PostTranslations.Add(new PostTranslation
            {
                PostId = post.Id, Culture = "ru", State = TranslationState.MachineDraft, SourceHash = post.ContentHash,
                Title = "Двенадцать новых организаций", BodyMarkdown = "Машинный черновик.",
            });
            await db.SaveChangesAsync();
        });

        // A draft is for reviewers only.
        var (_, draft) = await app.GetHtml(Path + "?version=machine");
        Assert.Equal("Twelve new organisations join the coalition", draft.QuerySelector("h1")!.TextContent);
        Assert.Null(draft.QuerySelector("aside.notice a[href$='version=machine']"));

        await app.WithDb(async db =>
        {
            (await db.PostTranslations.SingleAsync(t => t.Culture == "ru")).State = TranslationState.MachinePublished;
            await db.SaveChangesAsync();
        });
        var (_, original) = await app.GetHtml(Path);
        Assert.Equal("Twelve new organisations join the coalition", original.QuerySelector("h1")!.TextContent);
        var link = original.QuerySelector("aside.notice a")!;
        Assert.Equal("Читать машинный перевод", link.TextContent);
        Assert.DoesNotContain(original.QuerySelectorAll("link[rel=alternate]"), l => l.GetAttribute("hreflang") == "ru");

        var (response, machine) = await app.GetHtml(link.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Двенадцать новых организаций", machine.QuerySelector("h1")!.TextContent);
        Assert.Contains("Машинный перевод", machine.QuerySelector("aside.notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("noindex", machine.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        // Both are copies of the English text under /ru/: search engines are sent to the English page.
        Assert.Equal("noindex", original.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.All([original, machine], page => Assert.Equal("http://localhost/en/news/twelve-new-organisations-join-the-coalition",
            page.QuerySelector("link[rel=canonical]")!.GetAttribute("href")));
    }
}
