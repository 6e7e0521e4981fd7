using System.Net;
using System.Text.RegularExpressions;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using MimeKit;

namespace Chorus.Web.Tests.Features.Campaigns;

/// <summary>
/// Every email to a signatory is written in the language they signed in: the confirmation link, word that someone else
/// signed for their organisation, a new version of the text an English-speaking editor saved. Read back from the real SMTP server.
/// </summary>
public sealed partial class SignOnEmailLanguageTests(CampaignsApp app) : IClassFixture<CampaignsApp>
{
    private sealed record Words(string Confirm, string AskedFor, string SomeoneElse, string NewVersion, string NowVersion2);

    private static readonly Dictionary<string, Words> In = new()
    {
        ["fr"] = new("Confirmez votre soutien : {0}", "Vous avez demandé à ajouter « {0} » aux signataires de « {1} ».", "Quelqu’un d’autre a signé pour {0}",
            "Nouvelle version de « {0} »", "il en est désormais à la version 2"),
        ["ar"] = new("أكّد تأييدك: {0}", "طلبت إضافة «{0}» إلى مؤيدي «{1}».", "شخص آخر وقّع باسم {0}",
            "نسخة جديدة من «{0}»", "أصبح الآن النسخة 2"),
    };

    private static string F(string pattern, params string[] values) =>
        values.Select((v, i) => (v, i)).Aggregate(pattern, (p, x) => p.Replace($"{{{x.i}}}", x.v, StringComparison.Ordinal));

    [GeneratedRegex(@"https?://\S+/confirm/\S+")]
    private static partial Regex ConfirmLink();

    /// <summary>Signs on the page in <paramref name="culture"/>, waits for the email and follows its link.</summary>
    private async Task<MimeMessage> SignAndConfirmIn(string culture, string slug, Dictionary<string, string> fields, string subject)
    {
        var client = Staff.Client(app);
        Assert.Equal(HttpStatusCode.Redirect, (await app.SubmitAsync(client, slug, fields, culture: culture)).StatusCode);
        var email = await TestMail.ReceivedAsync(fields["Input.Email"], m => m.Subject == subject);
        var link = new Uri(ConfirmLink().Match(email.TextBody!).Value).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await Staff.PostFormAsync(client, link, new Dictionary<string, string>())).StatusCode);
        return email;
    }

    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task The_confirmation_link_comes_in_the_signer_s_language(string culture)
    {
        var w = In[culture];
        var slug = $"confirm-{culture}";
        await app.AddCampaign(slug);
        var email = $"{CampaignsApp.Unique("signer")}@confirm.test";

        var message = await SignAndConfirmIn(culture, slug, CampaignsApp.Fields($"Confirm Org {culture}", email), F(w.Confirm, $"Position paper {slug}"));

        TestMail.AssertWrittenIn(message, culture);
        Assert.Contains(F(w.AskedFor, $"Confirm Org {culture}", $"Position paper {slug}"), message.TextBody, StringComparison.Ordinal);
        // The link to confirm is a button in the HTML part, the address on a line of its own in the text.
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Contains(html.QuerySelectorAll("a[href]"), a => a.GetAttribute("href")!.Contains($"/{culture}/campaigns/{slug}/confirm/", StringComparison.Ordinal));
        Assert.Equal(SignatureState.Published, (await app.SignatureOf(email)).State);
    }

    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task The_first_signatory_hears_in_their_language_that_someone_else_signed(string culture)
    {
        var w = In[culture];
        var slug = $"claimed-{culture}";
        await app.AddCampaign(slug);
        var organisation = $"Claimed Network {culture}";
        await app.AddOrganisation(organisation, "GR", Membership.Member, $"https://claimed-{culture}.test/", $"claimed-{culture}.test");
        var owner = $"{CampaignsApp.Unique("owner")}@claimed-{culture}.test";
        await SignAndConfirmIn(culture, slug, CampaignsApp.Fields(organisation, owner), F(w.Confirm, $"Position paper {slug}"));

        // Someone else signs for it from the English page.
        await app.SignAndConfirmAsync(slug, CampaignsApp.Fields(organisation, $"{CampaignsApp.Unique("other")}@elsewhere.test", name: "Someone Else"));

        var told = await TestMail.ReceivedAsync(owner, m => m.Subject == F(w.SomeoneElse, organisation));
        TestMail.AssertWrittenIn(told, culture);
    }

    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task A_new_version_is_announced_in_each_signatory_s_language_not_the_editor_s(string culture)
    {
        var w = In[culture];
        var slug = $"versioned-{culture}";
        var campaign = await app.AddCampaign(slug);
        var email = $"{CampaignsApp.Unique("signer")}@versioned.test";
        await SignAndConfirmIn(culture, slug, CampaignsApp.Fields($"Versioned Org {culture}", email), F(w.Confirm, $"Position paper {slug}"));

        // The editor works in the English admin.
        var saved = await Staff.PostFormAsync(app.Editor, $"/admin/campaigns/{campaign.Id}", new Dictionary<string, string>
        {
            ["Input.Text"] = "We call on Member States to end all immigration detention.", ["Input.Change"] = "NewVersion", ["Input.ChangeNote"] = "Point 1 now covers adults.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var message = await TestMail.ReceivedAsync(email, m => m.Subject == F(w.NewVersion, $"Position paper {slug}"));
        TestMail.AssertWrittenIn(message, culture);
        Assert.Contains(w.NowVersion2, message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Point 1 now covers adults.", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/{culture}/campaigns/{slug}/signature/", message.HtmlBody, StringComparison.Ordinal);
    }
}
