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
        FeedFormat.Atom => (Xml(feed, atom: true, f => new Atom10FeedFormatter(f)), "application/atom+xml; charset=utf-8"),
        // Atom extensions in RSS: the feed's own address (atom:link rel="self"), which feed validators ask every RSS feed for.
        _ => (Xml(feed, atom: false, f => new Rss20FeedFormatter(f, serializeExtensionsAsAtom: true)), "application/rss+xml; charset=utf-8"),
    };

    private static byte[] Xml(Feed feed, bool atom, Func<SyndicationFeed, SyndicationFeedFormatter> formatter)
    {
        var syndication = new SyndicationFeed(feed.Title, feed.Description, new Uri(feed.HomeUrl))
        {
            Id = feed.SelfUrl,
            Language = feed.Language,
            LastUpdatedTime = feed.Updated,
            Items = feed.Items.Select(i => Item(i, atom && i.Language != feed.Language)).ToList(),
        };
        syndication.Links.Add(SyndicationLink.CreateSelfLink(new Uri(feed.SelfUrl)));
        if (atom)
        {
            // Atom requires an author for every entry: the site's, which entries without their own inherit.
            syndication.Authors.Add(new SyndicationPerson { Name = feed.Author });
        }
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            formatter(syndication).WriteTo(writer);
        }
        return stream.ToArray();
    }

    private static readonly XmlQualifiedName XmlLang = new("lang", "http://www.w3.org/XML/1998/namespace");

    /// <param name="foreign">An Atom entry in another language than the feed's says so (xml:lang), as the page does (lang).</param>
    private static SyndicationItem Item(FeedItem i, bool foreign)
    {
        var item = new SyndicationItem(i.Title, i.ContentHtml is null ? null : SyndicationContent.CreateHtmlContent(i.ContentHtml), new Uri(i.Url), i.Id, i.Updated)
        {
            PublishDate = i.Published,
            Summary = new TextSyndicationContent(i.Summary),
        };
        if (foreign)
        {
            item.AttributeExtensions.Add(XmlLang, i.Language);
        }
        if (i.Author is { } author)
        {
            item.Authors.Add(new SyndicationPerson { Name = author });
        }
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
