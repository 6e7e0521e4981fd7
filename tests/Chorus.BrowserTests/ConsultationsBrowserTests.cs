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
}
