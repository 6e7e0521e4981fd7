using System.Net;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>The demo site read in each of its six languages.</summary>
public sealed class LanguagesTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    public static TheoryData<string, string> RoutesInEveryCulture()
    {
        var data = new TheoryData<string, string>();
        foreach (var culture in new[] { "en", "fr", "es", "ar", "zh", "ru" })
        {
            foreach (var path in new[] { "/", "/news/solutions-not-violence-at-our-borders", "/news/dialogue-with-member-states-what-we-heard",
                "/category/un-processes", "/statements", "/pages/about" })
            {
                data.Add(culture, path);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RoutesInEveryCulture))]
    public async Task Every_public_route_answers_in_every_culture(string culture, string path)
    {
        var (response, html) = await app.GetHtml($"/{culture}{path}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(culture, html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(6, html.QuerySelectorAll("nav.languages a[hreflang]").Length);
    }

    [Theory]
    [InlineData("ar", "rtl", "الأخبار")]
    [InlineData("zh", "ltr", "新闻")]
    [InlineData("ru", "ltr", "Новости")]
    [InlineData("fr", "ltr", "Actualités")]
    public async Task Pages_declare_their_language_and_direction_and_speak_it(string culture, string dir, string news)
    {
        var (_, html) = await app.GetHtml($"/{culture}/");

        Assert.Equal(culture, html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(dir, html.DocumentElement.GetAttribute("dir"));
        Assert.Equal(news, html.QuerySelector("nav[aria-label] a[href='/" + culture + "/news']")!.TextContent);
    }

    [Theory]
    [InlineData("fr", "3 octobre 2022")]
    [InlineData("es", "3 de octubre de 2022")]
    [InlineData("zh", "2022年10月3日")]
    [InlineData("ru", "3 октября 2022 г.")]
    [InlineData("ar", "3 أكتوبر 2022")]
    public async Task Dates_are_written_the_way_each_language_writes_them(string culture, string date)
    {
        var (_, html) = await app.GetHtml($"/{culture}/news");

        Assert.Equal(date, html.QuerySelector(".post-list time")!.TextContent);
    }

    [Fact]
    public async Task An_untranslated_post_in_french_shows_the_original_with_a_notice_in_french()
    {
        var (_, html) = await app.GetHtml("/fr/news/dialogue-with-member-states-what-we-heard");

        Assert.Contains("Cette page n'a pas encore été traduite en français. Elle est affichée en anglais.", html.QuerySelector("aside.notice")!.TextContent, StringComparison.Ordinal);
        var article = html.QuerySelector("article")!;
        Assert.Equal("en", article.GetAttribute("lang"));
        Assert.Equal("Dialogue with Member States: what we heard", article.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task A_human_translation_is_shown_without_a_notice()
    {
        var (_, html) = await app.GetHtml("/es/news/solutions-not-violence-at-our-borders");

        Assert.Equal("Soluciones, no violencia, en nuestras fronteras", html.QuerySelector("h1")!.TextContent);
        Assert.Null(html.QuerySelector("aside.notice"));
        Assert.Null(html.QuerySelector("article")!.GetAttribute("lang"));
        // The statement's facts are translated too: labels by the interface, the addressee by the translator.
        var facts = html.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("Dirigida a", facts, StringComparison.Ordinal);
        Assert.Contains("Gobiernos de la región", facts, StringComparison.Ordinal);
        Assert.Contains("30 de noviembre de 2021", facts, StringComparison.Ordinal);
        Assert.Contains("Governments of the region", (await app.GetHtml("/en/news/solutions-not-violence-at-our-borders")).Html.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spanish_listings_include_untranslated_items_marked_with_their_language()
    {
        var (_, register) = await app.GetHtml("/es/statements");

        var links = register.QuerySelectorAll(".register a").ToList();
        Assert.True(links.Count >= 10);
        Assert.Contains(links, a => a.TextContent == "Soluciones, no violencia, en nuestras fronteras" && a.GetAttribute("lang") is null);
        Assert.Contains(links, a => a.TextContent == "Open letter on climate displacement ahead of COP27" && a.GetAttribute("lang") == "en");

        var (_, home) = await app.GetHtml("/es/news");
        var items = home.QuerySelectorAll(".post-list article").ToList();
        Assert.Equal(10, items.Count);
        Assert.All(items.Where(a => a.GetAttribute("lang") == "en"), a => Assert.Contains("En inglés", a.TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hreflang_alternates_name_only_real_translations()
    {
        var (_, about) = await app.GetHtml("/fr/pages/about");
        var (_, untranslated) = await app.GetHtml("/fr/news/dialogue-with-member-states-what-we-heard");

        Assert.Equal(["en", "fr", "es", "x-default"], about.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")!));
        Assert.Equal("http://localhost/es/pages/about", about.QuerySelector("link[hreflang=es]")!.GetAttribute("href"));
        // A post with no French text shows the English one under /fr/: a copy, kept out of the index and pointing to the original.
        Assert.Empty(untranslated.QuerySelectorAll("link[rel=alternate][hreflang]"));
        Assert.Equal("http://localhost/en/news/dialogue-with-member-states-what-we-heard", untranslated.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var (_, original) = await app.GetHtml("/en/news/dialogue-with-member-states-what-we-heard");
        Assert.Equal(["en", "x-default"], original.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")!));
        Assert.Equal(3, about.QuerySelectorAll(".languages .untranslated").Length); // ar, zh, ru
        Assert.Equal("À propos de la coalition", about.QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("fr", "Nouvelles des membres")]
    [InlineData("ar", "أخبار الأعضاء")]
    [InlineData("en", "Member news")]
    public async Task Category_names_are_in_the_readers_language(string culture, string name)
    {
        var (_, category) = await app.GetHtml($"/{culture}/category/member-news");
        var (_, post) = await app.GetHtml($"/{culture}/news/youth-working-group-launched");

        Assert.Equal(name, category.QuerySelector("h1")!.TextContent);
        Assert.Equal(name, post.QuerySelector(".categories a")!.TextContent);
    }

    [Fact]
    public async Task A_french_404_speaks_french()
    {
        var (response, html) = await app.GetHtml("/fr/news/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Page introuvable", html.QuerySelector("h1")!.TextContent);
        Assert.Equal("fr", html.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("fr-CA, en;q=0.5", null, "/fr/")]
    [InlineData("de-DE, ru;q=0.8, en;q=0.5", null, "/ru/")]
    [InlineData("de-DE", null, "/en/")]
    [InlineData("fr-CA", "zh", "/zh/")]
    public async Task The_root_sends_readers_to_their_remembered_or_preferred_language(string acceptLanguage, string? remembered, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Accept-Language", acceptLanguage);
        if (remembered is not null)
        {
            request.Headers.Add("Cookie", $"chorus-culture={remembered}");
        }

        var response = await app.CreatePlainClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/culture/ar?returnUrl=%2Far%2Fstatements", "/ar/statements")]
    [InlineData("/culture/ar?returnUrl=%2F%2Fevil.example%2F", "/ar/")]
    [InlineData("/culture/ar?returnUrl=https%3A%2F%2Fevil.example%2F", "/ar/")]
    [InlineData("/culture/ar?returnUrl=%2Far%2F%09%2Fevil.example%2F", "/ar/")]
    // The site keeps Arabic slugs: the way back is percent-encoded, as a header must be.
    [InlineData("/culture/ar?returnUrl=%2Far%2Fnews%2F%D8%B3%D9%84%D8%A7%D9%85%3Fpage%3D2", "/ar/news/%D8%B3%D9%84%D8%A7%D9%85?page=2")]
    public async Task Switching_language_remembers_the_choice_and_stays_on_the_site(string url, string location)
    {
        var response = await app.CreatePlainClient().GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("chorus-culture=ar", StringComparison.Ordinal));
    }
}
