using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;

namespace Chorus.Web.Features.Feeds;

internal enum FeedFormat { Rss, Atom, Json }

/// <summary>
/// Writes a feed as RSS 2.0 or Atom 1.0 (System.ServiceModel.Syndication) or JSON Feed 1.1 (System.Text.Json: no
/// package writes JSON Feed, and its format is a small, fixed set of fields).
/// </summary>
internal static class FeedWriter
{
    public static (byte[] Body, string ContentType) Write(Feed feed, FeedFormat format) => format switch
    {
        FeedFormat.Json => (JsonSerializer.SerializeToUtf8Bytes(JsonFeed(feed), JsonOptions), "application/feed+json; charset=utf-8"),
        FeedFormat.Atom => (Xml(feed, f => new Atom10FeedFormatter(f)), "application/atom+xml; charset=utf-8"),
        _ => (Xml(feed, f => new Rss20FeedFormatter(f, serializeExtensionsAsAtom: false)), "application/rss+xml; charset=utf-8"),
    };

    private static byte[] Xml(Feed feed, Func<SyndicationFeed, SyndicationFeedFormatter> formatter)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Description, new Uri(feed.HomeUrl))
        {
            Id = feed.SelfUrl,
            Language = feed.Language,
            LastUpdatedTime = feed.Updated,
            Items = feed.Items.Select(Item).ToList(),
        };
        syndication.Links.Add(SyndicationLink.CreateSelfLink(new Uri(feed.SelfUrl)));
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            formatter(syndication).WriteTo(writer);
        }
        return stream.ToArray();
    }

    private static SyndicationItem Item(FeedItem i)
    {
        var item = new SyndicationItem(i.Title, i.ContentHtml is null ? null : SyndicationContent.CreateHtmlContent(i.ContentHtml), new Uri(i.Url), i.Id, i.Updated)
        {
            PublishDate = i.Published,
            Summary = new TextSyndicationContent(i.Summary),
        };
        foreach (var category in i.Categories)
        {
            item.Categories.Add(new SyndicationCategory(category));
        }
        return item;
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private sealed record JsonFeedDocument(string Version, string Title, string HomePageUrl, string FeedUrl, string Description, string Language, IReadOnlyList<JsonFeedItem> Items);

    private sealed record JsonFeedItem(string Id, string Url, string Title, string Summary, string? ContentHtml, DateTimeOffset DatePublished,
        DateTimeOffset DateModified, string Language, IReadOnlyList<string>? Tags);

    private static JsonFeedDocument JsonFeed(Feed feed) => new("https://jsonfeed.org/version/1.1", feed.Title, feed.HomeUrl, feed.SelfUrl, feed.Description,
        feed.Language, [.. feed.Items.Select(i => new JsonFeedItem(i.Id, i.Url, i.Title, i.Summary, i.ContentHtml, i.Published, i.Updated, i.Language,
            i.Categories.Count > 0 ? i.Categories : null))]);
}
