using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.WordPress;
using Chorus.Web.Tests.Features.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Features.WordPress;

/// <summary>
/// The coalition's WordPress export imported through `import wordpress` once per test class (on SQLite and PostgreSQL):
/// march.jpg is under the uploads folder, panel.png is not, and the PDF's recorded path leads out of it.
/// </summary>
public sealed class ImportedSiteApp : EmptyChorusFactory
{
    public static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "Features", "WordPress", "coalition.wxr.xml");

    public string FirstRun { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var (code, output, errors) = await ImportAsync();
        Assert.True(code == 0, errors);
        FirstRun = output;
    }

    public async Task<(int Code, string Output, string Errors)> ImportAsync(params string[] more)
    {
        var uploads = Directory.CreateTempSubdirectory("chorus-wp-uploads-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(uploads, "2021", "12"));
            await File.WriteAllBytesAsync(Path.Combine(uploads, "2021", "12", "march.jpg"), IdentityApp.Jpeg(1200, 800));
            await using var scope = Services.CreateAsyncScope();
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var code = await WordPressExtensions.RunAsync(scope.ServiceProvider, ["wordpress", Fixture, "--uploads", uploads, "--statements", "statements", .. more], output, errors);
            return (code, output.ToString(), errors.ToString());
        }
        finally
        {
            Directory.Delete(uploads, recursive: true);
        }
    }
}

public sealed class WordPressImportTests(ImportedSiteApp app) : IClassFixture<ImportedSiteApp>
{
    private HttpClient Reader() => app.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string path)
    {
        var response = await Reader().GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task The_import_reports_what_it_did()
    {
        var lines = app.FirstRun.Split('\n', StringSplitOptions.TrimEntries);
        // Nine posts (one of them the French translation of another) and one page.
        Assert.Contains("Posts, pages and translations: 10 added, 0 updated, 0 unchanged", lines);
        Assert.Contains("Media: 1 added, 0 already here, 1 missing, 1 refused", lines);
        Assert.Contains("missing: 2021/11/panel.png (posts keep a plain link to it)", lines);
        Assert.Contains("Comments: 2 skipped (Chorus has none)", lines);
    }

    [SkippableFact]
    public async Task Posts_keep_their_titles_dates_authors_statuses_categories_tags_and_featured_image()
    {
        var posts = await app.WithDb(db => db.Posts.AsNoTracking().Include(p => p.Categories).Include(p => p.Translations).ToListAsync());
        var day = posts.Single(p => p.Slug == "international-migrants-day-2021");
        Assert.Equal(("International Migrants Day 2021", PostStatus.Published, "Amina Khalil", "en"), (day.Title, day.Status, day.AuthorName, day.Culture));
        // The GMT field: 09:00 in the site's zone was 08:00 UTC.
        Assert.Equal(new DateTime(2021, 12, 16, 8, 0, 0, DateTimeKind.Utc), DateTime.SpecifyKind(day.PublishedAt!.Value, DateTimeKind.Utc));
        Assert.Equal(["news"], day.Categories.Select(c => c.Slug));
        Assert.Equal(["Regular pathways"], day.Tags);
        Assert.NotNull(day.ImageId);
        Assert.Equal("A day of online events around the world.", day.Summary);
        // The WPML pair is one post with its French translation, written by a person.
        var french = Assert.Single(day.Translations);
        Assert.Equal(("fr", "Journée internationale des migrants 2021", TranslationState.Human), (french.Culture, french.Title, french.State));

        Assert.Equal((PostStatus.Scheduled, new DateTime(2030, 3, 1, 9, 0, 0)), posts.Single(p => p.Slug == "next-years-assembly") is var s ? (s.Status, s.PublishedAt!.Value) : default);
        Assert.Equal(PostStatus.Draft, posts.Single(p => p.Slug == "internal-notes").Status);
        Assert.Equal(PostStatus.Draft, posts.Single(p => p.Slug == "a-draft").Status);
        Assert.NotNull(posts.Single(p => p.Slug == "old-announcement").DeletedAt);
        Assert.Equal(PostKind.Page, posts.Single(p => p.Slug == "about").Kind);
        // In "Statements to the UN", under "Statements": a statement, its speaker left for the secretariat.
        var statement = posts.Single(p => p.Slug == "joint-statement-global-forum");
        Assert.Equal(PostKind.Statement, statement.Kind);
        Assert.Equal("Joint statement to the Global Forum", statement.Title);
        Assert.Equal(PostKind.Statement, posts.Single(p => p.Slug == "بيان").Kind);
        Assert.Equal(PostKind.News, posts.Single(p => p.Slug == "weekly-webinars").Kind);
    }

    [SkippableFact]
    public async Task Pages_show_the_content_with_images_from_this_site_links_rewritten_and_nothing_injected()
    {
        var day = await PageAsync("/en/news/international-migrants-day-2021");
        var body = day.QuerySelector("main")!;
        Assert.All(day.QuerySelectorAll("img"), img => Assert.StartsWith("/media/", img.GetAttribute("src"), StringComparison.Ordinal));
        Assert.Contains(body.QuerySelectorAll("img"), img => img.GetAttribute("alt") == "People marching with banners");
        Assert.Contains("The 2020 march in Brussels", body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(body.QuerySelector("a[href='/en/news/weekly-webinars']"));
        Assert.NotNull(body.QuerySelector("a[href='https://www.youtube.com/watch?v=abc123']"));
        Assert.DoesNotContain("wp:", day.DocumentElement.OuterHtml, StringComparison.Ordinal);

        var webinars = (await PageAsync("/en/news/weekly-webinars")).QuerySelector("main")!;
        Assert.NotNull(webinars.QuerySelector("a[href='/en/news/international-migrants-day-2021']"));
        // panel.png was not under the uploads: a plain link where it was, never a broken image or one from elsewhere.
        Assert.NotNull(webinars.QuerySelector("a[href='/wp-content/uploads/2021/11/panel.png']"));
        Assert.All(webinars.QuerySelectorAll("img"), img => Assert.StartsWith("/media/", img.GetAttribute("src"), StringComparison.Ordinal));
        // WordPress's resized copy (march-300x200.jpg) is the library's march.jpg.
        Assert.StartsWith("/media/", webinars.QuerySelector("img[alt='The march, small']")?.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Contains("[contact-form-7", webinars.TextContent, StringComparison.Ordinal);

        var statement = await PageAsync("/en/news/joint-statement-global-forum");
        var html = statement.QuerySelector("main")!.InnerHtml;
        // The page's own structured data is the only script; the post's script, frame and handlers are gone.
        Assert.All(statement.QuerySelectorAll("script"), s => Assert.Equal("application/ld+json", s.GetAttribute("type")));
        Assert.Null(statement.QuerySelector("main iframe, main [onclick], main [onerror]"));
        Assert.DoesNotContain("alert(", html, StringComparison.Ordinal);
        // The frame from elsewhere is at most a link now: nothing on the page loads from another origin.
        Assert.DoesNotContain(statement.QuerySelectorAll("[src]"), e => e.GetAttribute("src")!.Contains("://", StringComparison.Ordinal));
        Assert.Contains("We call on States to act.", statement.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Joint statement to the Global Forum", statement.QuerySelector("h1")!.TextContent.Trim());

        var french = await PageAsync("/fr/news/international-migrants-day-2021");
        Assert.Equal("Journée internationale des migrants 2021", french.QuerySelector("h1")!.TextContent.Trim());
        var about = await PageAsync("/en/pages/about");
        Assert.NotNull(about.QuerySelector("main table"));
        Assert.NotNull(about.QuerySelector("main a[href='/join/']"));

        foreach (var hidden in new[] { "/en/news/next-years-assembly", "/en/news/internal-notes", "/en/news/old-announcement" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await Reader().GetAsync(new Uri(hidden, UriKind.Relative))).StatusCode);
        }
    }

    [SkippableTheory]
    [InlineData("/2021/12/16/international-migrants-day-2021/", "/en/news/international-migrants-day-2021")]
    [InlineData("/2021/12/international-migrants-day-2021/", "/en/news/international-migrants-day-2021")]
    [InlineData("/international-migrants-day-2021/", "/en/news/international-migrants-day-2021")]
    [InlineData("/?p=101", "/en/news/international-migrants-day-2021")]
    [InlineData("/fr/2021/12/16/journee-internationale-des-migrants-2021/", "/fr/news/international-migrants-day-2021")]
    [InlineData("/?p=102", "/fr/news/international-migrants-day-2021")]
    [InlineData("/2021/09/10/%d8%a8%d9%8a%d8%a7%d9%86/", "/en/news/%D8%A8%D9%8A%D8%A7%D9%86")]
    [InlineData("/about/", "/en/pages/about")]
    [InlineData("/?page_id=2", "/en/pages/about")]
    [InlineData("/category/news/", "/en/category/news")]
    [InlineData("/category/un-statements/", "/en/category/un-statements")]
    [InlineData("/tag/regular-pathways/", "/en/search?q=Regular%20pathways")]
    [InlineData("/feed/", "/en/feed.xml")]
    [InlineData("/fr/feed/", "/fr/feed.xml")]
    [InlineData("/category/news/feed/", "/en/category/news/feed.xml")]
    public async Task Every_old_permalink_answers_301_to_the_new_address_which_answers_200(string old, string now)
    {
        var response = await Reader().GetAsync(new Uri(old, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(now, response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await Reader().GetAsync(response.Headers.Location)).StatusCode);
    }

    [SkippableFact]
    public async Task An_uploaded_file_s_old_address_leads_to_the_media_library_and_unknown_old_paths_get_the_404_page()
    {
        var file = await Reader().GetAsync(new Uri("/wp-content/uploads/2021/12/march.jpg", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, file.StatusCode);
        Assert.StartsWith("/media/", file.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Reader().GetAsync(file.Headers.Location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader().GetAsync(new Uri("/2019/01/01/never-was/", UriKind.Relative))).StatusCode);
        // A trashed post's and a draft's addresses were never public: they lead nowhere still, rather than to a page that is not there.
        Assert.Equal(HttpStatusCode.NotFound, (await Reader().GetAsync(new Uri("/2020/01/10/old-announcement/", UriKind.Relative))).StatusCode);
        // WordPress's own address of the draft is just the home page here: to the reader's language, not to the draft.
        var draft = await Reader().GetAsync(new Uri("/?p=107", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Found, draft.StatusCode);
        Assert.Matches("^/en/?$", draft.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal).Split('?')[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await Reader().GetAsync(new Uri("/wp-content/uploads/2021/11/panel.png", UriKind.Relative))).StatusCode);
    }

    [SkippableFact]
    public async Task A_dry_run_after_the_import_says_which_items_are_already_here_and_writes_nothing()
    {
        var posts = await app.WithDb(db => db.Posts.CountAsync());

        var (code, output, errors) = await app.ImportAsync("--dry-run");

        Assert.True(code == 0, errors);
        // Ten posts and pages (the French one included) and the one attachment whose file was found.
        Assert.Contains("Already here from an earlier import: 11 of the 13 posts, pages and attachments (they will be updated, not added again)", output, StringComparison.Ordinal);
        Assert.Equal(posts, await app.WithDb(db => db.Posts.CountAsync()));
    }

    [SkippableFact]
    public async Task Importing_the_same_export_again_adds_nothing_and_changes_nothing()
    {
        var counts = () => app.WithDb(async db => (await db.Posts.CountAsync(), await db.Set<PostTranslation>().CountAsync(), await db.Media.CountAsync(),
            await db.OldAddresses.CountAsync(), await db.Categories.CountAsync()));
        var before = await counts();

        var (code, output, errors) = await app.ImportAsync();

        Assert.True(code == 0, errors);
        Assert.Contains("Posts, pages and translations: 0 added, 0 updated, 10 unchanged", output, StringComparison.Ordinal);
        Assert.Contains("Media: 0 added, 1 already here", output, StringComparison.Ordinal);
        Assert.Equal(before, await counts());
    }
}

/// <summary>A file that is not a whole export writes nothing at all.</summary>
public sealed class WordPressImportRefusalTests(EmptyWordPressApp app) : IClassFixture<EmptyWordPressApp>
{
    [SkippableFact]
    public async Task An_export_cut_short_is_refused_before_anything_is_written()
    {
        var whole = await File.ReadAllTextAsync(ImportedSiteApp.Fixture);
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, whole[..(whole.Length * 3 / 4)]);
            await using var scope = app.Services.CreateAsyncScope();
            using var output = new StringWriter();
            using var errors = new StringWriter();
            Assert.Equal(1, await WordPressExtensions.RunAsync(scope.ServiceProvider, ["wordpress", file], output, errors));
            Assert.Contains("cut short", errors.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, await app.WithDb(db => db.Posts.CountAsync()));
            Assert.Equal(0, await app.WithDb(db => db.OldAddresses.CountAsync()));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class EmptyWordPressApp : EmptyChorusFactory;
