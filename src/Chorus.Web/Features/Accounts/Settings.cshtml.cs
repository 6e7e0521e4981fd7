using System.ComponentModel.DataAnnotations;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using NodaTime;

namespace Chorus.Web.Features.Accounts;

/// <summary>/admin/account: a staff member's own name, time zone and the language emails to them are written in.</summary>
internal sealed class SettingsModel(UserManager<ChorusUser> users, DateTimeZone siteZone, Microsoft.Extensions.Options.IOptions<SiteOptions> site,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your name."), MaxLength(200)]
    public string DisplayName { get; set; } = "";

    [BindProperty, MaxLength(64)]
    public string TimeZone { get; set; } = "";

    [BindProperty, MaxLength(16)]
    public string EmailCulture { get; set; } = "";

    /// <summary>The site's languages, each named in itself.</summary>
    public IEnumerable<SelectListItem> EmailCultures => site.Value.Cultures.Select(c => new SelectListItem(Infrastructure.Cultures.NativeName(c), c, c == EmailCulture));

    public IEnumerable<SelectListItem> Zones =>
        DateTimeZoneProviders.Tzdb.Ids.Where(id => id.Contains('/', StringComparison.Ordinal) && !id.StartsWith("Etc/", StringComparison.Ordinal))
            .Select(id => new SelectListItem(id.Replace('_', ' '), id, id == TimeZone));

    public async Task<IActionResult> OnGetAsync()
    {
        Title = S["Your account"];
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        (DisplayName, TimeZone) = (user.DisplayName, user.TimeZone.Length > 0 ? user.TimeZone : siteZone.Id);
        EmailCulture = site.Value.Cultures.Contains(user.Culture) ? user.Culture : site.Value.Cultures[0];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Title = S["Your account"];
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZone) is null)
        {
            ModelState.AddModelError(nameof(TimeZone), S["Choose a time zone from the list."]);
        }
        if (!site.Value.Cultures.Contains(EmailCulture))
        {
            ModelState.AddModelError(nameof(EmailCulture), S["Choose a language from the list."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        (user.DisplayName, user.TimeZone, user.Culture) = (DisplayName.Trim(), TimeZone, EmailCulture);
        await users.UpdateAsync(user);
        TempData["Status"] = S["Saved."].Value;
        return RedirectToPage();
    }
}
