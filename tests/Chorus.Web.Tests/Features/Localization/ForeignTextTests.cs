namespace Chorus.Web.Tests.Features.Localization;

/// <summary>
/// Text shown in another language than the page's says so (WCAG 3.1.2): the demo's texts are English and have no Arabic
/// version, so on Arabic pages each carries lang="en" and dir="ltr" (punctuation not flipped, screen readers switch voice).
/// </summary>
public sealed class ForeignTextTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    private static void English(AngleSharp.Dom.IElement? element, string what)
    {
        Assert.True(element is not null, $"{what}: not found");
        var marked = element!.Closest("[lang]");
        Assert.True(marked?.GetAttribute("lang") == "en", $"{what}: in a part marked {marked?.GetAttribute("lang") ?? "nothing"}");
        Assert.True(marked!.GetAttribute("dir") == "ltr", $"{what}: dir {marked.GetAttribute("dir") ?? "missing"}");
    }

    private static void Arabic(AngleSharp.Dom.IElement? element, string what)
    {
        Assert.True(element is not null, $"{what}: not found");
        var marked = element!.Closest("[lang]");
        Assert.True(marked?.GetAttribute("lang") == "ar", $"{what}: in a part marked {marked?.GetAttribute("lang") ?? "nothing"}");
        var direction = element.Closest("[dir]");
        Assert.True(direction?.GetAttribute("dir") == "rtl", $"{what}: nearest dir is {direction?.GetAttribute("dir") ?? "missing"}");
    }

    [Fact]
    public async Task The_page_s_own_words_inside_an_english_text_read_right_to_left_again()
    {
        // An English statement under /ar/: its title and body are English, its date, labels and links are Arabic.
        var (_, post) = await app.GetHtml("/ar/news/twelve-recommendations-for-the-international-migration-review-forum");
        English(post.QuerySelector("article.post h1"), "the statement's title");
        Arabic(post.QuerySelector("article.post .meta"), "the statement's date line");
        Arabic(post.QuerySelector("article.post .issuers"), "who issued it");
        Arabic(post.QuerySelector("article.post .facts dt"), "a label of its facts");

        var (_, home) = await app.GetHtml("/ar/news");
        var item = home.QuerySelector(".post-list article[lang=en]")!;
        Arabic(item.QuerySelector(".meta"), "a listed post's date line");
        Arabic(item.QuerySelector("a.more"), "a listed post's \"read more\"");
    }

    [Fact]
    public async Task English_texts_on_arabic_pages_carry_their_language_and_direction()
    {
        var (_, events) = await app.GetHtml("/ar/events?when=past");
        var row = events.QuerySelectorAll("ol.events > li").First(li => li.QuerySelector("h2")!.TextContent.Contains("Weekly webinars", StringComparison.Ordinal));
        English(row.QuerySelector("h2 a"), "a listed event's title");
        English(row.QuerySelector("p[lang]"), "a listed event's summary");

        var (_, series) = await app.GetHtml("/ar/events/weekly-webinars-2021");
        English(series.QuerySelector("h1"), "the event's title");
        var topic = series.QuerySelector(".sessions h3 span[lang]");
        English(topic, "a session's topic");
        Assert.Equal("ar", series.DocumentElement.GetAttribute("lang"));
        Assert.Null(series.QuerySelector(".sessions h3")!.GetAttribute("lang")); // "الجلسة 1" is the page's own words

        var (_, register) = await app.GetHtml("/ar/statements");
        English(register.QuerySelector(".register a[href*='/news/']"), "a statement's title in the register");
        English(register.QuerySelector(".register .meta span[lang]"), "a statement's venue");

        var (_, campaign) = await app.GetHtml("/ar/campaigns/position-paper-review-forum");
        English(campaign.QuerySelector("h1"), "the campaign's title");
        English(campaign.QuerySelector(".campaign .body"), "the campaign's text");
        var (_, campaigns) = await app.GetHtml("/ar/campaigns");
        English(campaigns.QuerySelector(".cards h2 a"), "a listed campaign's title");

        var (_, profile) = await app.GetHtml("/ar/organizations/sahel-mobility-network");
        English(profile.QuerySelector("#statements + ul a"), "a statement the organisation issued");
        English(profile.QuerySelector("#signed + ul a"), "a campaign the organisation signed");
    }
}
