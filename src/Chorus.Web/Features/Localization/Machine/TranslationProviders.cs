using System.Net.Http.Json;
using System.Text.Json;

namespace Chorus.Web.Features.Localization.Machine;

/// <summary>A machine translation service. Text goes in and comes out as HTML, so markup (links) survives.</summary>
internal interface ITranslationProvider
{
    Task<string> TranslateHtmlAsync(string html, string from, string to, CancellationToken ct);
}

internal class TranslationProviderException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No configured service can translate this pair, directly or through the pivot: retrying will not help.</summary>
internal sealed class NoTranslationRouteException(string message) : TranslationProviderException(message);

/// <summary>Apertium APy: self-hosted, so no text leaves the organisation.</summary>
internal sealed class ApertiumProvider(HttpClient http, ProviderOptions options) : ITranslationProvider
{
    public async Task<string> TranslateHtmlAsync(string html, string from, string to, CancellationToken ct)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["q"] = html,
            ["langpair"] = $"{from}|{to}",
            ["format"] = "html",
            ["markUnknown"] = "no",
        });
        using var response = await Send(() => http.PostAsync(new Uri(new Uri(options.Url), "translate"), form, ct));
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return json.RootElement.TryGetProperty("responseData", out var data)
            && data.ValueKind == JsonValueKind.Object
            && data.TryGetProperty("translatedText", out var text) && text.GetString() is { } result
            ? result
            : throw new TranslationProviderException($"Apertium at {options.Url} answered without a translation for {from}|{to}.");
    }

    internal static async Task<HttpResponseMessage> Send(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            var response = await send();
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync();
                response.Dispose();
                throw new TranslationProviderException($"The translation service answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
            return response;
        }
        catch (HttpRequestException e)
        {
            throw new TranslationProviderException("The translation service could not be reached: " + e.Message, e);
        }
    }
}

/// <summary>Any server speaking LibreTranslate's API (self-hosted LibreTranslate, or compatible services).</summary>
internal sealed class LibreTranslateProvider(HttpClient http, ProviderOptions options) : ITranslationProvider
{
    public async Task<string> TranslateHtmlAsync(string html, string from, string to, CancellationToken ct)
    {
        var request = new Dictionary<string, string> { ["q"] = html, ["source"] = from, ["target"] = to, ["format"] = "html" };
        if (options.ApiKey is { Length: > 0 } key)
        {
            request["api_key"] = key;
        }
        using var response = await ApertiumProvider.Send(() => http.PostAsJsonAsync(new Uri(new Uri(options.Url), "translate"), request, ct));
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
        return json.RootElement.TryGetProperty("translatedText", out var text) && text.GetString() is { } result
            ? result
            : throw new TranslationProviderException($"LibreTranslate at {options.Url} answered without a translation for {from}-{to}.");
    }
}
