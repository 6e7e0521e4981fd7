using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Chorus.BrowserTests;

/// <summary>
/// Watches a browser context: requests to any other origin are recorded and aborted (they never leave
/// the machine), console errors and page errors are recorded, and the bytes of every response counted.
/// </summary>
public sealed class PageWatch
{
    private readonly string _origin;
    private readonly List<IResponse> _responses = [];

    public List<string> ForeignRequests { get; } = [];

    public List<string> ConsoleErrors { get; } = [];

    private PageWatch(string origin) => _origin = origin;

    public static async Task<(IBrowserContext Context, IPage Page, PageWatch Watch)> Open(
        LiveSite site, BrowserNewContextOptions? options = null)
    {
        var context = await site.Browser.NewContextAsync(options ?? new BrowserNewContextOptions());
        var watch = new PageWatch(new Uri(site.BaseUrl).GetLeftPart(UriPartial.Authority));
        // Only requests to other origins are intercepted (the pattern is matched inside the browser's driver): routing
        // every request of our own through Playwright cost each page a round trip per asset.
        await context.RouteAsync(new Regex($"^(?!{Regex.Escape(watch._origin)}/|data:)"), async route =>
        {
            lock (watch.ForeignRequests)
            {
                watch.ForeignRequests.Add(route.Request.Url);
            }
            await route.AbortAsync("blockedbyclient");
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (watch.ConsoleErrors)
                {
                    watch.ConsoleErrors.Add($"{message.Text} ({message.Location})");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (watch.ConsoleErrors)
            {
                watch.ConsoleErrors.Add("page error: " + error);
            }
        };
        page.Response += (_, response) =>
        {
            lock (watch._responses)
            {
                watch._responses.Add(response);
            }
        };
        return (context, page, watch);
    }

    /// <summary>Forgets what was seen so far, for a page that is reused for the next visit.</summary>
    public void Reset()
    {
        lock (ForeignRequests)
        {
            ForeignRequests.Clear();
        }
        lock (ConsoleErrors)
        {
            ConsoleErrors.Clear();
        }
        lock (_responses)
        {
            _responses.Clear();
        }
    }

    /// <summary>Bytes on the wire (compressed bodies plus headers) of every response so far.</summary>
    public async Task<(long Bytes, string Detail)> TransferredAsync()
    {
        IResponse[] responses;
        lock (_responses)
        {
            responses = [.. _responses];
        }
        long total = 0;
        var detail = new List<string>();
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            detail.Add($"{response.Url}: {sizes.ResponseBodySize} + {sizes.ResponseHeadersSize} header bytes");
        }
        return (total, string.Join('\n', detail));
    }
}
