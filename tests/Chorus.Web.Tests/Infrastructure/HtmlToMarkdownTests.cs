using Chorus.Web.Infrastructure;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>HTML documents (an imported WordPress page) to the Markdown the site stores, and back to the same page.</summary>
[Trait("Database", "none")]
public sealed class HtmlToMarkdownTests
{
    private static string Md(string html) => HtmlToMarkdown.Blocks(HtmlToMarkdown.Parse(html));

    [Fact]
    public void Paragraphs_headings_emphasis_links_and_images_come_over()
    {
        Assert.Equal("## Programme\n\nOn **18 December** we meet [online](/en/events).\n\n![People marching](/media/abc-960.jpg)",
            Md("<h2>Programme</h2><p>On <strong>18 December</strong>\n we meet <a href=\"/en/events\">online</a>.</p><p><img src=\"/media/abc-960.jpg\" alt=\"People marching\"></p>"));
    }

    [Fact]
    public void Lists_nested_lists_quotes_tables_rules_and_code_keep_their_structure()
    {
        var markdown = Md("<ul><li>One<ul><li>One a</li></ul></li><li>Two</li></ul><ol start=\"3\"><li>Third</li></ol>"
            + "<blockquote><p>We call on States.</p><p>Now.</p></blockquote><hr><table><thead><tr><th>Region</th><th>Members</th></tr></thead>"
            + "<tbody><tr><td>Africa | North</td><td>90</td></tr></tbody></table><pre><code>x = 1</code></pre>");

        Assert.Equal("- One\n  - One a\n- Two\n\n3. Third\n\n> We call on States.\n>\n> Now.\n\n---\n\n| Region | Members |\n| --- | --- |\n| Africa \\| North | 90 |\n\n```\nx = 1\n```", markdown);
        var html = ContentMarkdown.ToSafeHtml(markdown);
        Assert.Contains("<td>Africa | North</td>", html, StringComparison.Ordinal);
        Assert.Contains("<li>One a</li>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Layout_wrappers_give_their_content_embeds_become_links_and_scripts_forms_and_styles_go()
    {
        var markdown = Md("<div class=\"wp-block-columns\"><div class=\"wp-block-column\"><p>A network.</p></div><div><a class=\"button\" href=\"/join\">Join us</a></div></div>"
            + "<figure><img src=\"/media/m.jpg\" alt=\"A march\"><figcaption>The 2020 march</figcaption></figure>"
            + "<iframe src=\"https://video.example/embed/1\"></iframe><script>alert(1)</script><style>p{}</style><form><input name=x></form>");

        Assert.Equal("A network.\n\n[Join us](/join)\n\n![A march](/media/m.jpg)\n\n*The 2020 march*\n\n<https://video.example/embed/1>", markdown);
        Assert.DoesNotContain("alert", ContentMarkdown.ToSafeHtml(markdown), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<p># not a heading</p>", "\\# not a heading")]
    [InlineData("<p>1. not a list</p>", "1\\. not a list")]
    [InlineData("<p>- not a list</p>", "\\- not a list")]
    [InlineData("<p>a *star* and [brackets]</p>", "a \\*star\\* and \\[brackets\\]")]
    [InlineData("<p><strong> spaced </strong>words</p>", "**spaced** words")]
    public void Text_that_looks_like_markdown_stays_text(string html, string markdown) => Assert.Equal(markdown, Md(html));
}
