using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Errors;

/// <summary>
/// Re-executed by the status-code and exception middleware under the failed request's own method (TRACE, PUT…);
/// keeps the original status.
/// </summary>
[IgnoreAntiforgeryToken]
[AnswersEveryMethod]
internal sealed class ErrorModel(IStringLocalizer<SharedStrings> S, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions> kestrel)
    : SitePageModel
{
    public string Message { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    /// <summary>A method the page has no handler for is answered as GET is.</summary>
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context) =>
        context.HandlerMethod ??= context.ActionDescriptor.HandlerMethods.Single(h => h.HttpMethod == "Get");

    private PageResult Show(int code)
    {
        // The status set by the failure outranks the address: a malformed form re-executed as /error/500 is a 400.
        code = HttpContext.Response.StatusCode is >= 400 and < 600 ? HttpContext.Response.StatusCode : code;
        // A form larger than the server takes (files, mostly) fails as its antiforgery token cannot be read from the cut
        // body: a bad request, but the person needs to hear that it was too large.
        var most = kestrel.Value.Limits.MaxRequestBodySize;
        if (code == StatusCodes.Status400BadRequest && most is > 0 && Request.ContentLength > most)
        {
            code = HttpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        }
        if (code == StatusCodes.Status503ServiceUnavailable)
        {
            HttpContext.Response.Headers.RetryAfter = Data.DatabaseFaults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        (Title, Message) = code switch
        {
            503 => (S["Temporarily unavailable"], S["The site cannot reach its database just now. Please try again in a minute."]),
            404 => (S["Page not found"], S["We could not find that page. It may have moved, or the address may be mistyped."]),
            400 => (S["Bad request"], S["The address or the form contained something we could not understand."]),
            403 => (S["Access denied"], S["You do not have permission to see this page."]),
            405 => (S["Not allowed"], S["This address does not take that kind of request."]),
            413 => (S["Too large"], S["What you sent is larger than the site takes at once ({0} MB). Nothing was kept: go back and send smaller files.",
                (most ?? 0) / 1_000_000]),
            429 => (S["Too many requests"], S["Please wait a moment and try again."]),
            _ => (S["Something went wrong"], S["An unexpected error occurred. Please try again later."]),
        };
        // Someone opening /error/404 directly gets that status too, not a 200.
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK && code is >= 400 and < 600)
        {
            HttpContext.Response.StatusCode = code;
        }
        return Page();
    }
}
