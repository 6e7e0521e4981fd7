using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Chorus.Web.Features.Errors;

/// <summary>Re-executed by the status-code and exception middleware; keeps the original status.</summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : SitePageModel
{
    public string Message { get; private set; } = "";

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        (Title, Message) = code switch
        {
            404 => ("Page not found", "We could not find that page. It may have moved, or the address may be mistyped."),
            400 => ("Bad request", "The address or the form contained something we could not understand."),
            403 => ("Access denied", "You do not have permission to see this page."),
            429 => ("Too many requests", "Please wait a moment and try again."),
            _ => ("Something went wrong", "An unexpected error occurred. Please try again later."),
        };
        // Someone opening /error/404 directly gets that status too, not a 200.
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK && code is >= 400 and < 600)
        {
            HttpContext.Response.StatusCode = code;
        }
        return Page();
    }
}
