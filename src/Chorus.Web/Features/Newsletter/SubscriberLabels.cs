namespace Chorus.Web.Features.Newsletter;

/// <summary>The words staff see for a subscriber's state (keys of the shared strings).</summary>
internal static class SubscriberLabels
{
    public static string Of(SubscriberState state) => state switch
    {
        SubscriberState.Pending => "Waiting for confirmation",
        SubscriberState.Confirmed => "Subscribed",
        SubscriberState.Unsubscribed => "Unsubscribed",
        _ => "Bouncing",
    };
}
