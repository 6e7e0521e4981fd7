using AngleSharp.Html.Parser;
using Chorus.Web.Data;
using Chorus.Web.Features.Site;
using Chorus.Web.Infrastructure.Email;
using Microsoft.Extensions.DependencyInjection;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>The one email template: the site's identity as an Admin set it, in the reader's language, around text it encodes.</summary>
public sealed class MailerTests(SmtpApp app) : IClassFixture<SmtpApp>
{
    [SkippableFact]
    public async Task Every_email_carries_the_site_s_name_footer_and_accent_in_the_reader_s_language_and_encodes_what_it_is_given()
    {
        await app.WithDb(async db =>
        {
            var look = await SiteLook.ForUpdateAsync(db, default);
            (look.Accent, look.OnAccent) = ("#8a1538", "#ffffff");
            look.Texts.Add(new SiteText { Culture = "en", Name = "Crossroads Coalition", Footer = "Rue de Genève 1\n1200 Geneva" });
            look.Texts.Add(new SiteText { Culture = "ar", Name = "تحالف مفترق الطرق" });
            await db.SaveChangesAsync();
        });
        var to = $"template-{Guid.NewGuid():N}@crossroads.test";

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var (db, mailer) = (scope.ServiceProvider.GetRequiredService<ChorusDb>(), scope.ServiceProvider.GetRequiredService<Mailer>());
            await mailer.QueueAsync(db, to, "ar", S => new MailContent("<b>Hello</b> & welcome",
            [
                new MailText("<script>alert(1)</script> See https://example.org/x?a=1&b=2."),
                new MailList([new MailItem("One <item>", "https://example.org/one")]),
                new MailAction(S["Choose a new password"], "https://example.org/reset?a=1&b=2", "Go <now>"),
                new MailHtml("<blockquote><p>Quoted</p></blockquote><p><img src=\"https://example.org/i.png\" alt=\"\"></p>", "Quoted"),
            ]));
            await db.SaveChangesAsync();
            mailer.Notify();
        }

        var message = await TestMail.ReceivedAsync(to);
        Assert.Equal("<b>Hello</b> & welcome", message.Subject);
        TestMail.AssertWrittenIn(message, "ar", siteName: "تحالف مفترق الطرق");
        var html = new HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Null(html.QuerySelector("script, b, item, now"));
        Assert.Contains("<script>alert(1)</script>", html.Body!.TextContent, StringComparison.Ordinal);
        // The address in the sentence is a link without the full stop after it; the action is a button in the accent colour.
        Assert.NotNull(html.QuerySelector("a[href='https://example.org/x?a=1&b=2']"));
        var button = html.QuerySelector("a[href='https://example.org/reset?a=1&b=2']")!;
        Assert.Equal("Go <now>", button.TextContent);
        Assert.Matches("background: ?#8a1538", button.GetAttribute("style"));
        // Mail programs drop style sheets: the look is on each element, the sanitised Markdown's too, and no sheet or class is left.
        Assert.Contains("border-inline-start: 4px solid", html.QuerySelector("blockquote")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("max-width: 100%", html.QuerySelector("img[src='https://example.org/i.png']")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Null(html.QuerySelector("style, [class]"));
        Assert.Equal("One <item>", html.QuerySelector("li a[href='https://example.org/one']")!.TextContent);
        // The footer exists only in English: shown as such, marked as English inside the Arabic email.
        var footer = html.QuerySelectorAll("[lang=en]").Single(e => e.TextContent.Contains("Rue de Genève 1", StringComparison.Ordinal));
        Assert.Equal("ltr", footer.GetAttribute("dir"));
        var text = message.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Rue de Genève 1\n1200 Geneva", text, StringComparison.Ordinal);
        Assert.Contains("اختر كلمة مرور جديدة\nhttps://example.org/reset?a=1&b=2", text, StringComparison.Ordinal);
        // The signature: the name, the tagline, the footer and the home page in the reader's language.
        Assert.Contains("-- \nتحالف مفترق الطرق\nالمجتمع المدني من أجل حقوق الأشخاص المتنقلين\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\nRue de Genève 1\n1200 Geneva\nhttp://localhost/ar/\n", text, StringComparison.Ordinal);
    }
}
