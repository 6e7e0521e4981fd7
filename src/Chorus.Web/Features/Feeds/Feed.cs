namespace Chorus.Web.Features.Feeds;

/// <summary>One entry of a feed: public fields only (never an author's or anyone's email).</summary>
internal sealed record FeedItem(string Id, string Title, string Url, string Summary, string? ContentHtml, DateTime Published, DateTime Updated,
    string Language, IReadOnlyList<string> Categories);

/// <summary>A feed as the three formats share it.</summary>
internal sealed record Feed(string Title, string Description, string HomeUrl, string SelfUrl, string Language, IReadOnlyList<FeedItem> Items)
{
    /// <summary>When anything in the feed last changed (for Last-Modified and the feeds' own updated dates).</summary>
    public DateTime Updated => Items.Count == 0 ? DateTime.UnixEpoch : Items.Max(i => i.Updated);
}
