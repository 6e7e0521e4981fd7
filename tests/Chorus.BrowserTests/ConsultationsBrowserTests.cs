using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>Answering a consultation in Chromium: in Arabic with JavaScript off, ranking with the keyboard alone, a PDF attached.</summary>
public sealed class ConsultationsBrowserTests(LiveSite site) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task A_person_answers_in_arabic_with_javascript_off_ranking_with_the_keyboard_alone()
    {
        var (context, page, _) = await PageWatch.Open(site, new BrowserNewContextOptions { JavaScriptEnabled = false });
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/ar/consultations/coalition-priorities-consultation");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));

        // Sent with nothing typed but a PDF chosen: every required question says so inside its own fieldset, and the PDF
        // is kept (a file field cannot be filled again).
        await page.Locator("fieldset.question input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "مساهمتنا.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"u8.ToArray(),
        });
        await page.Locator("form.answers button[type=submit]").First.ClickAsync();
        Assert.True(await page.Locator("fieldset.question.invalid").CountAsync() >= 3);
        Assert.Contains("مساهمتنا.pdf", await page.Locator("fieldset.question .file-kept").TextContentAsync(), StringComparison.Ordinal);

        await page.Locator("input[name='Input.AnsweringAs'][value=individual]").CheckAsync();
        await page.Locator("fieldset.question input[type=checkbox]").First.CheckAsync();
        // The ranking: each option has a rank chosen from a list, reached and set from the keyboard.
        var ranks = page.Locator("ul.ranking select");
        await ranks.Nth(2).FocusAsync();
        await page.Keyboard.PressAsync("1");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("2");
        Assert.Equal(("1", "2"), (await ranks.Nth(2).InputValueAsync(), await ranks.Nth(3).InputValueAsync()));
        await page.Locator("fieldset.question textarea").First.FillAsync("تُرفض تأشيرات مندوبينا.");
        await page.Locator("#Input_Name").FillAsync("سلمى");
        await page.Locator("#Input_Email").FillAsync("salma@browser-consultation.example");
        await page.Locator("form.answers button[type=submit]").First.ClickAsync();

        Assert.EndsWith("?sent=1#done", page.Url, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("fieldset.question.invalid").CountAsync());
        Assert.NotNull(await page.Locator("#done").TextContentAsync());
    }

    [BrowserFact]
    public async Task A_form_larger_than_the_site_takes_is_answered_with_what_went_wrong()
    {
        var (context, page, _) = await PageWatch.Open(site);
        await using var _ = context;
        await page.GotoAsync(site.BaseUrl + "/en/consultations/coalition-priorities-consultation");
        // Over Kestrel's 30 MB for a whole request: the form cannot even be read, and the reply says so.
        await page.Locator("fieldset.question input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "scan.pdf", MimeType = "application/pdf", Buffer = [.. "%PDF-1.7\n"u8, .. new byte[31_000_000]],
        });
        var response = await page.RunAndWaitForResponseAsync(() => page.Locator("form.answers button[type=submit]").First.ClickAsync(),
            r => r.Request.Method == "POST");

        Assert.Equal(413, response.Status);
        Assert.Contains("larger than the site takes at once (30 MB)", await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
    }
}
