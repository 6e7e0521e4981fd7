using Chorus.Web.Infrastructure.Email;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>Every form takes only addresses the outbox can send to: MimeKit, which sends them, decides.</summary>
/// <remarks>Needs no database: test.sh runs it once, in the SQLite pass.</remarks>
[Trait("Database", "none")]
public sealed class MailAddressesTests
{
    [Theory]
    [InlineData("eleni@harbour-rights.org")]
    [InlineData("first.last+campaigns@sub.example.org")]
    [InlineData("  padded@example.org ")]
    [InlineData("maría@ejemplo.es")]
    public void Addresses_people_have_are_accepted(string address) => Assert.True(MailAddresses.IsValid(address));

    [Theory]
    [InlineData("x y@example.org")]
    [InlineData("<SCRIPT>alert(1)</SCRIPT>@example.test")]
    [InlineData("Eleni <eleni@example.org>")]
    [InlineData("a@b@example.org")]
    [InlineData("nobody@localhost")]
    [InlineData("@example.org")]
    [InlineData("eleni@")]
    [InlineData("eleni@example.org,other@example.org")]
    [InlineData("eleni@example.org\u0001")]
    [InlineData("")]
    public void Addresses_the_sender_could_not_use_are_refused(string address) => Assert.False(MailAddresses.IsValid(address));
}
