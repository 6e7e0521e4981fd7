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
        ["home in Arabic"] = ("/ar/", 200),
        ["home in Chinese"] = ("/zh/", 200),
        ["statement in Arabic, shown in English"] = ("/ar/news/remarks-at-the-civil-society-member-states-dialogue", 200),
        ["static page in French"] = ("/fr/pages/about", 200),
        ["organisations directory"] = ("/en/organizations", 200),
        ["organisations directory in Arabic"] = ("/ar/organizations", 200),
        ["organisations filtered, in French"] = ("/fr/organizations?region=002&status=Member&type=Ngo", 200),
        ["organisation profile"] = ("/en/organizations/sahel-mobility-network", 200),
        ["organisation profile in Russian"] = ("/ru/organizations/red-puentes-de-las-americas", 200),
        ["events"] = ("/en/events", 200),
        ["events in Arabic"] = ("/ar/events", 200),
        ["past events"] = ("/en/events?when=past", 200),
        ["event programme"] = ("/en/events/international-migrants-day-2021", 200),
        ["event programme in Arabic"] = ("/ar/events/international-migrants-day-2021", 200),
        ["event series"] = ("/en/events/weekly-webinars-2021", 200),
        ["event series in Arabic"] = ("/ar/events/weekly-webinars-2021", 200),
        ["single event"] = ("/en/events/member-states-dialogue-2021", 200),
        ["events month"] = ("/en/events/month/2021-12", 200),
        ["events month in Arabic"] = ("/ar/events/month/2021-12", 200),
        ["time zone form"] = ("/en/events/time-zone", 200),
        ["registration form"] = ("/en/events/regular-pathways-briefing/register", 200),
        ["registration form in Arabic"] = ("/ar/events/regular-pathways-briefing/register", 200),
        ["campaigns"] = ("/en/campaigns", 200),
        ["sign-on form"] = ("/en/campaigns/position-paper-review-forum", 200),
        ["sign-on form in Arabic"] = ("/ar/campaigns/position-paper-review-forum", 200),
        ["closed campaign in French"] = ("/fr/campaigns/open-letter-migrants-day-2020", 200),
        ["endorsers"] = ("/en/campaigns/position-paper-review-forum/signatories", 200),
        ["endorsers in Arabic by type"] = ("/ar/campaigns/position-paper-review-forum/signatories?by=Type", 200),
        ["endorsers in Spanish, alphabetical"] = ("/es/campaigns/open-letter-migrants-day-2020/signatories?by=Name", 200),
        ["consultations"] = ("/en/consultations", 200),
        ["consultation form"] = ("/en/consultations/coalition-priorities-consultation", 200),
        ["consultation form in Arabic"] = ("/ar/consultations/coalition-priorities-consultation", 200),
        ["consultation results"] = ("/en/consultations/open-global-consultation-2021/results", 200),
        ["consultation results in Arabic"] = ("/ar/consultations/open-global-consultation-2021/results", 200),
        ["search results"] = ("/en/search?q=migrants", 200),
        ["search results in Arabic, French texts"] = ("/ar/search?q=migrants&lang=fr&page=1", 200),
        ["search with a bad date"] = ("/fr/search?q=migrants&from=hier", 400),
        ["API reference"] = ("/en/api", 200),
        ["API reference in Arabic"] = ("/ar/api", 200),
        ["newsletter subscribe"] = ("/en/newsletter", 200),
        ["newsletter subscribe in Arabic"] = ("/ar/newsletter", 200),
        ["newsletter preferences"] = ($"/en/newsletter/preferences?token={Token}", 200),
        ["newsletter preferences in Arabic"] = ($"/ar/newsletter/preferences?token={Token}", 200),
        ["newsletter link not valid"] = ("/fr/newsletter/preferences?token=forged", 404),
        ["newsletter archive"] = ("/en/newsletter/issues", 200),
        ["newsletter archive in Arabic"] = ("/ar/newsletter/issues", 200),
        ["newsletter issue"] = ("/en/newsletter/2021-12-international-migrants-day", 200),
        ["newsletter issue in Arabic, shown in English"] = ("/ar/newsletter/2021-12-international-migrants-day", 200),
        ["sign-in form"] = ("/account/login", 200),
        ["forgot-password form"] = ("/account/forgot-password", 200),
    };

    public static TheoryData<string> Names => [.. All.Keys];

    /// <summary>A demo subscriber whose preferences page is checked (its token is known once the site runs).</summary>
    public const string DemoSubscriber = "amina.1@readers.example";

    private const string Token = "{newsletter-token}";

    /// <summary>The page type's path, with a token the running site made where the page needs one.</summary>
    public static string PathOf(LiveSite site, string pageType) =>
        All[pageType].Path.Replace(Token, site.NewsletterToken, StringComparison.Ordinal);
}
