using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Features.Localization.Machine;

internal sealed class MachineTranslationOptions
{
    /// <summary>Translation services, tried in order for each language pair; none means no machine translation.</summary>
    public List<ProviderOptions> Providers { get; set; } = [];

    /// <summary>The language to pivot through when no provider has a direct pair (Apertium: Spanish).</summary>
    public string Pivot { get; set; } = "es";

    /// <summary>How often the background worker looks for due jobs.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts before a job is marked failed; waits double after each failure.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 8;
}

internal sealed class ProviderOptions
{
    /// <summary>"apertium" (an Apertium APy server) or "libretranslate" (any LibreTranslate-compatible server).</summary>
    [Required, RegularExpression("^(apertium|libretranslate)$")]
    public string Kind { get; set; } = "apertium";

    /// <summary>Base address of the service, e.g. http://127.0.0.1:2737.</summary>
    [Required, Url]
    public string Url { get; set; } = "";

    /// <summary>API key, for LibreTranslate servers that need one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Language pairs this provider is used for, as "from-to" (e.g. "en-es").</summary>
    public List<string> Pairs { get; set; } = [];

    public bool Supports(string from, string to) => Pairs.Contains($"{from}-{to}", StringComparer.Ordinal);

    /// <summary>The service's name as its makers write it, for the people choosing to use it.</summary>
    public string DisplayName => Kind switch { "apertium" => "Apertium", "libretranslate" => "LibreTranslate", _ => Kind };
}
