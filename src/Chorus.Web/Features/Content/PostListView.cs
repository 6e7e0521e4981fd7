namespace Chorus.Web.Features.Content;

/// <summary>What the _PostList partial needs: the page of posts, the path its pager links to, the level of its titles' headings.</summary>
internal sealed record PostListView(PostListing Listing, string Culture, string Path, int Level = 2);
