using System.Net;
using Chorus.Web.Features.Newsletter;
using Chorus.Web.Tests.Features.Accounts;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>The preferences page and the one-click unsubscribe address every message carries, reached without signing in.</summary>
public sealed class PreferencesTests(NewsletterApp app) : IClassFixture<NewsletterApp>
{
    private async Task<string> ConfirmedAsync(string culture, params int[] lists)
    {
        var email = NewsletterApp.Unique("prefs");
        await app.WithDb(db =>
        {
            var now = NewsletterApp.Start.UtcDateTime;
            db.Subscribers.Add(new Subscriber
            {
                Email = email, EmailKey = email, Culture = culture, State = SubscriberState.Confirmed, CreatedAt = now, ConfirmedAt = now,
                LinkStamp = SubscriberLinks.NewStamp(), Lists = [.. lists.Select(l => new SubscriberList { ListId = l, AddedAt = now })],
            });
            return db.SaveChangesAsync();
        });
        return email;
    }

    [Fact]
    public async Task The_preferences_page_changes_language_lists_and_zone()
    {
        var email = await ConfirmedAsync("fr", app.News, app.Events);
        var url = await app.LinksAsync((l, s) => l.PreferencesUrl(s), email);
        Assert.StartsWith("/fr/newsletter/preferences?token=", url, StringComparison.Ordinal);
        var client = Staff.Client(app);
        var page = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        Assert.Contains("Événements", page, StringComparison.Ordinal);

        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        var token = html.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("Input.Language", "ar"), new("Input.Lists", $"{app.Calls}"), new("Input.TimeZone", "Africa/Cairo"),
        ]));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var s = (await app.SubscriberAsync(email))!;
        Assert.Equal(("ar", "Africa/Cairo", SubscriberState.Confirmed), (s.Culture, s.TimeZone, s.State));
        Assert.Equal([app.Calls], s.Lists.Select(l => l.ListId));

        var bad = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Lists", $"{app.Calls}"), new("Input.TimeZone", "Mars/Olympus")]));
        Assert.Contains("Europe/Paris", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Africa/Cairo", (await app.SubscriberAsync(email))!.TimeZone);
    }

    [Fact]
    public async Task The_unsubscribe_button_on_the_preferences_page_unsubscribes()
    {
        var email = await ConfirmedAsync("en", app.News);
        var url = await app.LinksAsync((l, s) => l.PreferencesUrl(s), email);
        var response = await Staff.PostFormAsync(Staff.Client(app), url, new Dictionary<string, string>(), "main form[action*=Unsubscribe]");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("You are unsubscribed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SubscriberState.Unsubscribed, (await app.SubscriberAsync(email))!.State);
    }

    [Fact]
    public async Task A_one_click_post_unsubscribes_and_a_get_alone_does_not()
    {
        var email = await ConfirmedAsync("es", app.News);
        var url = await app.LinksAsync((l, s) => l.OneClickUrl(s), email);
        Assert.StartsWith("/newsletter/unsubscribe?token=", url, StringComparison.Ordinal);
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var get = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        Assert.StartsWith("/es/newsletter/preferences?token=", get.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(SubscriberState.Confirmed, (await app.SubscriberAsync(email))!.State);
        var empty = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(SubscriberState.Confirmed, (await app.SubscriberAsync(email))!.State);

        // As a mail client sends it (RFC 8058): no cookie, no antiforgery token.
        var post = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        var s = (await app.SubscriberAsync(email))!;
        Assert.Equal(SubscriberState.Unsubscribed, s.State);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime, s.UnsubscribedAt);
    }

    [Theory]
    [InlineData("/en/newsletter/preferences?token=forged")]
    [InlineData("/en/newsletter/preferences")]
    [InlineData("/en/newsletter/preferences?token=CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/en/newsletter/confirm?token=forged")]
    [InlineData("/ar/newsletter/confirm")]
    public async Task A_forged_token_gets_a_clear_page_not_an_error(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("/newsletter\"", page, StringComparison.Ordinal);
        Assert.Contains("<h1>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_one_click_token_is_refused()
    {
        var response = await app.CreateClient().PostAsync(new Uri("/newsletter/unsubscribe?token=forged", UriKind.Relative),
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
