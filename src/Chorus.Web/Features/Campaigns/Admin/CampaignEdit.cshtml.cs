using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Media;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Chorus.Web.Features.Campaigns.Admin;

/// <summary>
/// /admin/campaigns/{id|new}: the text to sign in each language and the campaign's rules. Once endorsements exist, a
/// change of text must be called a correction or a new version; a new version is emailed to every signatory.
/// </summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class CampaignEditModel(ChorusDb db, UserManager<ChorusUser> users, TimeProvider clock, DateTimeZone siteZone, Mailer mailer,
    IOptions<SiteOptions> site, IOptions<CampaignOptions> options, IStringLocalizer<SharedStrings> S) : SitePageModel, IFeaturedImageForm
{
    public IReadOnlyList<MediaItem> OfferedImages { private get; set; } = [];

    public int? ChosenImageId => Input.ImageId;

    public MediaChoice ImageChoice => MediaChoice.Featured(S, OfferedImages, Input.ImageId, ModelState);

    [FromRoute] public string Id { get; set; } = "";

    [BindProperty] public CampaignInput Input { get; set; } = new();

    public Campaign? Existing { get; private set; }
    public int Endorsements { get; private set; }
    public DateTimeZone Zone { get; private set; } = DateTimeZone.Utc;
    public IReadOnlyList<string> Cultures => site.Value.Cultures;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(keepInput: false, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(keepInput: true, ct) is { } problem)
        {
            return problem;
        }
        var c = Existing ?? new Campaign { Slug = "", Title = "", EraseContactAfterDays = options.Value.EraseContactAfterDays };
        var opens = LocalTimes.FromField(Input.OpensAt, Zone, ModelState, "Input.OpensAt", S);
        var closes = string.IsNullOrWhiteSpace(Input.ClosesAt) ? null : LocalTimes.FromField(Input.ClosesAt, Zone, ModelState, "Input.ClosesAt", S);
        if (opens is not null && closes <= opens)
        {
            ModelState.AddModelError("Input.ClosesAt", S["The campaign must close after it opens."]);
        }
        if (!Cultures.Contains(Input.Culture))
        {
            ModelState.AddModelError("Input.Culture", S["Choose a language from the list."]);
        }
        var postId = await PostAsync(ct);
        var documentId = await DocumentAsync(ct);
        await MediaChoice.CheckFeaturedAsync(db, Input.ImageId, ModelState, S, ct);
        var translations = Translations();
        var (slug, taken) = await Slugs.ForFormAsync(Input.Slug, Input.Title, s => db.Campaigns.AnyAsync(x => x.Slug == s && x.Id != c.Id, ct));
        if (taken)
        {
            ModelState.AddModelError("Input.Slug", S["Another campaign already has this address."]);
        }
        var before = Texts(c);
        var after = new Dictionary<string, string> { [Input.Culture] = CampaignText.HashOf(Input.Text) };
        foreach (var (culture, t) in translations)
        {
            after[culture] = CampaignText.HashOf(t.Text!);
        }
        // A language whose text differs is a change; a language written for the first time is not.
        var changed = after.Where(p => before.TryGetValue(p.Key, out var h) && h != p.Value).Select(p => p.Key).ToList();
        var added = after.Keys.Where(k => !before.ContainsKey(k)).ToList();
        var textChanged = Existing is not null && changed.Count > 0;
        if (textChanged && Endorsements > 0 && Input.Change is not (VersionChange.Correction or VersionChange.NewVersion))
        {
            ModelState.AddModelError("Input.Change", S["{0} organisations have endorsed this text: say whether your change is a correction or a new version.", Endorsements]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        (c.Title, c.Slug, c.Culture, c.TextMarkdown, c.PostId, c.DocumentId, c.ImageId) = (Input.Title.Trim(), slug, Input.Culture, Input.Text, postId, documentId, Input.ImageId);
        (c.OpensAt, c.ClosesAt, c.Signers, c.Goal, c.PublicList, c.Moderation) = (opens!.Value, closes, Input.Signers, Input.Goal, Input.PublicList, Input.Moderation);
        c.EraseContactAfterDays = Input.EraseContactAfterDays;
        c.Translations.RemoveAll(t => !translations.ContainsKey(t.Culture));
        foreach (var (culture, t) in translations)
        {
            if (c.Translations.FirstOrDefault(x => x.Culture == culture) is { } existing)
            {
                (existing.Title, existing.TextMarkdown) = (t.Title!.Trim(), t.Text!);
            }
            else
            {
                c.Translations.Add(new CampaignTranslation { Culture = culture, Title = t.Title!.Trim(), TextMarkdown = t.Text! });
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var change = textChanged ? Input.Change ?? VersionChange.Correction : (VersionChange?)null;
        if (change == VersionChange.NewVersion)
        {
            c.Version++;
        }
        foreach (var culture in Existing is null ? [.. after.Keys] : changed.Concat(added))
        {
            c.Versions.Add(new CampaignVersion
            {
                Number = c.Version, Change = changed.Contains(culture) ? change!.Value : VersionChange.Original, Culture = culture,
                TextHash = after[culture], Note = Input.ChangeNote?.Trim(), CreatedAt = now,
            });
        }
        if (Existing is null)
        {
            db.Campaigns.Add(c);
        }
        var told = change == VersionChange.NewVersion ? await TellSignatoriesAsync(c, ct) : 0;
        await db.SaveChangesAsync(ct);
        mailer.Notify();
        TempData["Status"] = told > 0 ? S["Saved as version {0}; {1} signatories are being told.", c.Version, told].Value : S["Saved."].Value;
        return Redirect($"/admin/campaigns/{c.Id}");
    }

    /// <summary>Every signatory we can still write to hears of the new version, in their language, with a fresh link to withdraw.</summary>
    private async Task<int> TellSignatoriesAsync(Campaign c, CancellationToken ct)
    {
        var origin = Request.Origin();
        var signatures = await db.Signatures.Where(s => s.CampaignId == c.Id && s.Email != null
            && (s.State == SignatureState.Published || s.State == SignatureState.Pending)).ToListAsync(ct);
        // Each signatory hears in their own language (the editor's note stays as the editor wrote it).
        var note = Input.ChangeNote?.Trim() is { Length: > 0 } n ? n : null;
        foreach (var s in signatures)
        {
            var text = SignatureRules.Best(c, site.Value.FallbackChain(s.Culture));
            var (token, hash) = PublicForms.NewToken();
            s.ManageTokenHash = hash;
            var link = $"{origin}/{s.Culture}/campaigns/{c.Slug}";
            await mailer.QueueAsync(db, s.Email!, s.Culture, S => new MailContent(S["New version of “{0}”", text.Title],
            [
                new MailText(S["Hello {0},", s.SignatoryName ?? s.Name]),
                new MailText(S["The text of “{0}” that {1} endorsed has changed: it is now version {2}. Your endorsement stays listed as given for version {3}.", text.Title, s.Name, c.Version, s.Version]),
                .. note is null ? Array.Empty<MailPart>() : [new MailText(S["What changed: {0}", note])],
                new MailText(S["Read the new text: {0}", link]),
                new MailAction(S["If you no longer support it, withdraw the endorsement here (this link replaces earlier ones):"], $"{link}/signature/{token}"),
            ]), ct: ct);
        }
        return signatures.Count;
    }

    /// <summary>Each language's text hash as stored now.</summary>
    private static Dictionary<string, string> Texts(Campaign c) =>
        new[] { SignatureRules.In(c, c.Culture)! }.Concat(c.Translations.Select(t => SignatureRules.In(c, t.Culture)!)).Where(t => t.Title.Length > 0)
            .ToDictionary(t => t.Culture, t => t.Hash);

    private Dictionary<string, CampaignTranslationInput> Translations()
    {
        var result = new Dictionary<string, CampaignTranslationInput>();
        foreach (var (culture, t) in Input.Translations)
        {
            if (culture == Input.Culture || string.IsNullOrWhiteSpace(t.Title) && string.IsNullOrWhiteSpace(t.Text))
            {
                continue;
            }
            if (!Cultures.Contains(culture))
            {
                ModelState.AddModelError("Input.Translations", S["Choose a language from the list."]);
            }
            else if (string.IsNullOrWhiteSpace(t.Title) || string.IsNullOrWhiteSpace(t.Text))
            {
                ModelState.AddModelError("Input.Translations", S["A translation needs both a title and a text ({0}).", S[Infrastructure.Cultures.NameKey(culture)]]);
            }
            else
            {
                result[culture] = t;
            }
        }
        return result;
    }


    private async Task<int?> PostAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Post))
        {
            return null;
        }
        var slug = Input.Post.Trim().TrimEnd('/').Split('/')[^1];
        var id = await db.Posts.Where(p => p.Slug == slug && p.DeletedAt == null).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            ModelState.AddModelError("Input.Post", S["No post or statement has this address."]);
        }
        return id;
    }

    private async Task<int?> DocumentAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Document))
        {
            return null;
        }
        var hash = Media.MediaItem.HashIn(Input.Document);
        var id = await db.Media.Where(m => m.Hash == hash && m.Kind == Media.MediaKind.Pdf).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            ModelState.AddModelError("Input.Document", S["No PDF in the media library has this address."]);
        }
        return id;
    }

    /// <summary>Loads the campaign (none for "new") and the editor's zone; null when the page can show.</summary>
    private async Task<IActionResult?> LoadAsync(bool keepInput, CancellationToken ct)
    {
        Zone = LocalTimes.ZoneOf((await users.GetUserAsync(User))?.TimeZone, siteZone);
        if (Id == "new")
        {
            Title = S["New campaign"];
            if (!keepInput)
            {
                Input.OpensAt = LocalTimes.Format(clock.GetUtcNow().UtcDateTime, Zone);
                Input.EraseContactAfterDays = options.Value.EraseContactAfterDays;
            }
            return null;
        }
        if (!int.TryParse(Id, CultureInfo.InvariantCulture, out var id))
        {
            return NotFound();
        }
        Existing = await db.Campaigns.Include(c => c.Translations).Include(c => c.Versions).Include(c => c.Post).Include(c => c.Document)
            .AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (Existing is not { } c)
        {
            return NotFound();
        }
        Title = S["Edit “{0}”", c.Title];
        Endorsements = await db.Signatures.CountAsync(s => s.CampaignId == c.Id && (s.State == SignatureState.Published || s.State == SignatureState.Pending), ct);
        if (!keepInput)
        {
            Input = new CampaignInput
            {
                Title = c.Title, Slug = c.Slug, Culture = c.Culture, Text = c.TextMarkdown, Post = c.Post?.Slug, Document = c.Document?.Url(), ImageId = c.ImageId,
                OpensAt = LocalTimes.Format(c.OpensAt, Zone), ClosesAt = c.ClosesAt is { } closes ? LocalTimes.Format(closes, Zone) : null,
                Signers = c.Signers, Goal = c.Goal, PublicList = c.PublicList, Moderation = c.Moderation, EraseContactAfterDays = c.EraseContactAfterDays,
                Translations = c.Translations.ToDictionary(t => t.Culture, t => new CampaignTranslationInput { Title = t.Title, Text = t.TextMarkdown }),
            };
        }
        return null;
    }
}
