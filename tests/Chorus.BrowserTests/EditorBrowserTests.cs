using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>
/// The staff's rich text editor (wwwroot/lib/editor/editor.js) on a post, in Chromium: writing with the toolbar and the
/// keyboard, pasting from Word, dropping an image, linking to an event found by searching, the preview against the public
/// page; the same post with JavaScript off; the media dialog choosing a featured image.
/// </summary>
[Collection(StaffTests.Name)]
public sealed class EditorBrowserTests(LiveSite site)
{
    // What Word puts on the clipboard: classes, fonts and colours, a list typed as paragraphs with a bullet, an image that
    // lives elsewhere.
    private const string WordFragment = """
        <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:Calibri}</style></head><body>
        <p class=MsoNormal><b><span style='font-family:"Calibri",sans-serif;color:#C00000'>Bold words</span></b><span style='font-size:14.0pt'> and plain ones</span><o:p></o:p></p>
        <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>First point<o:p></o:p></p>
        <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]>Second point<o:p></o:p></p>
        <p class=MsoNormal><img width=200 height=100 src="https://tracker.example/pixel.png"></p>
        </body></html>
        """;

    private static ILocator Body(IPage page) => page.GetByRole(AriaRole.Textbox, new() { Name = "Text (Markdown)" });

    private static Task<string> MarkdownAsync(IPage page) => page.Locator("#Input_Body").EvaluateAsync<string>("t => t.value");

    /// <summary>Waits until the Markdown the form will post holds <paramref name="expected"/> (the editor writes it back after a pause).</summary>
    private static async Task<string> MarkdownHoldingAsync(IPage page, string expected)
    {
        try
        {
            await page.WaitForFunctionAsync("s => document.getElementById('Input_Body').value.includes(s)", expected, new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The Markdown never held «{expected}»:\n{await MarkdownAsync(page)}");
        }
        return await MarkdownAsync(page);
    }

    private static async Task CheckAsync(IPage page, PageWatch watch)
    {
        var axe = await page.RunAxe(PageQualityTests.Wcag);
        Assert.True(axe.Violations.Length == 0, $"{page.Url}:\n{PageQualityTests.Describe(axe)}");
        Assert.Empty(watch.ForeignRequests);
        Assert.True(watch.ConsoleErrors.Count == 0, string.Join('\n', watch.ConsoleErrors));
    }

    [BrowserTheory]
    [InlineData("en", "Programme", "We meet", "online", "The day's programme")]
    [InlineData("ar", "البرنامج", "نلتقي", "عبر الإنترنت", "برنامج اليوم")]
    public async Task An_editor_writes_pastes_illustrates_links_and_previews_a_post_as_the_public_page_shows_it(
        string culture, string heading, string words, string strong, string linkText)
    {
        var (context, page, watch) = await site.SignedInAsync();
        await using var _ = context;
        var form = await page.GotoAsync(site.BaseUrl + "/admin/posts/new", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var (exitCode, problems) = await HtmlValidity.ValidateAsync(await form!.TextAsync());
        Assert.True(exitCode == 0, problems);
        var slug = $"rich-editor-{culture}-{Guid.NewGuid():N}"[..24];
        await page.GetByLabel("Title").FillAsync($"Rich editor {culture}");
        await page.GetByLabel("Address (slug)").FillAsync(slug);
        await page.Locator("#Input_Culture").SelectOptionAsync(culture);
        // A static page: listed nowhere, so its mixed-language test text stays off the pages other tests read.
        await page.Locator("#Input_Kind").SelectOptionAsync("Page");

        // The toolbar and the keyboard.
        await Body(page).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Heading", Exact = true }).ClickAsync();
        await page.Keyboard.TypeAsync(heading);
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(words + " ");
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync(strong);
        await page.Keyboard.PressAsync("Control+b");
        await page.Keyboard.TypeAsync(".");
        Assert.Equal("false", await page.GetByRole(AriaRole.Button, new() { Name = "Bold", Exact = true }).GetAttributeAsync("aria-pressed"));
        // The full stop is in before Enter is pressed, as when a person types: on a loaded machine a key sent within the
        // same millisecond once split the paragraph before the editor had read the full stop from the page.
        var markdown = await MarkdownHoldingAsync(page, $"**{strong}**.");
        Assert.Contains($"## {heading}\n\n{words} **{strong}**.", markdown);
        await page.Keyboard.PressAsync("Enter");
        if (culture == "ar")
        {
            Assert.Equal("rtl", await page.Locator(".rte-content h2").EvaluateAsync<string>("h => getComputedStyle(h).direction"));
        }

        // Pasted from Word: bold, plain words and a list kept, fonts and colours gone, the outside image left out and said.
        await page.Locator(".rte-content").EvaluateAsync("""
            (el, html) => {
              const data = new DataTransfer();
              data.setData("text/html", html);
              data.setData("text/plain", "Bold words and plain ones");
              el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
            }
            """, WordFragment);
        markdown = await MarkdownHoldingAsync(page, "Second point");
        Assert.Contains("**Bold words** and plain ones", markdown);
        Assert.Matches(@"(?m)^[-*+] First point\n[-*+] Second point$", markdown);
        Assert.DoesNotContain("tracker.example", markdown);
        Assert.DoesNotContain("Calibri", markdown);
        Assert.DoesNotContain("Mso", markdown);
        Assert.DoesNotContain("·", markdown);
        Assert.Equal("Images from other websites were left out (1): save them and upload them with the Image button.",
            await page.Locator(".rte-note").TextContentAsync());

        // An image dropped on the text: its alternative text is asked first, then it is in the media library and the text.
        await page.Locator(".rte-content").EvaluateAsync("""
            async (el) => {
              const canvas = document.createElement("canvas");
              canvas.width = 60; canvas.height = 40;
              const g = canvas.getContext("2d"); g.fillStyle = "#7a1f5c"; g.fillRect(0, 0, 60, 40);
              const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
              const data = new DataTransfer();
              data.items.add(new File([blob], "march.png", { type: "image/png" }));
              const box = el.getBoundingClientRect();
              el.dispatchEvent(new DragEvent("drop", { dataTransfer: data, clientX: box.left + 5, clientY: box.bottom - 5, bubbles: true, cancelable: true }));
            }
            """);
        var ask = page.GetByRole(AriaRole.Dialog, new() { Name = "Describe the image" });
        await ask.GetByRole(AriaRole.Button, new() { Name = "Insert", Exact = true }).ClickAsync();
        Assert.Equal("Describe the image for people who cannot see it.", await ask.Locator("[role=status]").TextContentAsync());
        await ask.GetByLabel("Alternative text (what the image shows)").FillAsync($"People marching {culture}");
        await ask.GetByRole(AriaRole.Button, new() { Name = "Insert", Exact = true }).ClickAsync();
        markdown = await MarkdownHoldingAsync(page, $"![People marching {culture}](/media/");
        var src = await page.Locator($".rte-content img[alt='People marching {culture}']").GetAttributeAsync("src");
        Assert.Matches("^/media/[0-9a-f]+-[0-9]+\\.png$", src);
        Assert.Equal(200, (await page.APIRequest.GetAsync(site.BaseUrl + src)).Status);

        // A link to an event found by a few words of its title (Ctrl+K), in the language the post is written in.
        await page.Locator(".rte-content").ClickAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync(linkText);
        await page.Keyboard.PressAsync("Shift+Home");
        await page.Keyboard.PressAsync("Control+k");
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Link" });
        await dialog.GetByLabel("Find a page of this site").FillAsync("migrants day");
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^International Migrants Day 2021 Event") }).ClickAsync();
        markdown = await MarkdownHoldingAsync(page, $"[{linkText}](/{culture}/events/international-migrants-day-2021)");

        // A table from the toolbar.
        await page.Keyboard.PressAsync("Control+End");
        await page.GetByRole(AriaRole.Button, new() { Name = "Table", Exact = true }).ClickAsync();
        await page.Keyboard.TypeAsync("Time");
        markdown = await MarkdownHoldingAsync(page, "Time");
        Assert.Matches(@"(?m)^\|\s*Time\s*\|.*\|\s*$\n^\|\s*-{3,}", markdown);

        // The preview beside the text is the public page's body.
        await page.Locator(".rte-b-preview").ClickAsync();
        var preview = page.Locator(".rte-preview-body");
        await preview.Locator("table").WaitForAsync();
        await CheckAsync(page, watch);
        var previewed = await preview.InnerHTMLAsync();

        await page.GetByLabel("Status").SelectOptionAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved.", await page.Locator("[role=status]").First.TextContentAsync());
        var saved = await MarkdownAsync(page);
        Assert.Equal(markdown.Trim().ReplaceLineEndings("\n"), saved.Trim().ReplaceLineEndings("\n"));

        var (reader, tab, seen) = await PageWatch.Open(site);
        await using var __ = reader;
        await tab.GotoAsync($"{site.BaseUrl}/{culture}/pages/{slug}");
        Assert.Equal(Squeeze(previewed), Squeeze(await tab.Locator("article .body, main .body").First.InnerHTMLAsync()));
        Assert.Equal($"People marching {culture}", await tab.Locator(".body img").GetAttributeAsync("alt"));
        Assert.Empty(seen.ConsoleErrors);
        await CheckAsync(page, watch);
    }

    [BrowserFact]
    public async Task A_post_written_in_the_editor_is_edited_with_javascript_off_as_markdown_and_keeps_what_it_had()
    {
        var slug = $"no-script-{Guid.NewGuid():N}"[..20];
        var (context, page, _) = await site.SignedInAsync();
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/admin/posts/new", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByLabel("Title").FillAsync("Written with and without script");
        await page.GetByLabel("Address (slug)").FillAsync(slug);
        await Body(page).ClickAsync();
        await page.Keyboard.TypeAsync("A first ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Italic", Exact = true }).ClickAsync();
        await page.Keyboard.TypeAsync("careful");
        await page.GetByRole(AriaRole.Button, new() { Name = "Italic", Exact = true }).ClickAsync();
        await page.Keyboard.TypeAsync(" draft.");
        await MarkdownHoldingAsync(page, "*careful*");
        await page.GetByLabel("Status").SelectOptionAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved.", await page.Locator("[role=status]").First.TextContentAsync());
        var edit = page.Url;

        var (plain, noScript, watch) = await site.SignedInAsync(javaScript: false);
        await using var __ = plain;
        await noScript.GotoAsync(edit);
        var area = noScript.GetByLabel("Text (Markdown)");
        Assert.Equal("A first *careful* draft.", (await area.InputValueAsync()).Trim());
        Assert.Equal(0, await noScript.Locator(".rte").CountAsync());
        await area.FillAsync("A first *careful* draft.\n\nA second paragraph with a [link](/en/events).");
        await noScript.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved.", await noScript.Locator("[role=status]").First.TextContentAsync());

        await noScript.GotoAsync($"{site.BaseUrl}/en/news/{slug}");
        Assert.Equal("careful", await noScript.Locator("main .body em").TextContentAsync());
        Assert.Equal("/en/events", await noScript.Locator("main .body a").GetAttributeAsync("href"));
        Assert.Empty(watch.ConsoleErrors);

        // Back in the editor with script, the text opens as it was saved and stays byte for byte until changed.
        await page.GotoAsync(edit, new() { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.Equal("a second paragraph with a link.", (await page.Locator(".rte-content p").Nth(1).TextContentAsync())!.ToLowerInvariant());
        Assert.Equal("A first *careful* draft.\n\nA second paragraph with a [link](/en/events).", (await MarkdownAsync(page)).Trim().ReplaceLineEndings("\n"));
    }

    [BrowserFact]
    public async Task The_media_dialog_uploads_a_featured_image_in_place_and_finds_it_again_by_searching()
    {
        var slug = $"picked-{Guid.NewGuid():N}"[..18];
        var alt = $"Volunteers at the border {slug[7..]}";
        var (context, page, watch) = await site.SignedInAsync();
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/admin/posts/new", new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByLabel("Title").FillAsync("A post with a picked image");
        await page.GetByLabel("Address (slug)").FillAsync(slug);
        await Body(page).ClickAsync();
        await page.Keyboard.TypeAsync("Some words.");
        var field = page.GetByRole(AriaRole.Group, new() { Name = "Featured image" });
        Assert.False(await field.GetByRole(AriaRole.Radio).First.IsVisibleAsync()); // the dialog replaces the list
        Assert.Equal("No image", await field.Locator(".picker-current").TextContentAsync());

        await field.GetByRole(AriaRole.Button, new() { Name = "Choose an image" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Media library" });
        // The library's newest items have arrived (or it said there are none).
        await page.WaitForFunctionAsync("() => document.querySelector('dialog[open] p[role=status]')?.textContent.length > 0");
        await CheckAsync(page, watch);
        var png = Convert.FromBase64String((await page.EvaluateAsync<string>("""
            () => { const c = document.createElement("canvas"); c.width = 90; c.height = 60;
                    const g = c.getContext("2d"); g.fillStyle = "#1f5c7a"; g.fillRect(0, 0, 90, 60);
                    return c.toDataURL("image/png"); }
            """)).Split(',')[1]);
        await dialog.GetByLabel("File").SetInputFilesAsync(new FilePayload { Name = "volunteers.png", MimeType = "image/png", Buffer = png });
        await dialog.GetByLabel("Alternative text (what the image shows)").FillAsync(alt);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Upload a new file" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(field.Locator(".picker-current")).ToHaveTextAsync($"Chosen: {alt}");

        // Chosen again from the library by a word of its description, after choosing none.
        await field.GetByRole(AriaRole.Button, new() { Name = "No image" }).ClickAsync();
        Assert.Equal("No image", await field.Locator(".picker-current").TextContentAsync());
        await field.GetByRole(AriaRole.Button, new() { Name = "Choose an image" }).ClickAsync();
        await dialog.GetByLabel("Search the media library").FillAsync(slug[7..]);
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Choose: {alt}" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(field.Locator(".picker-current")).ToHaveTextAsync($"Chosen: {alt}");

        await page.GetByLabel("Status").SelectOptionAsync("Published");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved.", await page.Locator("[role=status]").First.TextContentAsync());
        await page.GotoAsync($"{site.BaseUrl}/en/news/{slug}");
        Assert.Equal(alt, await page.Locator("img.featured").GetAttributeAsync("alt"));
        Assert.Empty(watch.ConsoleErrors);
    }

    [BrowserFact]
    public async Task A_menu_change_appears_at_once_on_public_pages_in_two_languages()
    {
        var (context, page, watch) = await site.SignedInAsync();
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/admin/menus");
        // The first empty link of the form.
        var free = await page.Locator("input[id$='-target']").EvaluateAllAsync<string>("inputs => inputs.find(i => !i.value).id");
        var i = free.Split('-')[1];
        await page.Locator($"#items-{i}-target").FillAsync("/events/international-migrants-day-2021");
        await page.Locator($"#items-{i}-position").FillAsync("2");
        await page.Locator($"#items-{i}-labels-0").FillAsync("Migrants Day");
        await page.Locator($"#items-{i}-labels-1").FillAsync("Journée des migrants");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved.", await page.Locator("[role=status]").First.TextContentAsync());

        foreach (var (culture, label) in new[] { ("en", "Migrants Day"), ("fr", "Journée des migrants") })
        {
            var (reader, tab, seen) = await PageWatch.Open(site);
            await using var __ = reader;
            await tab.GotoAsync($"{site.BaseUrl}/{culture}/news");
            var link = tab.Locator("header nav a", new() { HasText = label });
            Assert.Equal($"/{culture}/events/international-migrants-day-2021", await link.GetAttributeAsync("href"));
            await link.ClickAsync();
            Assert.Equal("International Migrants Day 2021", (await tab.Locator("main h1").TextContentAsync())!.Trim());
            Assert.Empty(seen.ConsoleErrors);
        }

        // Removed again, so other tests meet the menu they expect.
        await page.Locator($"#items-{i}-target").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        Assert.Equal("Saved.", await page.Locator("[role=status]").First.TextContentAsync());
        Assert.Empty(watch.ConsoleErrors);
    }

    [BrowserFact]
    public async Task A_campaign_s_pdf_is_uploaded_and_chosen_in_the_media_dialog_and_its_address_written_in_the_field()
    {
        var (context, page, watch) = await site.SignedInAsync();
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/admin/campaigns/new", new() { WaitUntil = WaitUntilState.NetworkIdle });
        var field = page.GetByLabel("Document (PDF address from the media library, optional)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a PDF" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Media library" });
        var name = $"position-paper-{Guid.NewGuid():N}.pdf"[..27];
        await dialog.GetByLabel("File").SetInputFilesAsync(new FilePayload
        {
            Name = name, MimeType = "application/pdf",
            Buffer = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {Guid.NewGuid()}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Upload a new file" }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^/media/[0-9a-f]{16}\\.pdf$"));

        // Found again by its name, among documents only.
        await field.FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Choose a PDF" }).ClickAsync();
        await dialog.GetByLabel("Search the media library").FillAsync(name[..20]);
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Choose: {name}" }).ClickAsync();
        await Assertions.Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^/media/[0-9a-f]{16}\\.pdf$"));
        Assert.Empty(watch.ConsoleErrors);
    }

    private static string Squeeze(string html) => string.Join(' ', html.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
