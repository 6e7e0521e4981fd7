using System.Globalization;

namespace Chorus.Web.Features.Campaigns;

internal sealed class CampaignOptions
{
    /// <summary>The Public Suffix List; Debian's <c>publicsuffix</c> package installs it here.</summary>
    public string PublicSuffixList { get; set; } = "/usr/share/publicsuffix/public_suffix_list.dat";

    /// <summary>A sign-on form sent back sooner than this after it was shown is a robot's.</summary>
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>How long the confirmation link works.</summary>
    public int ConfirmationDays { get; set; } = 7;

    /// <summary>The default for a new campaign: contact data erased this many days after it closes.</summary>
    public int EraseContactAfterDays { get; set; } = 90;
}

/// <summary>
/// The registrable domain of a host ("ngo.org.uk" for "mail.ngo.org.uk"), by the Public Suffix List rules
/// (plain, wildcard and exception). Written here because no public-suffix package is served to this project;
/// the list itself is Debian's. Without the list we fall back to the whole host, which can only under-verify.
/// </summary>
internal sealed class PublicSuffixes
{
    private readonly HashSet<string> _rules = new(StringComparer.Ordinal);
    private readonly HashSet<string> _wildcards = new(StringComparer.Ordinal);
    private readonly HashSet<string> _exceptions = new(StringComparer.Ordinal);
    private static readonly IdnMapping Idn = new();

    public bool Loaded { get; }

    /// <summary>The list named by the options (Debian's by default); a warning when it is missing.</summary>
    public static PublicSuffixes Load(IServiceProvider services)
    {
        var path = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CampaignOptions>>().Value.PublicSuffixList;
        var suffixes = new PublicSuffixes(File.Exists(path) ? File.ReadLines(path) : null);
        if (!suffixes.Loaded)
        {
            services.GetRequiredService<ILogger<PublicSuffixes>>().LogWarning(
                "No Public Suffix List at {Path} (install Debian's publicsuffix package): a website's domain must match an email's exactly to verify it.", path);
        }
        return suffixes;
    }

    public PublicSuffixes(IEnumerable<string>? lines)
    {
        if (lines is null)
        {
            return;
        }
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal))
            {
                continue;
            }
            line = line.Split(' ', '\t')[0].ToLowerInvariant();
            if (line.StartsWith('!'))
            {
                _exceptions.Add(line[1..]);
            }
            else if (line.StartsWith("*.", StringComparison.Ordinal))
            {
                _wildcards.Add(line[2..]);
            }
            else
            {
                _rules.Add(line);
            }
        }
        Loaded = _rules.Count > 0;
    }

    /// <summary>The registrable domain of <paramref name="host"/>, or null when the host is itself a public suffix or not a name.</summary>
    public string? RegistrableDomain(string? host)
    {
        if (Normalise(host) is not { } name)
        {
            return null;
        }
        if (!Loaded)
        {
            return name.StartsWith("www.", StringComparison.Ordinal) ? name[4..] : name;
        }
        var labels = name.Split('.');
        // The longest matching rule wins; an exception rule beats the wildcard it cancels.
        var suffixLength = 1;
        for (var i = 0; i < labels.Length; i++)
        {
            var candidate = string.Join('.', labels[i..]);
            var length = labels.Length - i;
            if (_exceptions.Contains(candidate))
            {
                suffixLength = length - 1;
                break;
            }
            if (_rules.Contains(candidate))
            {
                suffixLength = Math.Max(suffixLength, length);
            }
            if (i + 1 < labels.Length && _wildcards.Contains(string.Join('.', labels[(i + 1)..])))
            {
                suffixLength = Math.Max(suffixLength, length);
            }
        }
        return labels.Length > suffixLength ? string.Join('.', labels[^(suffixLength + 1)..]) : null;
    }

    /// <summary>Lower case, Unicode form (the list is written in Unicode), no trailing dot; null for anything that is not a host name.</summary>
    private static string? Normalise(string? host)
    {
        var name = host?.Trim().TrimEnd('.').ToLowerInvariant();
        if (string.IsNullOrEmpty(name) || !name.Contains('.', StringComparison.Ordinal) || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }
        try
        {
            return Idn.GetUnicode(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
