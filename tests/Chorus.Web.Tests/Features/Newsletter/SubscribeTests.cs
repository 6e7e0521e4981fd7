using System.Net;
using Chorus.Web.Features.Newsletter;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Tests.Features.Newsletter;

/// <summary>
/// Subscribing: double opt-in by an emailed link in the reader's language (read back from the real SMTP server), a
/// change for a known address only once its owner confirms it, and an answer that never tells who is subscribed.
/// </summary>
public sealed class SubscribeTests(NewsletterApp app) : IClassFixture<NewsletterApp>
{
    [SkippableFact]
    public async Task A_french_reader_confirms_by_the_link_in_a_french_email_and_is_subscribed_to_the_lists_chosen()
    {
        var email = NewsletterApp.Unique("lecteur");
        var client = Staff.Client(app);
        var sent = await app.SubscribeAsync("fr", email, "fr", [app.News, app.Calls], client);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(SubscriberState.Pending, (await app.SubscriberAsync(email))!.State);

        var message = await TestMail.ReceivedAsync(email, m => m.Subject == "Confirmez votre abonnement à la lettre d’information");
        TestMail.AssertWrittenIn(message, "fr");
        Assert.Contains("Quelqu’un, probablement vous, a demandé à abonner cette adresse", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Appels à signature", message.TextBody, StringComparison.Ordinal);
        var link = NewsletterApp.LinkIn(message);
        Assert.StartsWith("/fr/newsletter/confirm?token=", link, StringComparison.Ordinal);

        // Opening the link confirms nothing (mail scanners open links); the button does.
        var page = await client.GetStringAsync(new Uri(link, UriKind.Relative));
        Assert.Contains("Actualités et déclarations", page, StringComparison.Ordinal);
        Assert.Equal(SubscriberState.Pending, (await app.SubscriberAsync(email))!.State);
        var confirmed = await Staff.PostFormAsync(client, link, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("votre abonnement est confirmé", await confirmed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var s = (await app.SubscriberAsync(email))!;
        Assert.Equal((SubscriberState.Confirmed, "fr", "form"), (s.State, s.Culture, s.Source));
        Assert.Equal([app.News, app.Calls], s.Lists.Select(l => l.ListId).Order());
        Assert.Equal(Subscriptions.ConsentVersion, s.ConsentVersion);
        Assert.StartsWith("J’accepte de recevoir", s.ConsentText, StringComparison.Ordinal);
        Assert.NotNull(s.ConsentAt);

        // The link works once.
        var again = await client.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("Ce lien a déjà été utilisé", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_subscriber_subscribing_again_gets_a_link_to_confirm_the_change_and_nothing_changes_until_they_follow_it()
    {
        var email = NewsletterApp.Unique("again");
        var client = Staff.Client(app);
        await app.SubscribeAsync("fr", email, "fr", [app.News], client);
        await Staff.PostFormAsync(client, NewsletterApp.LinkIn(await TestMail.ReceivedAsync(email)), new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, (await app.SubscribeAsync("es", email, "es", [app.Events], client)).StatusCode);
        var message = await TestMail.ReceivedAsync(email, m => m.Subject == "Confirme el cambio de su suscripción al boletín");
        var before = (await app.SubscriberAsync(email))!;
        Assert.Equal((SubscriberState.Confirmed, "fr"), (before.State, before.Culture));
        Assert.Equal([app.News], before.Lists.Select(l => l.ListId));

        await Staff.PostFormAsync(client, NewsletterApp.LinkIn(message), new Dictionary<string, string>());
        var after = (await app.SubscriberAsync(email))!;
        Assert.Equal("es", after.Culture);
        Assert.Equal([app.News, app.Events], after.Lists.Select(l => l.ListId).Order());
    }

    [SkippableFact]
    public async Task New_known_and_erased_addresses_get_the_same_answer_and_an_erased_one_gets_nothing()
    {
        var known = NewsletterApp.Unique("known");
        await app.SubscribeAsync("en", known, "en", [app.News]);
        await TestMail.ReceivedAsync(known);
        var erased = NewsletterApp.Unique("erased");
        await app.WithDb(db =>
        {
            db.SuppressedAddresses.Add(new SuppressedAddress { Hash = Subscriptions.Hash(erased.ToUpperInvariant()), At = NewsletterApp.Start.UtcDateTime });
            return db.SaveChangesAsync();
        });

        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var email in new[] { NewsletterApp.Unique("new"), known, erased })
        {
            var response = await app.SubscribeAsync("en", email, "en", [app.News]);
            answers.Add((response.StatusCode, response.Headers.Location?.OriginalString));
        }
        Assert.Equal(HttpStatusCode.Redirect, answers[0].Item1);
        Assert.All(answers, a => Assert.Equal(answers[0], a));

        Assert.Null(await app.SubscriberAsync(erased));
        Assert.False(await app.WithDb(db => db.Outbox.AnyAsync(m => m.To == erased)));
    }

    [Fact]
    public async Task A_bad_address_or_a_missing_consent_gets_a_clear_message_on_the_form()
    {
        var response = await app.SubscribeAsync("en", "not an address", "en", [app.News], consent: false);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("This is not an email address.", page, StringComparison.Ordinal);
        Assert.Contains("Tick the box to agree to receive the newsletter.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_footer_of_every_page_has_a_subscribe_form_that_works_without_script()
    {
        var client = app.CreateClient();
        var home = await client.GetStringAsync(new Uri("/en/", UriKind.Relative));
        Assert.Contains("<form method=\"get\" action=\"/en/newsletter\"", home, StringComparison.Ordinal);
        var page = await client.GetStringAsync(new Uri("/en/newsletter?email=reader%40readers.test", UriKind.Relative));
        Assert.Contains("value=\"reader@readers.test\"", page, StringComparison.Ordinal);
        Assert.Contains("News and statements described", page, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Unconfirmed_subscribers_are_deleted_after_seven_days()
    {
        var email = NewsletterApp.Unique("late");
        await app.SubscribeAsync("en", email, "en", [app.News]);
        var created = (await app.SubscriberAsync(email))!.CreatedAt;

        await app.WithDb(db => UnconfirmedCleanup.RunAsync(db, created.AddDays(7).AddMinutes(-1), default));
        Assert.NotNull(await app.SubscriberAsync(email));
        await app.WithDb(db => UnconfirmedCleanup.RunAsync(db, created.AddDays(7).AddMinutes(1), default));
        Assert.Null(await app.SubscriberAsync(email));
    }

    [SkippableFact]
    public async Task The_hourly_job_deletes_an_address_left_unconfirmed_for_seven_days()
    {
        var email = NewsletterApp.Unique("forgot");
        await app.SubscribeAsync("en", email, "en", [app.Events]);
        Assert.NotNull(await app.SubscriberAsync(email));

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (await app.SubscriberAsync(email) is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
        Assert.Null(await app.SubscriberAsync(email));
    }
}
