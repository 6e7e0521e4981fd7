using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Newsletter;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>An empty site with three lists, sending mail to the real SMTP server, with an editor signed in.</summary>
public partial class NewsletterApp : EmptyChorusFactory
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
        [.. TestMail.Settings, new("PublicForms:PostsPerMinute", "10000")];

    public HttpClient Editor { get; private set; } = null!;
    public int News { get; private set; }
    public int Events { get; private set; }
    public int Calls { get; private set; }

    public override async Task InitializeAsync()
    {
        await Staff.CreateAsync(this, "newsletter-editor@crossroads.test", Roles.Editor);
        Editor = await Staff.SignInAsync(this, "newsletter-editor@crossroads.test");
        (News, Events, Calls) = await WithDb(async db =>
        {
            NewsletterList List(string slug, int position, string en, string fr) => new()
            {
                Slug = slug, Position = position, CreatedAt = Start.UtcDateTime,
                Texts = [new() { Culture = "en", Name = en, Description = $"{en} described" }, new() { Culture = "fr", Name = fr }],
            };
            var lists = new[] { List("news", 1, "News and statements", "Actualités et déclarations"), List("events", 2, "Events", "Événements"),
                List("calls", 3, "Calls for sign-on", "Appels à signature") };
            db.NewsletterLists.AddRange(lists);
            await db.SaveChangesAsync();
            return (lists[0].Id, lists[1].Id, lists[2].Id);
        });
    }

    /// <summary>Opens the subscribe page in <paramref name="culture"/> and sends it as a person would, a few seconds later.</summary>
    public async Task<HttpResponseMessage> SubscribeAsync(string culture, string email, string? language, IEnumerable<int> lists, HttpClient? client = null,
        bool consent = true)
    {
        client ??= Staff.Client(this);
        var html = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(new Uri($"/{culture}/newsletter", UriKind.Relative)));
        var form = html.QuerySelector("main form[method=post]") ?? throw new InvalidOperationException("The page has no subscribe form.");
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("Input.Email", email)).Append(new("Input.Language", language ?? culture))
            .Concat(lists.Select(l => new KeyValuePair<string, string>("Input.Lists", l.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (consent)
        {
            values = values.Append(new("Input.Consent", "true"));
        }
        Clock.Advance(TimeSpan.FromSeconds(10));
        return await client.PostAsync(new Uri($"/{culture}/newsletter", UriKind.Relative), new FormUrlEncodedContent(values));
    }

    [GeneratedRegex(@"https?://\S+/newsletter/confirm\?token=\S+")]
    private static partial Regex ConfirmLink();

    public static string LinkIn(MimeMessage message) => new Uri(ConfirmLink().Match(message.TextBody!).Value).PathAndQuery;

    internal Task<Subscriber?> SubscriberAsync(string email)
    {
        var key = Subscriptions.Key(email);
        return WithDb(db => db.Subscribers.AsNoTracking().Include(s => s.Lists).SingleOrDefaultAsync(s => s.EmailKey == key));
    }

    internal Task<string> LinksAsync(Func<SubscriberLinks, Subscriber, string> link, string email) => WithDb(async db =>
    {
        var key = Subscriptions.Key(email);
        var s = await db.Subscribers.AsNoTracking().SingleAsync(x => x.EmailKey == key);
        return new Uri(link(Services.GetRequiredService<SubscriberLinks>(), s)).PathAndQuery;
    });

    public static string Unique(string who) => $"{who}.{Guid.NewGuid():N}"[..(who.Length + 9)] + "@readers.test";
}
