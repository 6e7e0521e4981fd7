using System.ComponentModel.DataAnnotations;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Content;
using Chorus.Web.Features.Content.Admin;
using Chorus.Web.Features.Localization.Machine;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Localization.Admin;

/// <summary>
/// The original beside its translation into one culture; when the original has changed since, what
/// changed. Translators may open and save only the cultures assigned to them.
/// </summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Editor},{Roles.Translator}")]
internal sealed class TranslationEditModel(ChorusDb db, UserManager<ChorusUser> users, TranslationJobs jobs, MachineTranslator machine,
    IOptions<SiteOptions> site, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    /// <summary>
    /// How a machine draft would be made, said before anyone asks for one: "Apertium", "Apertium, through Spanish", or null
    /// when no configured service reaches this language from the original's.
    /// </summary>
    public string? MachineRoute { get; private set; }

    /// <summary>Why no machine draft can be had, in words, when <see cref="MachineRoute"/> is null.</summary>
    public string? NoMachineRoute { get; private set; }

    /// <summary>The last machine draft asked for that failed, with the reason the service gave.</summary>
    public string? MachineFailure { get; private set; }

    public sealed class TranslationInput
    {
        [Required(ErrorMessage = "Give the post a title."), MaxLength(300, ErrorMessage = "Keep the title under 300 characters.")]
        public string Title { get; set; } = "";

        [MaxLength(1000, ErrorMessage = "Keep the summary under 1,000 characters.")]
        public string? Summary { get; set; }

        [Required(ErrorMessage = "Write the text of the post."), MaxLength(200_000, ErrorMessage = "The text is too long.")]
        public string Body { get; set; } = "";

        public TranslationState State { get; set; } = TranslationState.Human;

        [MaxLength(200)] public string? SpeakerRole { get; set; }

        [MaxLength(300)] public string? Venue { get; set; }

        [MaxLength(300)] public string? Addressee { get; set; }
    }

    [FromRoute] public int Id { get; set; }

    [FromRoute(Name = "culture")] public new string Culture { get; set; } = "";

    [BindProperty] public TranslationInput Input { get; set; } = new();

    public Post? Original { get; private set; }

    public bool Outdated { get; private set; }

    public IReadOnlyList<DiffLine>? Changes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync(keepInput: false) ?? Page();

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await LoadAsync(keepInput: true) is { } problem)
        {
            return problem;
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var translation = await db.PostTranslations.SingleOrDefaultAsync(t => t.PostId == Id && t.Culture == Culture)
            ?? db.PostTranslations.Add(new PostTranslation { PostId = Id, Culture = Culture, Title = "", BodyMarkdown = "", SourceHash = "" }).Entity;
        translation.Title = Input.Title.Trim();
        translation.Summary = string.IsNullOrWhiteSpace(Input.Summary) ? null : Input.Summary.Trim();
        translation.BodyMarkdown = Input.Body;
        translation.State = Input.State;
        if (Original!.Statement is not null)
        {
            (translation.StatementSpeakerRole, translation.StatementVenue, translation.StatementAddressee) =
                (Blank(Input.SpeakerRole), Blank(Input.Venue), Blank(Input.Addressee));
        }
        // Saving is the translator saying "this matches the original as it is now".
        translation.SourceHash = Original!.ContentHash;
        await db.SaveChangesAsync();
        TempData["Status"] = S["Saved."].Value;
        return Redirect($"/admin/translations/{Id}/{Culture}");
    }

    public async Task<IActionResult> OnPostMachineAsync()
    {
        if (await LoadAsync(keepInput: true) is { } problem)
        {
            return problem;
        }
        // Asked for a language no service reaches (a form from before the configuration changed): said at once, nothing queued.
        TempData["Status"] = MachineRoute is null
            ? NoMachineRoute
            : S["A machine draft is on its way; it appears here when ready."].Value;
        if (MachineRoute is not null)
        {
            await jobs.EnqueueAsync(db, Id, Culture, HttpContext.RequestAborted);
        }
        return Redirect($"/admin/translations/{Id}/{Culture}");
    }

    private async Task<IActionResult?> LoadAsync(bool keepInput)
    {
        if (!site.Value.Cultures.Contains(Culture))
        {
            return NotFound();
        }
        if (!(await TranslatorRights.EditableCulturesAsync(users, User, site.Value.Cultures)).Contains(Culture))
        {
            return Forbid();
        }
        Original = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id && p.DeletedAt == null);
        if (Original is null || Original.Culture == Culture)
        {
            return NotFound();
        }
        Title = S["Translate “{0}”", Original.Title];
        MachineRoute = machine.RouteName(Original.Culture, Culture, S);
        NoMachineRoute = MachineRoute is not null ? null
            : S["No machine translation service configured here reaches {0} from {1}, directly or through {2}; write this translation by hand.",
                S[Cultures.NameKey(Culture)], S[Cultures.NameKey(Original.Culture)], S[Cultures.NameKey(machine.Pivot)]].Value;
        MachineFailure = await db.TranslationJobs.AsNoTracking().Where(j => j.PostId == Id && j.Culture == Culture)
            .OrderByDescending(j => j.Id).Select(j => j.Status == QueueStatus.Failed ? j.LastError : null).FirstOrDefaultAsync();
        var translation = await db.PostTranslations.AsNoTracking().SingleOrDefaultAsync(t => t.PostId == Id && t.Culture == Culture);
        if (translation is not null)
        {
            Outdated = translation.SourceHash != Original.ContentHash;
            if (!keepInput)
            {
                Input = new TranslationInput
                {
                    Title = translation.Title, Summary = translation.Summary, Body = translation.BodyMarkdown, State = translation.State,
                    SpeakerRole = translation.StatementSpeakerRole, Venue = translation.StatementVenue, Addressee = translation.StatementAddressee,
                };
            }
            if (Outdated)
            {
                // The revision the translation was made from is the one whose text hashes to its SourceHash.
                var revisions = await db.PostRevisions.AsNoTracking().Where(r => r.PostId == Id).OrderByDescending(r => r.Id).Take(200).ToListAsync();
                if (revisions.Find(r => PostTexts.Hash(r.Title, r.Summary, r.BodyMarkdown) == translation.SourceHash) is { } source)
                {
                    Changes = [.. PostDiff.Since(source, Original).Where(l => l.Kind.Length > 0)];
                }
            }
        }
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
