using Xunit;
using Xunit.Abstractions;

[assembly: TestCollectionOrderer("Chorus.BrowserTests.LongestFirst", "Chorus.BrowserTests")]

namespace Chorus.BrowserTests;

/// <summary>
/// Starts the collections that go from page to page through one tab (minutes each) before the short ones: xUnit runs
/// as many collections at once as there are cores, and a long one started last finishes alone with a core idle.
/// </summary>
public sealed class LongestFirst : ITestCollectionOrderer
{
    private static readonly string[] Long = [StaffTests.Name, ReaderVisits.Name, nameof(NoJavaScriptTests)];

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => Rank(c.DisplayName)).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(string name)
    {
        var index = Array.FindIndex(Long, n => name == n || name.EndsWith("." + n, StringComparison.Ordinal));
        return index < 0 ? Long.Length : index;
    }
}
