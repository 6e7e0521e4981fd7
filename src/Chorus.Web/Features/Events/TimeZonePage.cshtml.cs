using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Events;

/// <summary>/{culture}/events/time-zone: choose the zone times are shown in (a plain form; a script preselects the browser's).</summary>
internal sealed class TimeZonePageModel(IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromQuery] public string? ReturnUrl { get; set; }

    public string? Current { get; private set; }

    public void OnGet()
    {
        Title = S["Your time zone"];
        NoIndex = true;
        Current = ReaderZone.Of(HttpContext);
        ReturnUrl = LocalUrls.LocalOr(ReturnUrl, $"/{Culture}/events");
    }
}
