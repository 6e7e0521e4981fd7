using Chorus.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Accounts;

internal sealed class DeniedModel(IStringLocalizer<SharedStrings> S) : SitePageModel
{
    public void OnGet()
    {
        Title = S["Access denied"];
        Response.StatusCode = StatusCodes.Status403Forbidden;
    }
}
