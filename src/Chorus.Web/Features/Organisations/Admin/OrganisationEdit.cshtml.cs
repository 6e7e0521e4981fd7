using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Audit;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Organisations.Admin;

/// <summary>/admin/organisations/new and /admin/organisations/{id}: create, edit, archive and restore; the record's history.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class OrganisationEditModel(ChorusDb db, TimeProvider clock, IOptions<SiteOptions> site, AuditReader audit,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Id { get; set; } = "";

    [BindProperty] public OrganisationInput Input { get; set; } = new();

    public Organisation? Existing { get; private set; }

    public IReadOnlyList<AuditLine> History { get; private set; } = [];

    public IReadOnlyList<string> Cultures => site.Value.Cultures;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }
        if (Existing is { } org)
        {
            Input = new OrganisationInput
            {
                Name = org.Name, Acronym = org.Acronym, Slug = org.Slug, Country = org.Country, Type = org.Type, Membership = org.Membership,
                JoinedOn = org.JoinedOn, Website = org.Website, EmailDomains = string.Join(", ", org.EmailDomains), Culture = org.Culture,
                Description = org.DescriptionMarkdown, Logo = org.Logo?.Url(org.Logo.Widths.Min()),
                Translations = org.Translations.ToDictionary(t => t.Culture, t => (string?)t.DescriptionMarkdown),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } problem)
        {
            return problem;
        }
        var self = Existing?.Id ?? 0;
        Task<bool> Taken(string candidate) => db.Organisations.AnyAsync(o => o.Slug == candidate && o.Id != self, ct);
        var (slug, slugTaken) = await Slugs.ForFormAsync(Input.Slug, Input.Name, Taken);
        if (slugTaken)
        {
            ModelState.AddModelError("Input.Slug", S["Another organisation already uses the address “{0}”. Choose another.", slug]);
        }
        var country = string.IsNullOrEmpty(Input.Country) ? null : Countries.Get(Input.Country)?.Code;
        if (!string.IsNullOrEmpty(Input.Country) && country is null)
        {
            ModelState.AddModelError("Input.Country", S["Choose a country from the list."]);
        }
        if (!OrganisationRules.TryWebsite(Input.Website, out var website))
        {
            ModelState.AddModelError("Input.Website", S["Enter the website as an address such as https://example.org."]);
        }
        if (!OrganisationRules.TryDomains(Input.EmailDomains, out var domains, out var bad))
        {
            ModelState.AddModelError("Input.EmailDomains", S["“{0}” is not an email domain (such as example.org); at most 20.", bad ?? ""]);
        }
        if (!Cultures.Contains(Input.Culture))
        {
            ModelState.AddModelError("Input.Culture", S["Choose one of the site's languages."]);
        }
        if (Input.JoinedOn is { } joined && joined > DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
        {
            ModelState.AddModelError("Input.JoinedOn", S["The date it joined cannot be in the future."]);
        }
        var logo = await FindLogoAsync(ct);
        if (Input.Translations.Values.Any(t => t?.Length > 20_000))
        {
            ModelState.AddModelError("Input.Translations", S["Keep the description under 20,000 characters."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var org = Existing is { } existing
            ? await db.Organisations.Include(o => o.Translations).SingleAsync(o => o.Id == existing.Id, ct)
            : db.Organisations.Add(new Organisation { Name = "", Slug = "" }).Entity;
        org.Name = Input.Name.Trim();
        org.Acronym = string.IsNullOrWhiteSpace(Input.Acronym) ? null : Input.Acronym.Trim();
        org.Slug = slug;
        org.Country = country;
        org.Type = Input.Type;
        org.Membership = Input.Membership;
        org.JoinedOn = Input.JoinedOn;
        org.Website = website;
        org.EmailDomains = domains;
        org.Culture = Input.Culture;
        org.DescriptionMarkdown = Input.Description?.Trim() ?? "";
        org.LogoId = logo?.Id;
        foreach (var culture in Cultures.Where(c => c != Input.Culture))
        {
            var text = Input.Translations.GetValueOrDefault(culture)?.Trim() ?? "";
            var translation = org.Translations.FirstOrDefault(t => t.Culture == culture);
            if (text.Length == 0 && translation is not null)
            {
                org.Translations.Remove(translation);
            }
            else if (text.Length > 0 && translation is null)
            {
                org.Translations.Add(new OrganisationTranslation { Culture = culture, DescriptionMarkdown = text });
            }
            else if (translation is not null)
            {
                translation.DescriptionMarkdown = text;
            }
        }
        org.Translations.RemoveAll(t => t.Culture == Input.Culture);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = S["Saved."].Value;
        return Redirect($"/admin/organisations/{org.Id}");
    }

    public Task<IActionResult> OnPostArchiveAsync(CancellationToken ct) =>
        SetArchivedAsync(clock.GetUtcNow().UtcDateTime, S["Archived: it is no longer in the public directory. Its page and history are kept."], ct);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) => SetArchivedAsync(null, S["Restored to the directory."], ct);

    private async Task<IActionResult> SetArchivedAsync(DateTime? at, string message, CancellationToken ct)
    {
        if (!int.TryParse(Id, CultureInfo.InvariantCulture, out var id)
            || await db.Organisations.SingleOrDefaultAsync(o => o.Id == id && o.MergedIntoId == null, ct) is not { } org)
        {
            return NotFound();
        }
        org.ArchivedAt = at;
        await db.SaveChangesAsync(ct);
        TempData["Status"] = message;
        return Redirect($"/admin/organisations/{id}");
    }

    private async Task<Media.MediaItem?> FindLogoAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Logo))
        {
            return null;
        }
        var hash = Media.MediaItem.HashIn(Input.Logo);
        var item = await db.Media.FirstOrDefaultAsync(m => m.Hash == hash && m.Kind == Media.MediaKind.Image, ct);
        if (item is null)
        {
            ModelState.AddModelError("Input.Logo", S["No image in the media library has this address."]);
        }
        return item;
    }

    /// <summary>Loads the record (none for "new") and its history; null when the page can show.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (Id == "new")
        {
            Title = S["Add an organisation"];
            return null;
        }
        if (!int.TryParse(Id, CultureInfo.InvariantCulture, out var id))
        {
            return NotFound();
        }
        Existing = await db.Organisations.AsNoTracking().Include(o => o.Translations).Include(o => o.Logo).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (Existing is null)
        {
            return NotFound();
        }
        Title = S["Edit “{0}”", Existing.Name];
        var key = id.ToString(CultureInfo.InvariantCulture);
        History = await audit.ReadAsync(await db.AuditLog.AsNoTracking().Where(a => a.Entity == nameof(Organisation) && a.EntityId == key)
            .OrderByDescending(a => a.Id).Take(50).ToListAsync(ct), ct);
        return null;
    }
}
