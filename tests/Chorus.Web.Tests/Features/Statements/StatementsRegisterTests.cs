namespace Chorus.Web.Tests.Features.Statements;

public sealed class StatementsRegisterTests(ChorusFactory app) : IClassFixture<ChorusFactory>
{
    [Fact]
    public async Task Register_lists_statements_newest_first_grouped_by_year()
    {
        var (_, html) = await app.GetHtml("/en/statements");

        var years = html.QuerySelectorAll("main section > h2").Select(h => h.TextContent).ToArray();
        Assert.Equal(["2022", "2021", "2020"], years);
        var dates = html.QuerySelectorAll(".register time").Select(t => t.GetAttribute("datetime")!).ToArray();
        Assert.True(dates.Length >= 8, "the demo has at least eight statements");
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var in2021 = html.QuerySelectorAll("section[aria-labelledby=y2021] li a").Select(a => a.TextContent).ToArray();
        Assert.Contains("Solutions, not violence, at our borders", in2021);
        Assert.DoesNotContain("Dialogue with Member States: what we heard", in2021); // news, not a statement
    }

    [Fact]
    public async Task A_statement_page_shows_who_said_it_where_and_when()
    {
        var (_, html) = await app.GetHtml("/en/news/remarks-at-the-civil-society-member-states-dialogue");

        var facts = html.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("Remarks", facts, StringComparison.Ordinal);
        Assert.Contains("14 July 2021", facts, StringComparison.Ordinal);
        Assert.Contains("Lucía Fernández, Secretariat coordinator, Crossroads Coalition", facts, StringComparison.Ordinal);
        Assert.Contains("Civil society – Member States dialogue (online)", facts, StringComparison.Ordinal);
        Assert.Contains("Member States", facts, StringComparison.Ordinal);
    }
}
