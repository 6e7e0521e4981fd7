using System.Globalization;
using System.Text.RegularExpressions;

namespace Chorus.Web.Features.Organisations;

/// <summary>What the editor and the CSV import both accept for an organisation's address and email domains.</summary>
internal static partial class OrganisationRules
{
    /// <summary>An http(s) address; "www.ngo.org" gets https:// in front. False when it cannot be one.</summary>
    public static bool TryWebsite(string? text, out string? website)
    {
        website = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var typed = text.Trim();
        if (!typed.Contains("://", StringComparison.Ordinal))
        {
            typed = "https://" + typed;
        }
        if (typed.Length > 500 || !Uri.TryCreate(typed, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !uri.Host.Contains('.', StringComparison.Ordinal))
        {
            return false;
        }
        website = uri.ToString();
        return true;
    }

    /// <summary>Domains separated by commas, semicolons or spaces ("@ngo.org" is fine); the first bad one is named.</summary>
    public static bool TryDomains(string? text, out List<string> domains, out string? bad)
    {
        domains = [];
        bad = null;
        var idn = new IdnMapping();
        foreach (var part in (text ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var domain = part.TrimStart('@').TrimEnd('.').ToLowerInvariant();
            try
            {
                domain = idn.GetAscii(domain);
            }
            catch (ArgumentException)
            {
                bad = part;
                return false;
            }
            if (!Domain().IsMatch(domain))
            {
                bad = part;
                return false;
            }
            if (!domains.Contains(domain))
            {
                domains.Add(domain);
            }
        }
        if (domains.Count > 20)
        {
            bad = domains[20];
            return false;
        }
        return true;
    }

    [GeneratedRegex("^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$")]
    private static partial Regex Domain();
}
