using Chorus.Web.Features.WordPress;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Tests.Features.WordPress;

/// <summary>WordPress content (block markup, classic HTML, shortcodes) to the Markdown Chorus stores, addresses rewritten.</summary>
[Trait("Database", "none")]
public sealed class WordPressContentTests
{
    private static readonly Dictionary<int, ImportedImage> Attachments = new()
    {
        [201] = new("/media/0123456789abcdef-960.jpg", "People marching with banners"),
        [202] = new("/media/fedcba9876543210-600.png", "Speakers of the first webinar"),
    };

    private static readonly Dictionary<string, string> Moved = new(StringComparer.Ordinal)
    {
        ["https://crossroads.example/wp-content/uploads/2021/12/march.jpg"] = Attachments[201].Url,
        ["https://crossroads.example/wp-content/uploads/2021/11/panel.png"] = Attachments[202].Url,
        ["https://crossroads.example/2021/11/30/weekly-webinars/"] = "/en/news/weekly-webinars",
        ["https://crossroads.example/?p=101"] = "/en/news/international-migrants-day-2021",
    };

    private static WxrItem Item(int id)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Features", "WordPress", "coalition.wxr.xml"));
        return new Wxr(stream).Items().Single(i => i.Id == id);
    }

    private static string Convert(int id) => WordPressContent.ToMarkdown(Item(id).Content, url => Moved.GetValueOrDefault(url, url), Attachments);

    [Fact]
    public void Block_markup_becomes_markdown_with_the_image_and_the_link_at_their_new_addresses()
    {
        Assert.Equal(
            "On **18 December** we mark International Migrants Day with a day of [online events](/en/news/weekly-webinars).\n\n"
            + "## Programme\n\n- 10:00 Opening\n- 12:00 Regional panels\n\n"
            + "![People marching with banners](/media/0123456789abcdef-960.jpg)\n\n*The 2020 march in Brussels*\n\n"
            + "[https://www.youtube.com/watch?v=abc123](https://www.youtube.com/watch?v=abc123)",
            Convert(101));
    }

    [Fact]
    public void Classic_content_gets_its_paragraphs_captions_galleries_and_internal_links_and_keeps_unknown_shortcodes_as_text()
    {
        var markdown = Convert(103);

        Assert.StartsWith("Every Tuesday from 16 November.", markdown, StringComparison.Ordinal);
        Assert.Contains("![Speakers of the first webinar](/media/fedcba9876543210-600.png)\n\n*Speakers of the first webinar*", markdown, StringComparison.Ordinal);
        // The gallery: both images from the library.
        Assert.Contains("![People marching with banners](/media/0123456789abcdef-960.jpg)", markdown, StringComparison.Ordinal);
        Assert.Contains("\\[contact-form-7 id=\"12\" title=\"Contact\"\\]", markdown, StringComparison.Ordinal);
        Assert.Contains("Read [our call for the day](/en/news/international-migrants-day-2021).", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Columns_buttons_and_tables_of_a_page_come_over_flat()
    {
        Assert.Equal("A network of 300 organisations.\n\n[Join us](https://crossroads.example/join/)\n\n| Region | Members |\n| --- | --- |\n| Africa | 90 |", Convert(2));
    }

    [Fact]
    public void Scripts_event_handlers_and_frames_in_imported_content_do_not_reach_the_page()
    {
        var html = ContentMarkdown.ToSafeHtml(Convert(104));

        Assert.Contains("Delivered at the Forum.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", html, StringComparison.Ordinal);
        // The frame is a plain link now: nothing is loaded from the other site when the page opens.
        Assert.DoesNotContain("<iframe", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://tracker.example/\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal); // src="x" is no address of this site
    }
}
