using Chorus.Web.Features.Campaigns;

namespace Chorus.Web.Tests.Features.Campaigns;

/// <summary>The registrable domain that decides "Domain verified", by the Public Suffix List's rules.</summary>
/// <remarks>Needs no database: test.sh runs it once, in the SQLite pass.</remarks>
[Trait("Database", "none")]
public sealed class PublicSuffixTests
{
    private static readonly PublicSuffixes Rules = new(["// a comment", "uk", "org.uk", "*.ck", "!www.ck", "jp", "東京.jp", "github.io"]);

    [Theory]
    [InlineData("mail.ngo.org.uk", "ngo.org.uk")]
    [InlineData("ngo.org.uk", "ngo.org.uk")]
    [InlineData("other.org.uk", "other.org.uk")]
    [InlineData("a.b.example.ck", "b.example.ck")]
    [InlineData("www.ck", "www.ck")]
    [InlineData("shop.xn--1lqs71d.jp", "shop.東京.jp")]
    [InlineData("coalition.github.io", "coalition.github.io")]
    [InlineData("crossroads.example", "crossroads.example")]
    public void Finds_the_registrable_domain(string host, string expected) => Assert.Equal(expected, Rules.RegistrableDomain(host));

    [Theory]
    [InlineData("org.uk")]
    [InlineData("example.ck")]
    [InlineData("github.io")]
    [InlineData("localhost")]
    [InlineData("")]
    public void A_public_suffix_or_a_bare_name_has_none(string host) => Assert.Null(Rules.RegistrableDomain(host));

    [Fact]
    public void Debians_list_is_there_and_separates_two_charities_under_org_uk()
    {
        var debian = new PublicSuffixes(File.ReadLines("/usr/share/publicsuffix/public_suffix_list.dat"));
        Assert.True(debian.Loaded);
        Assert.NotEqual(debian.RegistrableDomain("ngo.org.uk"), debian.RegistrableDomain("other.org.uk"));
        Assert.Equal("ngo.org.uk", debian.RegistrableDomain("www.ngo.org.uk"));
    }
}
