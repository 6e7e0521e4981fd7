using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>What a reader's Chromium saw on one visit to a page type, with JavaScript on.</summary>
public sealed record PageVisit(int Status, string? ContentEncoding, long Bytes, string Transfers, IReadOnlyList<string> ForeignRequests,
    IReadOnlyList<string> ConsoleErrors, AxeResult Axe);

/// <summary>
/// One visit per public page type, made by the first check that asks and read by the others: the axe, privacy and
/// weight checks each assert on the same real page load. Visits go one after another through one tab, as a reader
/// browsing the site would, with the browser's cache off and cookies cleared before each, so every visit is a first
/// visit that fetches the page's stylesheet and scripts. (A fresh browser context per check cost Chromium about four
/// times the CPU of a navigation, and CPU is what the suite waits on with two cores.)
/// </summary>
internal static class PageVisits
{
    private static readonly ConcurrentDictionary<string, Lazy<Task<PageVisit>>> Visits = new();
    private static readonly SemaphoreSlim Tab = new(1, 1);
    private static (IBrowserContext Context, IPage Page, PageWatch Watch)? _reader;

    public static Task<PageVisit> OfAsync(LiveSite site, string pageType) =>
        Visits.GetOrAdd(pageType, type => new Lazy<Task<PageVisit>>(() => VisitAsync(site, type))).Value;

    private static async Task<PageVisit> VisitAsync(LiveSite site, string pageType)
    {
        await Tab.WaitAsync();
        try
        {
            if (_reader is null)
            {
                var reader = await PageWatch.Open(site);
                var devTools = await reader.Context.NewCDPSessionAsync(reader.Page);
                await devTools.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
                _reader = reader;
            }
            var (context, page, watch) = _reader.Value;
            await context.ClearCookiesAsync();
            watch.Reset();

            var response = await page.GotoAsync(site.BaseUrl + PageTypes.PathOf(site, pageType), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var encoding = await response!.HeaderValueAsync("content-encoding");
            var (bytes, detail) = await watch.TransferredAsync();
            // Read before axe runs: its script is the test's, not the page's.
            string[] foreign, errors;
            lock (watch.ForeignRequests)
            {
                foreign = [.. watch.ForeignRequests];
            }
            lock (watch.ConsoleErrors)
            {
                errors = [.. watch.ConsoleErrors];
            }
            var axe = await page.RunAxe(PageQualityTests.Wcag);
            return new PageVisit(response.Status, encoding, bytes, detail, foreign, errors, axe);
        }
        finally
        {
            Tab.Release();
        }
    }
}
