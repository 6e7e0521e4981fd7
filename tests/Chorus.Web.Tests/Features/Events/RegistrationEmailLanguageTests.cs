using System.Net;
using Chorus.Web.Features.Events;
using Chorus.Web.Tests.Features.Accounts;
using Chorus.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Chorus.Web.Tests.Features.Events;

/// <summary>The events app with room for the many registrations these tests send in a minute.</summary>
public sealed class ManyRegistrationsApp : EventsApp
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [.. TestMail.Settings, new("PublicForms:PostsPerMinute", "10000")];
}

/// <summary>
/// Every email to a registrant is written in the language they registered in, whoever or whatever causes it: their own
/// form, someone else cancelling, the reminder worker, an editor in the admin. Read back from the real SMTP server.
/// </summary>
public sealed class RegistrationEmailLanguageTests(ManyRegistrationsApp app) : IClassFixture<ManyRegistrationsApp>
{
    /// <summary>What each language says, as its translators wrote it.</summary>
    private sealed record Words(string Hello, string Confirmed, string Registered, string Waiting, string Already, string Reminder, string InADay);

    private static readonly Dictionary<string, Words> In = new()
    {
        ["fr"] = new("Bonjour {0},", "Inscription confirmée : {0}", "Votre inscription à « {0} » est enregistrée.", "Liste d'attente : {0}",
            "Déjà inscrit·e : {0}", "Rappel : {0}", "« {0} » commence dans environ 24 heures."),
        ["ar"] = new("مرحبًا {0}،", "تأكيد التسجيل: {0}", "تم تسجيلك في «{0}».", "قائمة الانتظار: {0}",
            "مسجل بالفعل: {0}", "تذكير: {0}", "تبدأ «{0}» بعد نحو 24 ساعة."),
    };

    private static string F(string pattern, string value) => pattern.Replace("{0}", value, StringComparison.Ordinal);

    private Task<Event> Briefing(string slug, int? capacity, DateTime? startUtc = null)
    {
        var start = startUtc ?? app.Clock.GetUtcNow().UtcDateTime.AddDays(3);
        return app.AddEvent(new Event
        {
            Title = $"Briefing {slug}", Slug = slug, Kind = EventKind.Single, Format = EventFormat.Online, TimeZone = "Europe/Paris",
            LocalStart = DateTime.SpecifyKind(start.AddHours(1), DateTimeKind.Unspecified), LocalEnd = DateTime.SpecifyKind(start.AddHours(2), DateTimeKind.Unspecified),
            Registration = RegistrationMode.Form, Capacity = capacity, JoinUrl = "https://meet.example/briefing", JoinUrlPublic = false,
        });
    }

    private Task<HttpResponseMessage> Register(string culture, string slug, string name, string email) =>
        Staff.PostFormAsync(Staff.Client(app), $"/{culture}/events/{slug}/register", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Organisation"] = "Harbour Rights", ["Input.Country"] = "GR", ["Input.Consent"] = "true",
        });

    private static string Address(string who) => $"{who}.{Guid.NewGuid():N}@crossroads.test";

    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task Confirmation_waiting_list_and_already_registered_are_in_the_registrant_s_language(string culture)
    {
        var w = In[culture];
        var slug = $"own-form-{culture}";
        await Briefing(slug, capacity: 1);
        var (first, second) = (Address("first"), Address("second"));

        Assert.Equal(HttpStatusCode.Redirect, (await Register(culture, slug, "Nadia Haddad", first)).StatusCode);
        await Register(culture, slug, "Omar Saleh", second);
        await Register("en", slug, "Somebody Else", first);

        var confirmed = await TestMail.ReceivedAsync(first, m => m.Subject == F(w.Confirmed, $"Briefing {slug}"));
        TestMail.AssertWrittenIn(confirmed, culture);
        Assert.StartsWith(F(w.Hello, "Nadia Haddad"), confirmed.TextBody, StringComparison.Ordinal);
        Assert.Contains(F(w.Registered, $"Briefing {slug}"), confirmed.TextBody, StringComparison.Ordinal);
        Assert.Contains(F(w.Registered, $"Briefing {slug}"), confirmed.HtmlBody, StringComparison.Ordinal);
        Assert.Single(confirmed.Attachments);
        var waiting = await TestMail.ReceivedAsync(second, m => m.Subject == F(w.Waiting, $"Briefing {slug}"));
        TestMail.AssertWrittenIn(waiting, culture);
        // Someone typed the address again on the English page: the person hears in the language they registered in.
        var already = await TestMail.ReceivedAsync(first, m => m.Subject == F(w.Already, $"Briefing {slug}"));
        TestMail.AssertWrittenIn(already, culture);
    }

    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task A_registrant_moved_up_from_the_waiting_list_hears_in_their_language_not_the_canceller_s(string culture)
    {
        var w = In[culture];
        var slug = $"moved-up-{culture}";
        await Briefing(slug, capacity: 1);
        var (english, waiting) = (Address("english"), Address("waiting"));
        await Register("en", slug, "Early Bird", english);
        await Register(culture, slug, "Leila Mansour", waiting);
        var confirmation = await TestMail.ReceivedAsync(english, m => m.Subject!.StartsWith("Registration confirmed:", StringComparison.Ordinal));

        // The English registrant cancels from their English page.
        var cancel = confirmation.TextBody!.Split('\n').Single(l => l.StartsWith("To cancel your registration:", StringComparison.Ordinal)).Split(": ")[1];
        await Staff.PostFormAsync(Staff.Client(app), new Uri(cancel.Trim()).PathAndQuery, new Dictionary<string, string>());

        var promoted = await TestMail.ReceivedAsync(waiting, m => m.Subject == F(w.Confirmed, $"Briefing {slug}"));
        TestMail.AssertWrittenIn(promoted, culture);
        Assert.StartsWith(F(w.Hello, "Leila Mansour"), promoted.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/{culture}/events/registration/", promoted.TextBody, StringComparison.Ordinal);
        Assert.Single(promoted.Attachments);
    }

    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task Reminders_are_in_the_registrant_s_language_not_the_server_s(string culture)
    {
        var w = In[culture];
        var slug = $"reminded-{culture}";
        var e = await Briefing(slug, capacity: null, startUtc: app.Clock.GetUtcNow().UtcDateTime.AddHours(20));
        var to = Address("reminded");
        await Register(culture, slug, "Yasmin Aziz", to);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await app.Services.GetRequiredService<EventReminders>().SendDueAsync(scope.ServiceProvider, CancellationToken.None);
        }

        var reminder = await TestMail.ReceivedAsync(to, m => m.Subject == F(w.Reminder, $"Briefing {slug}"));
        TestMail.AssertWrittenIn(reminder, culture);
        Assert.Contains(F(w.InADay, $"Briefing {slug}"), reminder.TextBody, StringComparison.Ordinal);
        // The date too is written the recipient's way (and in Arabic on the Gregorian calendar).
        string when;
        using (Chorus.Web.Infrastructure.Cultures.Write(culture))
        {
            when = EventTimes.In(e.StartsAt, e.EndsAt, "Europe/Paris").Text;
        }
        Assert.Contains(when, reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://meet.example/briefing", reminder.HtmlBody, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData("fr")]
    [InlineData("ar")]
    public async Task An_editor_s_message_greets_each_registrant_in_their_language(string culture)
    {
        var w = In[culture];
        var slug = $"message-{culture}";
        var e = await Briefing(slug, capacity: null);
        var to = Address("told");
        await Register(culture, slug, "Samir Khoury", to);

        var sent = await Staff.PostFormAsync(app.Editor, $"/admin/events/{e.Id}/registrations", new Dictionary<string, string>
        {
            ["Message.Subject"] = $"Agenda {slug}", ["Message.Body"] = "The agenda is attached.\n\nSee you <soon>!",
        }, "form[action*='handler=Message']");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var message = await TestMail.ReceivedAsync(to, m => m.Subject == $"Agenda {slug}");
        TestMail.AssertWrittenIn(message, culture);
        Assert.StartsWith(F(w.Hello, "Samir Khoury"), message.TextBody, StringComparison.Ordinal);
        Assert.Contains("See you <soon>!", message.TextBody, StringComparison.Ordinal);
        // What the editor typed is text, not markup.
        Assert.Contains("See you &lt;soon&gt;!", message.HtmlBody, StringComparison.Ordinal);
    }
}
