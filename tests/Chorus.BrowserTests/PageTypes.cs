namespace Chorus.BrowserTests;

/// <summary>One address for every public page type; each quality check runs on all of them.</summary>
public static class PageTypes
{
    public static readonly IReadOnlyDictionary<string, (string Path, int Status)> All = new Dictionary<string, (string, int)>
    {
        ["home"] = ("/en/", 200),
        ["news post"] = ("/en/news/international-migrants-day-2021-a-day-of-online-events-around-the-world", 200),
        ["statement"] = ("/en/news/remarks-at-the-civil-society-member-states-dialogue", 200),
        ["category"] = ("/en/category/un-processes", 200),
        ["statements register"] = ("/en/statements", 200),
        ["static page"] = ("/en/pages/about", 200),
        ["not found"] = ("/en/news/no-such-post", 404),
    };

    public static TheoryData<string> Names => [.. All.Keys];
}
