using System.Net;
using AngleSharp.Html.Dom;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Events;
using Chorus.Web.Tests.Features.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Tests.Features.Search;

/// <summary>The search page as a reader uses it: words in any language, accents or not, ranked, filtered, never a draft.</summary>
public sealed class SearchTests(EmptyChorusFactory app) : IClassFixture<EmptyChorusFactory>
{
    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private async Task<(HttpStatusCode Status, IHtmlDocument Html, string[] Titles)> Search(string query, string culture = "en")
    {
        var (response, html) = await app.GetHtml($"/{culture}/search?{query}");
        return (response.StatusCode, html, [.. html.QuerySelectorAll(".results h3").Select(h => h.TextContent.Trim())]);
    }

    [Fact]
    public async Task A_French_word_is_found_with_and_without_its_accents()
    {
        var post = Posts.Make("Régularisation des travailleurs saisonniers", Now.AddDays(-2), body: "Les associations demandent une procédure ouverte à tous.");
        post.Culture = "fr";
        var english = Posts.Make("Detention monitoring report", Now.AddDays(-1), body: "Monitoring places of detention.");
        english.Translations.Add(new PostTranslation
        {
            Culture = "fr", Title = "Rapport sur la surveillance de la détention", BodyMarkdown = "Surveiller les lieux de détention. Élevé, façade.",
            State = TranslationState.Human, SourceHash = "",
        });
        await app.Add(post, english);

        foreach (var word in new[] { "régularisation", "regularisation", "REGULARISATION" })
        {
            var (status, _, titles) = await Search($"q={Uri.EscapeDataString(word)}", "fr");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(["Régularisation des travailleurs saisonniers"], titles);
        }
        // The French translation of an English post is found by its French words, accent or not, and links to the French page.
        var (_, html, found) = await Search("q=detention+facade&lang=fr", "fr");
        Assert.Equal(["Rapport sur la surveillance de la détention"], found);
        Assert.Equal("/fr/news/detention-monitoring-report", html.QuerySelector(".results h3 a")!.GetAttribute("href"));
        Assert.Equal("fr", html.QuerySelector(".results li")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_title_match_ranks_above_body_matches_and_matches_are_highlighted()
    {
        await app.Add(
            Posts.Make("Annual report on mobility", Now.AddDays(-1), body: "Quokkaphrase quokkaphrase quokkaphrase appears here many times: quokkaphrase."),
            Posts.Make("Quokkaphrase in the title", Now.AddDays(-30), body: "A short body about something else."),
            Posts.Make("Another body match", Now.AddHours(-1), body: "Once: quokkaphrase."));

        var (_, html, titles) = await Search("q=Quokkaphrase");

        Assert.Equal(3, titles.Length);
        Assert.Equal("Quokkaphrase in the title", titles[0]);
        Assert.Equal(["Annual report on mobility", "Another body match"], titles[1..].Order(StringComparer.Ordinal));
        Assert.Equal("Quokkaphrase", html.QuerySelector(".results h3 mark")!.TextContent);
        Assert.Contains(html.QuerySelectorAll(".snippet mark"), m => m.TextContent.Equals("quokkaphrase", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Results: 3", html.QuerySelector("#results")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_scheduled_and_binned_posts_are_never_found_and_the_index_follows_every_write()
    {
        var scheduled = Posts.Make("Wombatword scheduled", Now.AddHours(2), PostStatus.Scheduled);
        var binned = Posts.Make("Wombatword binned", Now.AddDays(-1));
        binned.DeletedAt = Now;
        var edited = Posts.Make("Wombatword published", Now.AddDays(-1));
        await app.Add(Posts.Make("Wombatword draft", null, PostStatus.Draft), Posts.Make("Wombatword dated draft", Now.AddDays(-1), PostStatus.Draft),
            scheduled, binned, edited);

        Assert.Equal(["Wombatword published"], (await Search("q=wombatword")).Titles);

        app.Clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(["Wombatword scheduled", "Wombatword published"], (await Search("q=wombatword")).Titles.Order().Reverse());

        // Retitled: found by the new word only; then moved to the bin: found no more.
        await app.WithDb(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Id == edited.Id);
            post.Title = "Numbatword published";
            await db.SaveChangesAsync();
        });
        Assert.Equal(["Wombatword scheduled"], (await Search("q=wombatword")).Titles);
        Assert.Equal(["Numbatword published"], (await Search("q=numbatword")).Titles);
        await app.WithDb(async db =>
        {
            (await db.Posts.SingleAsync(p => p.Id == edited.Id)).DeletedAt = Now;
            await db.SaveChangesAsync();
        });
        Assert.Empty((await Search("q=numbatword")).Titles);

        // A machine translation waiting for review is not searchable; once a person approves it, it is.
        await app.WithDb(async db =>
        {
            var post = await db.Posts.SingleAsync(p => p.Id == scheduled.Id);
            db.PostTranslations.Add(new PostTranslation
            {
                PostId = post.Id, Culture = "es", Title = "Palabrawombat programada", BodyMarkdown = "Texto.", State = TranslationState.MachineDraft, SourceHash = "",
            });
            await db.SaveChangesAsync();
        });
        Assert.Empty((await Search("q=palabrawombat", "es")).Titles);
        await app.WithDb(async db =>
        {
            (await db.PostTranslations.SingleAsync(t => t.PostId == scheduled.Id && t.Culture == "es")).State = TranslationState.Human;
            await db.SaveChangesAsync();
        });
        Assert.Equal(["Palabrawombat programada"], (await Search("q=palabrawombat", "es")).Titles);
        Assert.Equal(["Palabrawombat programada"], (await Search("q=palabrawombat&lang=es")).Titles);
        // A reader of English is shown the English original, so finds it by its English words.
        Assert.Empty((await Search("q=palabrawombat")).Titles);
        Assert.Equal(["Wombatword scheduled"], (await Search("q=wombatword&type=news")).Titles);
    }

    [Fact]
    public async Task Events_campaigns_and_organisations_are_found_and_filters_narrow_by_type_language_and_date()
    {
        var statement = Posts.Make("Platypusword statement to the Council", Now.AddDays(-400), kind: PostKind.Statement);
        await app.Add(statement, Posts.Make("Platypusword news", Now.AddDays(-3)));
        await app.Add(Orgs.Make("Platypusword Network for Migrant Rights", "KE", acronym: "PNMR"));
        await app.WithDb(async db =>
        {
            var e = new Event
            {
                Title = "Platypusword webinar", Slug = "platypusword-webinar", TimeZone = "Europe/Paris",
                LocalStart = new DateTime(2026, 12, 15, 15, 0, 0), LocalEnd = new DateTime(2026, 12, 15, 16, 30, 0),
            };
            EventSchedule.Schedule(e);
            db.Events.Add(e);
            db.Campaigns.Add(new Campaign { Slug = "platypusword-letter", Title = "Platypusword open letter", TextMarkdown = "We call on States.", OpensAt = Now.AddDays(-1) });
            db.Campaigns.Add(new Campaign { Slug = "platypusword-later", Title = "Platypusword future letter", TextMarkdown = "Not yet.", OpensAt = Now.AddDays(10) });
            await db.SaveChangesAsync();
        });

        var all = (await Search("q=platypusword")).Titles;
        Assert.Equal(5, all.Length);
        Assert.Contains("Platypusword Network for Migrant Rights (PNMR)", all);
        Assert.DoesNotContain("Platypusword future letter", all);
        Assert.Equal(["Platypusword Network for Migrant Rights (PNMR)"], (await Search("q=pnmr")).Titles);

        Assert.Equal(["Platypusword webinar"], (await Search("q=platypusword&type=events")).Titles);
        Assert.Equal(["Platypusword statement to the Council"], (await Search("q=platypusword&type=statements")).Titles);
        Assert.Equal(["Platypusword open letter"], (await Search("q=platypusword&type=campaigns")).Titles);
        Assert.Empty((await Search("q=platypusword&lang=ar")).Titles);
        var lastMonth = $"from={Now.AddDays(-30):yyyy-MM-dd}&to={Now:yyyy-MM-dd}";
        Assert.Equal(["Platypusword news", "Platypusword open letter"], (await Search($"q=platypusword&{lastMonth}")).Titles.Order());

        var (status, html, _) = await Search("q=platypusword&from=yesterday&type=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("Enter a date as YYYY-MM-DD.", html.QuerySelector("#from-error")!.TextContent);
        Assert.Equal("Choose a type from the list.", html.QuerySelector("#type-error")!.TextContent);
        Assert.Equal("platypusword", ((IHtmlInputElement)html.QuerySelector("#search-q")!).Value);
    }

    [Fact]
    public async Task An_item_written_in_several_languages_is_listed_once_in_the_readers_language()
    {
        var post = Posts.Make("Echidnaword solidarity", Now.AddDays(-1));
        post.Translations.Add(new PostTranslation { Culture = "es", Title = "Solidaridad echidnaword", BodyMarkdown = "Texto.", State = TranslationState.Human, SourceHash = "" });
        post.Translations.Add(new PostTranslation { Culture = "fr", Title = "Solidarité echidnaword", BodyMarkdown = "Texte.", State = TranslationState.Human, SourceHash = "" });
        await app.Add(post);

        Assert.Equal(["Solidaridad echidnaword"], (await Search("q=echidnaword", "es")).Titles);
        Assert.Equal(["Echidnaword solidarity"], (await Search("q=echidnaword", "ru")).Titles);
        Assert.Equal(["Solidarité echidnaword"], (await Search("q=echidnaword&lang=fr", "es")).Titles);
    }

    [Fact]
    public async Task Chinese_is_found_by_a_word_inside_a_sentence_without_spaces()
    {
        var post = Posts.Make("保护移民工人的权利", Now.AddDays(-1), body: "各国应当尊重所有移民的人权。");
        post.Culture = "zh";
        await app.Add(post);

        var (_, html, titles) = await Search($"q={Uri.EscapeDataString("移民")}", "zh");
        Assert.Equal(["保护移民工人的权利"], titles);
        Assert.Equal("移民", html.QuerySelector(".results h3 mark")!.TextContent);
        Assert.Empty((await Search($"q={Uri.EscapeDataString("民移")}", "zh")).Titles);
    }

    [Fact]
    public async Task Results_are_paged_title_matches_first_and_text_is_shown_as_text()
    {
        // Thirteen posts: four with the word in their title, nine in their body only.
        await app.Add([.. Enumerable.Range(1, 13).Select(n => Posts.Make(n % 3 == 0 ? $"Bilbyword item {n}" : $"Item {n} of the list", Now.AddDays(-n),
            body: $"Fees < {n} & costs > 2: bilbyword <script>alert({n})</script>"))]);

        var (_, first, titles) = await Search("q=bilbyword");
        Assert.Equal(10, titles.Length);
        Assert.Equal(["Bilbyword item 12", "Bilbyword item 3", "Bilbyword item 6", "Bilbyword item 9"], titles[..4].Order(StringComparer.Ordinal));
        Assert.Equal("Page 1 of 2", first.QuerySelector(".pager span")!.TextContent);
        var next = first.QuerySelector(".pager a[rel=next]")!.GetAttribute("href")!;
        var (_, _, rest) = await Search(next[(next.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(3, rest.Length);
        Assert.Equal(13, titles.Union(rest).Count());
        Assert.Null(first.QuerySelector(".results script"));
        Assert.Matches(@"^Fees < \d+ & costs > 2: bilbyword", first.QuerySelectorAll(".snippet")[^1].TextContent);
    }

    [Fact]
    public async Task The_reindex_command_rewrites_the_index_from_the_content_newest_first()
    {
        await app.Add(Posts.Make("Older dunnartword", Now.AddDays(-20)), Posts.Make("Draft dunnartword", null, PostStatus.Draft));
        await app.Add(Posts.Make("Newer dunnartword", Now.AddDays(-10)));
        await app.Add(Posts.Make("Oldest dunnartword", Now.AddDays(-30)));

        await app.WithDb(async db =>
        {
            await db.SearchDocuments.ExecuteDeleteAsync();
            Assert.Empty((await Search("q=dunnartword")).Titles);
            await Chorus.Web.Features.Search.SearchIndexer.RebuildAsync(db, app.Services.GetRequiredService<IOptions<Chorus.Web.Infrastructure.SiteOptions>>().Value, default);
        });

        Assert.Equal(["Newer dunnartword", "Older dunnartword", "Oldest dunnartword"], (await Search("q=dunnartword")).Titles);
    }

    [Fact]
    public async Task Every_public_page_has_a_search_box_and_the_results_page_is_kept_from_search_engines()
    {
        await app.Add(Posts.Make("Search box post", Now.AddDays(-1)));
        foreach (var url in new[] { "/en/", "/fr/statements", "/ar/events", "/en/news/search-box-post", "/es/organizations" })
        {
            var (_, html) = await app.GetHtml(url);
            var form = html.QuerySelector("header form[role=search]")!;
            Assert.Equal(url[..3] + "/search", form.GetAttribute("action"));
            Assert.NotNull(form.QuerySelector("input[name=q]"));
            Assert.NotNull(html.QuerySelector($"label[for={form.QuerySelector("input")!.Id}]"));
        }
        var (_, results, _) = await Search("q=box");
        Assert.Equal("noindex", results.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Contains("Disallow: /*/search", await app.CreatePlainClient().GetStringAsync(new Uri("/robots.txt", UriKind.Relative)), StringComparison.Ordinal);
    }
}
