namespace Chorus.Web.Features.Content;

/// <summary>What the _PostList partial needs: the page of posts and the path its pager links to.</summary>
internal sealed record PostListView(PostListing Listing, string Culture, string Path);
