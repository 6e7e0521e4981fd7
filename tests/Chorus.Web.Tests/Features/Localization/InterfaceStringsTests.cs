using System.Text.RegularExpressions;
using System.Xml.Linq;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Events;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Features.Statements;
using Chorus.Web.Infrastructure;

namespace Chorus.Web.Tests.Features.Localization;

/// <summary>No reader meets an untranslated interface string: every key exists, filled, in every language.</summary>
/// <remarks>Needs no database: test.sh runs it once, in the SQLite pass.</remarks>
[Trait("Database", "none")]
public sealed partial class InterfaceStringsTests
{
    private static readonly string Source = Path.Combine(RepoRoot(), "src/Chorus.Web");
    private static readonly string Resources = Path.Combine(Source, "Resources/Infrastructure");

    private static Dictionary<string, string> Read(string file) =>
        XDocument.Load(file).Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);

    private static HashSet<string> Keys => [.. Read(Path.Combine(Resources, "SharedStrings.resx")).Keys];

    private static readonly string[] SixCultures = ["en", "fr", "es", "ar", "zh", "ru"];

    public static TheoryData<string> Languages => ["fr", "es", "ar", "zh", "ru"];

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_is_translated_and_none_is_left_empty(string culture)
    {
        var translations = Read(Path.Combine(Resources, $"SharedStrings.{culture}.resx"));

        Assert.Empty(Keys.Except(translations.Keys));
        Assert.Empty(translations.Keys.Except(Keys));
        Assert.Empty(translations.Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    // The resource compiler drops a key that differs from another only by case, so its translations never show.
    [Fact]
    public void No_two_keys_differ_only_by_case() =>
        Assert.Empty(Keys.GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)));

    [Fact]
    public void Every_string_the_code_asks_for_is_a_key()
    {
        var used = Directory.EnumerateFiles(Source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => Lookup().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value))
                // Validation messages of forms (options' messages are for operators, in English).
                .Concat(f.Contains("/Features/", StringComparison.Ordinal)
                    ? ValidationMessage().Matches(File.ReadAllText(f)).Select(m => Regex.Unescape(m.Groups[1].Value))
                    : []))
            .Concat(Roles.All)
            .Concat(["Dashboard", "Users", "Audit log", "Posts", "Translations", "original text", "missing", "outdated", "human", "machine draft", "machine published", "Media", "Categories", "Your account", "Your sessions", "Outgoing mail"])
            .Concat(Chorus.Web.Features.Audit.AuditFields.Labels.Values).Concat(Chorus.Web.Features.Audit.AuditFields.Tables.Values)
            .Concat(Chorus.Web.Features.Audit.AuditFields.Actions.Values)
            .Concat(Enum.GetValues<Chorus.Web.Features.Content.PostStatus>().Select(s => s.ToString()))
            .Concat(Enum.GetValues<Chorus.Web.Features.Content.PostKind>().Select(Chorus.Web.Features.Content.Admin.PostLabels.Of))
            .Concat(Enum.GetValues<StatementType>().Select(StatementLabels.Of))
            .Concat(SixCultures.Select(Cultures.NameKey))
            .Concat(["Organisations", "Events", "Posts and statements issued", "Events hosted", "Sessions hosted", OrganisationLabels.International])
            .Concat(Enum.GetValues<OrganisationType>().Select(OrganisationLabels.Of))
            .Concat(Enum.GetValues<Membership>().Select(OrganisationLabels.Of))
            .Concat(Enum.GetValues<Membership>().Select(OrganisationLabels.Plural))
            .Concat(Countries.Areas.Select(a => a.Name))
            .Concat(Enum.GetValues<EventFormat>().Select(EventLabels.Of))
            .Concat(Enum.GetValues<EventKind>().Select(k => k.ToString()))
            .Concat(Enum.GetValues<EventStatus>().Select(k => k.ToString()))
            .Concat(Enum.GetValues<RegistrationStatus>().Select(k => k.ToString()))
            .Concat(Enum.GetValues<SessionStatus>().Select(k => k.ToString()))
            .Concat(Enum.GetValues<Chorus.Web.Features.Campaigns.Badge>().SelectMany(b => new[] { Chorus.Web.Features.Campaigns.CampaignLabels.Of(b), Chorus.Web.Features.Campaigns.CampaignLabels.Help(b) }))
            .Concat(Enum.GetValues<Chorus.Web.Features.Campaigns.SignatureState>().SelectMany(s => new[] { s.ToString(), Chorus.Web.Features.Campaigns.CampaignLabels.ForSigner(s) }))
            .Concat(Enum.GetValues<Chorus.Web.Features.Campaigns.VersionChange>().Select(Chorus.Web.Features.Campaigns.CampaignLabels.Of))
            .Concat(Chorus.Web.Features.Campaigns.CampaignLabels.Declared)
            .Concat(Enum.GetValues<Chorus.Web.Features.Consultations.QuestionKind>().Select(Chorus.Web.Features.Consultations.ConsultationLabels.Of))
            .Concat(Enum.GetValues<Chorus.Web.Features.Consultations.ResponseState>().Select(Chorus.Web.Features.Consultations.ConsultationLabels.Of))
            .Append("Civil society for the rights of people on the move")
            .ToHashSet();

        Assert.True(used.Count > 40, $"only {used.Count} strings found: is the scan broken?");
        Assert.Empty(used.Except(Keys));
    }

    [GeneratedRegex("""S\["((?:[^"\\]|\\.)*)"[,\]]""")]
    private static partial Regex Lookup();

    [GeneratedRegex(@"ErrorMessage = ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex ValidationMessage();

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Chorus.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Chorus.slnx not found");
    }
}
