using System.Net;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Chorus.Web.Tests.Features.Campaigns;

/// <summary>An empty site sending mail to the real SMTP server, with an editor and a moderator signed in.</summary>
public class CampaignsApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. TestMail.Settings, new("PublicForms:PostsPerMinute", "10000")];

    public HttpClient Editor { get; private set; } = null!;
    public HttpClient Moderator { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await Staff.CreateAsync(this, "campaigns-editor@crossroads.test", Roles.Editor);
        await Staff.CreateAsync(this, "campaigns-moderator@crossroads.test", Roles.Moderator);
        Editor = await Staff.SignInAsync(this, "campaigns-editor@crossroads.test");
        Moderator = await Staff.SignInAsync(this, "campaigns-moderator@crossroads.test");
    }

    internal Task<Campaign> AddCampaign(string slug, Action<Campaign>? change = null) => WithDb(async db =>
    {
        var c = new Campaign
        {
            Slug = slug, Title = $"Position paper {slug}", TextMarkdown = "We call on Member States to end child detention.",
            OpensAt = Start.UtcDateTime.AddDays(-1), ClosesAt = Clock.GetUtcNow().UtcDateTime.AddDays(30),
        };
        change?.Invoke(c);
        db.Campaigns.Add(c);
        await db.SaveChangesAsync();
        return c;
    });

    internal Task<Organisation> AddOrganisation(string name, string country, Membership membership, string website, params string[] domains) => WithDb(async db =>
    {
        var org = new Organisation
        {
            Name = name, Slug = Chorus.Web.Infrastructure.Slugs.From(name), Country = country, Type = OrganisationType.Ngo,
            Membership = membership, Website = website, EmailDomains = [.. domains],
        };
        db.Organisations.Add(org);
        await db.SaveChangesAsync();
        return org;
    });

    /// <summary>Opens the sign-on form and sends it as a person would: after a few seconds, with <paramref name="fields"/> typed in.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(HttpClient client, string slug, IDictionary<string, string> fields, bool wait = true, string culture = "en")
    {
        var page = await client.GetStringAsync(new Uri($"/{culture}/campaigns/{slug}", UriKind.Relative));
        return await SubmitFromAsync(client, slug, page, fields, wait, culture);
    }

    /// <summary>Sends the form of a sign-on page fetched earlier (as a browser tab left open would).</summary>
    public async Task<HttpResponseMessage> SubmitFromAsync(HttpClient client, string slug, string page, IDictionary<string, string> fields, bool wait = true, string culture = "en")
    {
        var url = $"/{culture}/campaigns/{slug}";
        var html = await new HtmlParser().ParseDocumentAsync(page);
        var form = html.QuerySelector("#sign form[method=post]") ?? throw new InvalidOperationException("The page has no sign-on form.");
        var values = form.QuerySelectorAll("input[name]").Where(i => i.GetAttribute("type") is "hidden" or null or "text")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (key, value) in fields)
        {
            values[key] = value;
        }
        if (wait)
        {
            Clock.Advance(TimeSpan.FromSeconds(10));
        }
        return await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(values));
    }

    public static Dictionary<string, string> Fields(string organisation, string email, string country = "GR", string? website = null, string name = "Eleni Papadopoulou") => new()
    {
        ["Input.Organisation"] = organisation, ["Input.Country"] = country, ["Input.Type"] = "Ngo", ["Input.Website"] = website ?? "",
        ["Input.Name"] = name, ["Input.Role"] = "Director", ["Input.Email"] = email, ["Input.Authorised"] = "true",
    };

    public static string Link(MimeMessage message, string after) =>
        new Uri(message.TextBody!.Split('\n').Select(l => l.Trim()).SkipWhile(l => !l.StartsWith(after, StringComparison.Ordinal)).Skip(1).First()).PathAndQuery;

    /// <summary>Submits, reads the email at the SMTP server and presses the confirm button; returns the confirmation page and the email.</summary>
    public async Task<(HttpResponseMessage Page, MimeMessage Email)> SignAndConfirmAsync(string slug, Dictionary<string, string> fields)
    {
        var client = Staff.Client(this);
        var sent = await SubmitAsync(client, slug, fields);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var email = await TestMail.ReceivedAsync(fields["Input.Email"], m => (m.Subject ?? "").StartsWith("Confirm your endorsement", StringComparison.Ordinal));
        var confirm = Link(email, "It counts once you confirm.");
        return (await Staff.PostFormAsync(client, confirm, new Dictionary<string, string>()), email);
    }

    public async Task<int> CountAsync(string slug)
    {
        var json = await CreatePlainClient().GetStringAsync(new Uri($"/en/campaigns/{slug}/count.json", UriKind.Relative));
        return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("count").GetInt32();
    }

    internal Task<Signature> SignatureOf(string email) =>
        WithDb(db => db.Signatures.AsNoTracking().SingleAsync(s => s.Email == email));

    public static string Unique(string who) => $"{who}.{Guid.NewGuid():N}"[..(who.Length + 9)];
}
