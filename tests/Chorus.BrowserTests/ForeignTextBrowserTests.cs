using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>
/// WCAG 3.1.2 on every public page type in Arabic and Chinese: the demo's content is English (and some French and Spanish),
/// so a run of Latin-script words on these pages is another language's text and must be inside an element whose lang says
/// which. Names of organisations (links to their profiles, names marked translate="no") are proper names, which 3.1.2
/// leaves out.
/// </summary>
public sealed partial class ForeignTextBrowserTests(LiveSite site) : IClassFixture<LiveSite>
{
    // In the page: every text node with three or more Latin-script words in a row whose nearest lang is the page's.
    private const string Unmarked = """
        () => {
          const page = document.documentElement.lang;
          const latin = /[A-Za-z\u00C0-\u024F]{2,}(?:[\s'’,:–]+[A-Za-z\u00C0-\u024F]{2,}){2,}/; // hyphenated terms (If-None-Match) are one word
          const skip = 'script, style, svg, code, pre, [translate=no], a[href*="/organizations/"], input, textarea, select, option';
          const found = [];
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const text = node.textContent.trim();
            if (!latin.test(text) || node.parentElement.closest(skip)) continue;
            const marked = node.parentElement.closest('[lang]');
            if (marked && marked.lang === page) found.push(node.parentElement.tagName.toLowerCase() + ': ' + text.slice(0, 70));
          }
          return found.slice(0, 8);
        }
        """;

    [BrowserFact]
    public async Task Every_page_type_in_arabic_and_chinese_marks_text_in_another_language()
    {
        var (context, page, _) = await PageWatch.Open(site);
        await using var _ = context;
        var problems = new List<string>();
        foreach (var name in PageTypes.All.Keys)
        {
            var path = PageTypes.PathOf(site, name);
            if (!Culture().IsMatch(path))
            {
                continue; // the sign-in pages have no language in their address
            }
            foreach (var culture in new[] { "ar", "zh" })
            {
                var url = Culture().Replace(path, $"/{culture}/", 1);
                await page.GotoAsync(site.BaseUrl + url);
                foreach (var text in await page.EvaluateAsync<string[]>(Unmarked))
                {
                    problems.Add($"{name} ({url}): {text}");
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [GeneratedRegex("^/[a-z]{2}/")]
    private static partial Regex Culture();
}
