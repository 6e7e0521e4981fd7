using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Infrastructure;

public sealed class SlugTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    [Theory]
    [InlineData("Migración y derechos", "migracion-y-derechos")]
    [InlineData("حقوق المهاجرين في العالم", "حقوق-المهاجرين-في-العالم")]
    [InlineData("移民与权利", "移民与权利")]
    [InlineData("Права мигрантов", "права-мигрантов")]
    [InlineData("Droits des migrant·e·s : l'égalité, déjà !", "droits-des-migrant-e-s-l-egalite-deja")]
    [InlineData("  --- !!! ", "item")]
    public void Slugs_are_readable_in_every_script(string title, string slug) =>
        Assert.Equal(slug, Slugs.From(title));

    [Fact]
    public void Long_titles_are_cut_between_words()
    {
        var slug = Slugs.From(string.Join(' ', Enumerable.Repeat("coalition", 20)));
        Assert.True(slug.Length <= Slugs.MaxLength);
        Assert.EndsWith("coalition", slug, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_post_with_the_same_title_gets_a_numbered_slug_and_both_pages_work()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        await app.Add(Posts.Make("Migración y derechos", now));
        var second = Posts.Make("Migración y derechos", now);
        second.Slug = await app.WithDb(db => Slugs.UniqueAsync(second.Title, s => db.Posts.AnyAsync(p => p.Slug == s)));
        await app.Add(second);
        var arabic = Posts.Make("حقوق المهاجرين", now);
        await app.Add(arabic);

        Assert.Equal("migracion-y-derechos-2", second.Slug);
        Assert.Equal(200, (int)(await app.GetHtml("/en/news/migracion-y-derechos")).Response.StatusCode);
        Assert.Equal(200, (int)(await app.GetHtml("/en/news/migracion-y-derechos-2")).Response.StatusCode);
        var (response, html) = await app.GetHtml("/en/news/" + Uri.EscapeDataString("حقوق-المهاجرين"));
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("حقوق المهاجرين", html.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_database_refuses_a_duplicate_slug()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.Add(Posts.Make("Only once", now));
        await Assert.ThrowsAsync<DbUpdateException>(() => app.Add(Posts.Make("Only once", now)));
    }
}
