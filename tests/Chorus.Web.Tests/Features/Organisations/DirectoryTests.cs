using System.Net;
using AngleSharp.Html.Dom;
using Chorus.Web.Features.Organisations;
using static Chorus.Web.Features.Organisations.Membership;
using static Chorus.Web.Features.Organisations.OrganisationType;

namespace Chorus.Web.Tests.Features.Organisations;

public sealed class DirectoryApp : EmptyChorusFactory
{
    public override Task InitializeAsync() => this.Add(
        Orgs.Make("Nairobi Migrant Rights", "KE", Ngo, Member, "NMR"),
        Orgs.Make("Kenya Network for Mobility", "KE", Network, Member),
        Orgs.Make("Lyon Welcome", "FR", Ngo, Member),
        Orgs.Make("Lagos Observatory", "NG", Ngo, Observer),
        Orgs.Make("Berlin Solidarity", "DE", Ngo, Member),
        Orgs.Make("Abidjan Legal Aid", "CI", Ngo, Member),
        Orgs.Make("Global Alliance", null, Ngo, Member),
        Orgs.Make("École des Migrations", "SN", Academic, Observer));
}

/// <summary>The public directory: filters that combine, counts that lead there, names in the reader's language.</summary>
public sealed class DirectoryTests(DirectoryApp app) : IClassFixture<DirectoryApp>
{
    private static List<string> Names(IHtmlDocument html) => [.. html.QuerySelectorAll("ul.orgs > li > a").Select(a => a.TextContent)];

    [Fact]
    public async Task Region_type_and_status_filters_combine()
    {
        var (response, html) = await app.GetHtml("/en/organizations?region=002&type=Ngo&status=Member");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Africa, NGOs, members: not the network, not the observer, not the French or German ones, not the international one.
        Assert.Equal(["Abidjan Legal Aid", "Nairobi Migrant Rights"], Names(html));
        Assert.Equal("Organisations found: 2", html.QuerySelector("#results")!.TextContent);

        var (_, narrower) = await app.GetHtml("/en/organizations?region=014&type=Network");
        Assert.Equal(["Kenya Network for Mobility"], Names(narrower));
        var (_, searched) = await app.GetHtml("/en/organizations?q=nmr&region=002");
        Assert.Equal(["Nairobi Migrant Rights"], Names(searched));
        var (_, international) = await app.GetHtml("/en/organizations?region=int");
        Assert.Equal(["Global Alliance"], Names(international));
    }

    [Fact]
    public async Task Members_of_a_region_and_type_are_two_clicks_from_the_directory()
    {
        var (_, directory) = await app.GetHtml("/en/organizations");
        var africa = directory.QuerySelectorAll("table.counts tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Africa");
        var heads = directory.QuerySelectorAll("table.counts thead th").Select(th => th.TextContent).ToList();
        var members = (IHtmlAnchorElement)africa.Children[heads.IndexOf("Members")].QuerySelector("a")!;
        Assert.Equal("3", members.TextContent);

        var (_, afterFirst) = await app.GetHtml(members.GetAttribute("href")!);
        var ngos = afterFirst.QuerySelectorAll(".facets a").Single(a => a.TextContent == "NGO");
        var (_, afterSecond) = await app.GetHtml(ngos.GetAttribute("href")!);

        Assert.Equal(["Abidjan Legal Aid", "Nairobi Migrant Rights"], Names(afterSecond));
    }

    [Fact]
    public async Task The_French_directory_names_countries_in_French_and_sorts_them_so()
    {
        var (_, html) = await app.GetHtml("/fr/organizations");

        var metas = html.QuerySelectorAll("ul.orgs > li").ToDictionary(li => li.QuerySelector("a")!.TextContent, li => li.QuerySelector(".meta")!.TextContent);
        Assert.Contains("Allemagne", metas["Berlin Solidarity"], StringComparison.Ordinal);
        Assert.Contains("Sénégal", metas["École des Migrations"], StringComparison.Ordinal);
        Assert.Contains("Côte d'Ivoire", metas["Abidjan Legal Aid"], StringComparison.Ordinal);
        var countries = html.QuerySelectorAll("#country option").Skip(1).Select(o => o.TextContent).ToList();
        Assert.Equal(["Allemagne", "Côte d'Ivoire", "France", "Kenya", "Nigeria", "Sénégal"], countries);
        Assert.Equal("Afrique", html.QuerySelector("#region option[value='002']")!.TextContent);
    }

    [Fact]
    public async Task Accented_names_sort_and_index_under_their_letter()
    {
        var (_, html) = await app.GetHtml("/en/organizations?letter=E");

        Assert.Equal(["École des Migrations"], Names(html));
        Assert.Null(html.QuerySelector(".letters a[href$='letter=Z']"));
        Assert.NotNull(html.QuerySelector(".letters a[href$='letter=B']"));
    }

    [Fact]
    public async Task A_profile_shows_the_organisation_in_the_readers_language_without_private_fields()
    {
        await app.WithDb(async db =>
        {
            var org = db.Organisations.Single(o => o.Name == "Berlin Solidarity");
            org.DescriptionMarkdown = "Works with **newcomers** in Berlin.";
            org.EmailDomains = ["berlin-solidarity.test"];
            org.Translations.Add(new OrganisationTranslation { Culture = "fr", DescriptionMarkdown = "Travaille avec les **nouveaux arrivants**." });
            await db.SaveChangesAsync();
        });

        var (_, french) = await app.GetHtml("/fr/organizations/berlin-solidarity");
        var (_, spanish) = await app.GetHtml("/es/organizations/berlin-solidarity");

        Assert.Equal("nouveaux arrivants", french.QuerySelector(".body strong")!.TextContent);
        Assert.Contains("Allemagne", french.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("newcomers", spanish.QuerySelector(".body strong")!.TextContent);
        Assert.Equal("en", spanish.QuerySelector(".body")!.GetAttribute("lang"));
        Assert.DoesNotContain("berlin-solidarity.test", french.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/organizations?region=999")]
    [InlineData("/en/organizations?type=7")]
    [InlineData("/en/organizations?status=Boss")]
    [InlineData("/en/organizations?country=XX")]
    [InlineData("/en/organizations?letter=Ω")]
    [InlineData("/en/organizations?after=999999")]
    public async Task A_filter_that_cannot_be_understood_is_a_bad_request(string url)
    {
        var (response, html) = await app.GetHtml(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Bad request", html.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Unknown_profiles_are_not_found()
    {
        var (response, _) = await app.GetHtml("/en/organizations/no-such-organisation");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class LongDirectoryApp : EmptyChorusFactory
{
    public override Task InitializeAsync() => this.Add(
        [.. Enumerable.Range(1, 2 * DirectoryModel.PageSize + 7).Select(n => Orgs.Make($"Member {n:000}", n % 2 == 0 ? "KE" : "FR"))]);
}

public sealed class DirectoryPagingTests(LongDirectoryApp app) : IClassFixture<LongDirectoryApp>
{
    [Fact]
    public async Task Next_and_previous_pages_visit_every_organisation_once()
    {
        var seen = new List<string>();
        string? url = "/en/organizations";
        var pages = new List<string>();
        while (url is not null)
        {
            var (_, html) = await app.GetHtml(url);
            pages.Add(url);
            seen.AddRange(html.QuerySelectorAll("ul.orgs > li > a").Select(a => a.TextContent));
            url = html.QuerySelector("a[rel=next]")?.GetAttribute("href");
        }

        Assert.Equal(3, pages.Count);
        Assert.Equal(Enumerable.Range(1, 2 * DirectoryModel.PageSize + 7).Select(n => $"Member {n:000}"), seen);

        var (_, last) = await app.GetHtml(pages[2]);
        var (_, back) = await app.GetHtml(last.QuerySelector("a[rel=prev]")!.GetAttribute("href")!);
        Assert.Equal("Member 051", back.QuerySelector("ul.orgs > li > a")!.TextContent);
        Assert.Equal(DirectoryModel.PageSize, back.QuerySelectorAll("ul.orgs > li").Length);
    }
}
