using Chorus.Web.Features.Localization.Machine;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>What is sent to a translation service, and how its answer is put back, on a stand-in that upper-cases text.</summary>
/// <remarks>Needs no database: test.sh runs it once, in the SQLite pass.</remarks>
[Trait("Database", "none")]
public sealed class MarkdownTranslationTests
{
    private static Task<string> Shout(string html) =>
        Task.FromResult(System.Text.RegularExpressions.Regex.Replace(html, "(^|>)([^<]*)", m => m.Groups[1].Value + m.Groups[2].Value.ToUpperInvariant()));

    [Fact]
    public async Task Prose_is_translated_and_structure_links_and_code_are_kept()
    {
        const string Source = """
            # A heading

            Some *emphasis* and a [link to the report](https://example.org/Report_2021) in a sentence.

            - First item with `inline code`
            - Second item

            ```
            code block
            ```
            """;

        var result = await MarkdownTranslation.TranslateAsync(Source, Shout);

        Assert.Equal("""
            # A HEADING

            SOME *EMPHASIS* AND A [LINK TO THE REPORT](https://example.org/Report_2021) IN A SENTENCE.

            - FIRST ITEM WITH `inline code`
            - SECOND ITEM

            ```
            code block
            ```
            """.ReplaceLineEndings("\n"), result.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Images_tables_and_embeds_come_through_a_machine_draft_as_they_were()
    {
        const string Source = """
            Delegates at the forum: ![Delegates in the hall](/media/0123456789abcdef-960.jpg) and more.

            ![A chart of arrivals](/media/fedcba9876543210-1600.png)

            | Country | Arrivals |
            |---|---|
            | Chile | 1200 |

            <iframe src="https://video.example/embed/42" title="Recording"></iframe>

            https://video.example/watch/42
            """;

        var result = await MarkdownTranslation.TranslateAsync(Source, Shout);

        Assert.Equal("""
            DELEGATES AT THE FORUM: ![Delegates in the hall](/media/0123456789abcdef-960.jpg) AND MORE.

            ![A chart of arrivals](/media/fedcba9876543210-1600.png)

            | COUNTRY | ARRIVALS |
            |---|---|
            | CHILE | 1200 |

            <iframe src="https://video.example/embed/42" title="Recording"></iframe>

            https://video.example/watch/42
            """.ReplaceLineEndings("\n"), result.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Characters_that_mean_something_in_markdown_come_back_escaped()
    {
        var result = await MarkdownTranslation.TranslateAsync("Use a_b and [x] here.", Task.FromResult);

        Assert.Equal(@"Use a\_b and \[x\] here.", result);
    }
}
