using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Chorus.Web.Features.Content.Admin;

/// <summary>One line of a diff: "ins", "del", or "" when unchanged.</summary>
internal sealed record DiffLine(string Kind, string Text);

/// <summary>Line diff of a post's text (title, summary, body) between a revision and the post as it is now.</summary>
internal static class PostDiff
{
    public static IReadOnlyList<DiffLine> Since(PostRevision revision, Post now) =>
        [.. InlineDiffBuilder.Diff(Text(revision.Title, revision.Summary, revision.BodyMarkdown), Text(now.Title, now.Summary, now.BodyMarkdown))
            .Lines.Select(l => new DiffLine(l.Type switch { ChangeType.Inserted => "ins", ChangeType.Deleted => "del", _ => "" }, l.Text))];

    private static string Text(string title, string? summary, string body) => $"# {title}\n\n{summary}\n\n{body}";
}
