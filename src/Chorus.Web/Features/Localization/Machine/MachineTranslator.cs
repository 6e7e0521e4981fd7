using System.Security.Cryptography;
using System.Text;
using Chorus.Web.Data;
using Chorus.Web.Features.Content;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Localization.Machine;

/// <summary>A post's texts as a machine translated them, and the language it went through, if any.</summary>
internal sealed record MachineText(string Title, string? Summary, string BodyMarkdown, string? Pivot);

/// <summary>
/// Picks a provider for each language pair (directly, or two legs through the pivot language), and
/// keeps every answer in the database so the same paragraph is never sent twice.
/// </summary>
internal sealed class MachineTranslator(IHttpClientFactory httpFactory, IOptions<MachineTranslationOptions> options, TimeProvider clock)
{
    public const string HttpClientName = "machine-translation";

    /// <summary>The language a translation goes through when no service translates a pair directly.</summary>
    public string Pivot => options.Value.Pivot;

    /// <summary>The legs to translate <paramref name="from"/> into <paramref name="to"/>; empty when no route exists.</summary>
    public IReadOnlyList<(ProviderOptions Provider, string From, string To)> Route(string from, string to)
    {
        var providers = options.Value.Providers;
        if (providers.Find(p => p.Supports(from, to)) is { } direct)
        {
            return [(direct, from, to)];
        }
        var pivot = options.Value.Pivot;
        if (pivot != from && pivot != to
            && providers.Find(p => p.Supports(from, pivot)) is { } first
            && providers.Find(p => p.Supports(pivot, to)) is { } second)
        {
            return [(first, from, pivot), (second, pivot, to)];
        }
        return [];
    }

    /// <summary>
    /// Who would make a draft from <paramref name="from"/> into <paramref name="to"/>, for staff: "Apertium", "Apertium,
    /// through Spanish"; null when no configured service reaches it.
    /// </summary>
    public string? RouteName(string from, string to, Microsoft.Extensions.Localization.IStringLocalizer<Infrastructure.SharedStrings> S) => Route(from, to) switch
    {
        [var direct] => direct.Provider.DisplayName,
        [var first, var second] => S["{0}, through {1}", string.Join(" + ", new[] { first.Provider.DisplayName, second.Provider.DisplayName }.Distinct()),
            S[Infrastructure.Cultures.NameKey(first.To)]].Value,
        _ => null,
    };

    public async Task<MachineText> TranslateAsync(ChorusDb db, IPostText source, string from, string to, CancellationToken ct)
    {
        var route = Route(from, to);
        if (route.Count == 0)
        {
            throw new NoTranslationRouteException($"No machine translation service is configured for {from} → {to}.");
        }
        Task<string> Html(string html) => TranslateHtmlAsync(db, route, html, ct);
        return new MachineText(
            await MarkdownTranslation.TranslateTextAsync(source.Title, Html),
            source.Summary is { Length: > 0 } summary ? await MarkdownTranslation.TranslateTextAsync(summary, Html) : null,
            await MarkdownTranslation.TranslateAsync(source.BodyMarkdown, Html),
            route.Count > 1 ? route[0].To : null);
    }

    /// <summary>A plain text (an answer to a consultation) machine translated, through the same routes and cache as posts.</summary>
    public async Task<(string Text, string? Pivot)> TranslatePlainAsync(ChorusDb db, string text, string from, string to, CancellationToken ct)
    {
        var route = Route(from, to);
        if (route.Count == 0)
        {
            throw new NoTranslationRouteException($"No machine translation service is configured for {from} → {to}.");
        }
        return (await MarkdownTranslation.TranslateTextAsync(text, html => TranslateHtmlAsync(db, route, html, ct)), route.Count > 1 ? route[0].To : null);
    }

    /// <summary>A Markdown text (a consultation's introduction) machine translated, structure kept, through the same routes and cache.</summary>
    public async Task<string> TranslateMarkdownAsync(ChorusDb db, string markdown, string from, string to, CancellationToken ct)
    {
        var route = Route(from, to);
        if (route.Count == 0)
        {
            throw new NoTranslationRouteException($"No machine translation service is configured for {from} → {to}.");
        }
        return await MarkdownTranslation.TranslateAsync(markdown, html => TranslateHtmlAsync(db, route, html, ct));
    }

    private async Task<string> TranslateHtmlAsync(
        ChorusDb db, IReadOnlyList<(ProviderOptions Provider, string From, string To)> route, string html, CancellationToken ct)
    {
        foreach (var (provider, from, to) in route)
        {
            var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{provider.Kind}|{provider.Url}|{from}|{to}|{html}")));
            var cached = await db.MachineTranslationCache.AsNoTracking().Where(c => c.Key == key).Select(c => c.Result).FirstOrDefaultAsync(ct);
            if (cached is null)
            {
                var http = httpFactory.CreateClient(HttpClientName);
                ITranslationProvider service = provider.Kind == "libretranslate"
                    ? new LibreTranslateProvider(http, provider)
                    : new ApertiumProvider(http, provider);
                cached = await service.TranslateHtmlAsync(html, from, to, ct);
                db.MachineTranslationCache.Add(new CachedTranslation { Key = key, Result = cached, CreatedAt = clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(ct);
            }
            html = cached;
        }
        return html;
    }
}
