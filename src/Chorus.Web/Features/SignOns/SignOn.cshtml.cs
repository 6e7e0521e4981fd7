using Chorus.Web.Data;
using Chorus.Web.Features.Campaigns;
using Chorus.Web.Features.Organisations;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.SignOns;

/// <summary>
/// /{culture}/campaigns/{slug}: the text to endorse and the sign-on form (never cached: it carries a per-visitor
/// antiforgery token). A submission is only a request: it counts once the emailed link is followed.
/// </summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class SignOnModel(ChorusDb db, TimeProvider clock, Mailer mailer, ExpiringTokens tokens,
    IOptions<CampaignOptions> options, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Slug { get; set; } = "";

    [BindProperty] public SignOnInput Input { get; set; } = new();

    public Campaign Campaign { get; private set; } = null!;
    public CampaignText Text { get; private set; } = null!;
    public int Count { get; private set; }
    public bool Open { get; private set; }
    public bool Closed { get; private set; }
    public bool Sent { get; private set; }
    public string? PostSlug { get; private set; }
    public int ConfirmationDays => options.Value.ConfirmationDays;

    private const string StartedPurpose = "Chorus.SignOn.Started";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Sent = Request.Query.ContainsKey("sent");
        Input.SigningAs = Campaign.Signers == Signers.Individuals ? "individual" : "organisation";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!Open)
        {
            ModelState.AddModelError("", Closed ? S["This campaign has closed; it no longer takes signatures."] : S["This campaign is not open yet."]);
            return Page();
        }
        // A robot filled in the field people cannot see: answer as if all went well, keep nothing.
        if (!string.IsNullOrEmpty(Input.Extra))
        {
            return Redirect($"/{Culture}/campaigns/{Slug}?sent=1#done");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        ModelState.CheckFillTime(tokens, StartedPurpose, Input.Started, TimeSpan.FromSeconds(options.Value.MinimumFillSeconds), S);
        var individual = Campaign.Signers == Signers.Individuals || (Campaign.Signers == Signers.Both && Input.SigningAs == "individual");
        var (organisation, country, type, website) = individual ? (null, CountryOf(optional: true), null, null) : await OrganisationAsync(ct);
        if (!individual && !Input.Authorised)
        {
            ModelState.AddModelError("Input.Authorised", S["Tick the box to confirm you may sign for this organisation."]);
        }
        if (!individual && string.IsNullOrWhiteSpace(Input.Role))
        {
            ModelState.AddModelError("Input.Role", S["Write your role in the organisation."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var name = individual ? Input.Name.Trim() : organisation?.Name ?? Input.Organisation!.Trim();
        var (confirmToken, confirmHash) = PublicForms.NewToken();
        var (manageToken, manageHash) = PublicForms.NewToken();
        var signature = new Signature
        {
            CampaignId = Campaign.Id, IsIndividual = individual, OrganisationId = organisation?.Id, Name = name,
            SignerKey = SignatureRules.SignerKey(individual, organisation?.Id, name, country, email),
            Country = country, Type = individual ? null : type ?? OrganisationType.Other, Website = website,
            SignatoryName = Input.Name.Trim(), SignatoryRole = Input.Role?.Trim(), Email = email, ContactConsent = Input.ContactConsent,
            ConsentAt = now, Comment = string.IsNullOrWhiteSpace(Input.Comment) ? null : Input.Comment.Trim(), Culture = Culture,
            State = SignatureState.Unconfirmed, CreatedAt = now, ConfirmTokenHash = confirmHash, ManageTokenHash = manageHash,
        };
        db.Signatures.Add(signature);
        // Queued in the same save as the signature: both land or neither does.
        var origin = Request.Origin();
        var link = $"{origin}/{Culture}/campaigns/{Slug}";
        var title = Text.Title;
        await mailer.QueueAsync(db, email, signature.Culture, S => new MailContent(S["Confirm your endorsement: {0}", title],
        [
            new MailText(S["Hello {0},", signature.SignatoryName]),
            new MailText(individual ? S["You asked to add your name to “{0}”.", title] : S["You asked to add “{0}” to the endorsers of “{1}”.", name, title]),
            new MailAction(S["It counts once you confirm. Open this link within {0} days to confirm:", options.Value.ConfirmationDays],
                $"{link}/confirm/{confirmToken}", S["Confirm your endorsement"]),
            new MailAction(S["To withdraw the endorsement or have your contact details erased at any time:"], $"{link}/signature/{manageToken}"),
            new MailText(S["If you did not ask for this, ignore this email: nothing is published without the link."]),
        ]), ct: ct);
        await db.SaveChangesAsync(ct);
        mailer.Notify();
        return Redirect($"/{Culture}/campaigns/{Slug}?sent=1#done");
    }

    private async Task<(Organisation?, string?, OrganisationType?, string?)> OrganisationAsync(CancellationToken ct)
    {
        var picked = await OrganisationPicker.PickAsync(db, Input, ModelState, S, ct);
        return (picked.Record, picked.Country, picked.Type, picked.Website);
    }

    private string? CountryOf(bool optional)
    {
        var country = OrganisationPicker.CountryOf(Input, ModelState, S, optional);
        return country == "int" ? null : country;
    }

    /// <summary>Sealed "form shown at" value for the form being rendered.</summary>
    public string StartedNow() => tokens.Seal(StartedPurpose);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var c = await db.Campaigns.AsNoTracking().Include(x => x.Translations).Include(x => x.Document).Include(x => x.Post).Include(x => x.Image)
            .FirstOrDefaultAsync(x => x.Slug == Slug && x.DeletedAt == null, ct);
        if (c is null)
        {
            return false;
        }
        (Campaign, Text) = (c, SignatureRules.Best(c, Chain));
        (Title, Image, Brand) = (Text.Title, Site.SiteIdentity.Image(c.Image), await BrandAsync());
        Description = S["Endorse “{0}”: organisations sign on here.", Text.Title];
        TranslatedCultures = [c.Culture, .. c.Translations.Select(t => t.Culture)];
        PostSlug = c.Post is { DeletedAt: null, Status: Chorus.Web.Features.Content.PostStatus.Published } post ? post.Slug : null;
        var now = clock.GetUtcNow().UtcDateTime;
        (Open, Closed) = (c.IsOpen(now), c.HasClosed(now));
        Count = await db.Signatures.Counted(c.Id).CountAsync(ct);
        return true;
    }

    /// <summary>
    /// schema.org data: the page of a text to endorse, with the number of endorsements so far (an EndorseAction counter), the
    /// deadline and the coalition publishing it; and the breadcrumb trail.
    /// </summary>
    private Site.Brand Brand { get; set; } = null!;

    public string JsonLd()
    {
        var origin = Request.Origin();
        var url = $"{origin}/{Culture}/campaigns/{Uri.EscapeDataString(Campaign.Slug)}";
        var site = Brand.Name.Text;
        return SchemaOrg.Json(
            new()
            {
                ["@context"] = "https://schema.org", ["@type"] = "WebPage", ["name"] = Text.Title, ["description"] = Description, ["url"] = url,
                ["inLanguage"] = Text.Culture, ["publisher"] = Site.SiteIdentity.Organization(Brand, origin, Culture),
                ["mainEntity"] = new Dictionary<string, object?>
                {
                    ["@type"] = "CreativeWork", ["name"] = Text.Title, ["inLanguage"] = Text.Culture, ["image"] = Origins.Absolute(origin, Campaign.Image?.Url()),
                    ["expires"] = Campaign.ClosesAt?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
                    ["interactionStatistic"] = new Dictionary<string, object?>
                    {
                        ["@type"] = "InteractionCounter", ["interactionType"] = "https://schema.org/EndorseAction", ["userInteractionCount"] = Count,
                    },
                },
            },
            SchemaOrg.Breadcrumbs((site, $"{origin}/{Culture}/"), (S["Campaigns"], $"{origin}/{Culture}/campaigns"), (Text.Title, url)));
    }
}
