using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;

namespace Chorus.Web.Features.Newsletter;

/// <summary>The email with the link that confirms a subscription, a change to one, or an imported address; in the language asked for.</summary>
internal static class ConfirmationMail
{
    public enum Kind { New, Change, Invitation }

    public static async Task QueueAsync(ChorusDb db, Mailer mailer, ExpiringTokens tokens, SiteOptions site, string origin, Subscriber subscriber,
        string language, IReadOnlyList<int> lists, Kind kind, CancellationToken ct)
    {
        var link = $"{origin}/{language}/newsletter/confirm?token={Uri.EscapeDataString(SubscriptionRequest.For(subscriber, language, lists).Seal(tokens))}";
        var names = (await db.OfferedAsync(site.FallbackChain(language), ct)).Where(x => lists.Contains(x.Id)).Select(x => new MailItem(x.Name)).ToList();
        await mailer.QueueAsync(db, subscriber.Email, language, S => new MailContent(kind == Kind.Change
            ? S["Confirm the change to your newsletter subscription"] : S["Confirm your newsletter subscription"],
        [
            new MailText(kind switch
            {
                Kind.Change => S["Someone, probably you, asked to change your subscription to our newsletter. You asked for:"],
                Kind.Invitation => S["We now send our newsletter ourselves, without tracking. To keep receiving it, please confirm your subscription to:"],
                _ => S["Someone, probably you, asked to subscribe this address to our newsletter. You asked for:"],
            }),
            new MailList(names),
            new MailAction(S["Nothing changes until you confirm. Open this link within {0} days to confirm:", SubscriptionRequest.Validity.Days], link, S["Confirm"]),
            new MailText(S["If you did not ask for this, ignore this email: without the link nothing is sent to you."]),
        ]), ct: ct);
    }
}
