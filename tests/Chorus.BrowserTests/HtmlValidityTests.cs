namespace Chorus.BrowserTests;

/// <summary>Every public page type passes html-validate (installed by test.sh from npm); one validator run checks them all.</summary>
public sealed class HtmlValidityTests(LiveSite site) : IClassFixture<LiveSite>
{
    [BrowserTheory]
    [MemberData(nameof(PageTypes.Names), MemberType = typeof(PageTypes))]
    public async Task Page_is_valid_html(string pageType)
    {
        var (status, problems) = await HtmlValidity.OfPageAsync(site, pageType);

        Assert.Equal(PageTypes.All[pageType].Status, status);
        Assert.True(problems.Length == 0, problems);
    }
}
