namespace Chorus.Web.Features.Feeds;

/// <summary>One entry of a feed: public fields only (never an author's or anyone's email).</summary>
internal sealed record FeedItem(string Id, string Title, string Url, string Summary, string? ContentHtml, DateTime Published, DateTime Updated,
    string Language, IReadOnlyList<string> Categories, string? Author = null);

/// <summary>A feed as the three formats share it.</summary>
/// <param name="Author">Who publishes it (the site's name): the author of every entry that names none of its own.</param>
internal sealed record Feed(string Title, string Description, string HomeUrl, string SelfUrl, string Language, IReadOnlyList<FeedItem> Items, string Author)
{
    /// <summary>When anything in the feed last changed (for Last-Modified and the feeds' own updated dates).</summary>
    public DateTime Updated => Items.Count == 0 ? DateTime.UnixEpoch : Items.Max(i => i.Updated);
}
