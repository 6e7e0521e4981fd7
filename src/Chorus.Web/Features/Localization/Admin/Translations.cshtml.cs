using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Consultations;
using Chorus.Web.Features.Content;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Chorus.Web.Features.Localization.Admin;

internal sealed record MatrixRow(int Id, string Title, IReadOnlyDictionary<string, string> States);

/// <summary>/admin/translations: posts × languages, each cell the state of that version.</summary>
[Authorize(Roles = $"{Roles.Admin},{Roles.Editor},{Roles.Translator}")]
internal sealed class TranslationsModel(ChorusDb db, UserManager<ChorusUser> users, Machine.MachineTranslator machine, IOptions<SiteOptions> site,
    IStringLocalizer<SharedStrings> S) : SitePageModel
{
    /// <summary>For each language, who makes machine drafts into it from the default language (null: nobody, by hand only).</summary>
    public IReadOnlyList<(string Culture, string? Route)> MachineRoutes =>
        [.. site.Value.Cultures.Skip(1).Select(c => (c, machine.RouteName(site.Value.Cultures[0], c, S)))];

    public string DefaultCulture => site.Value.Cultures[0];

    public const int PageSize = 50;

    [FromQuery] public string? Q { get; set; }

    public IReadOnlyList<string> Cultures => site.Value.Cultures;

    public IReadOnlyList<MatrixRow> Rows { get; private set; } = [];

    public int? Older { get; private set; }

    /// <summary>The latest consultations: each language's words are missing, queued for machine drafts, machine drafts, or a person's.</summary>
    public IReadOnlyList<MatrixRow> Consultations { get; private set; } = [];

    /// <summary>A consultation's settings and questions are edited by editors and admins; its words in a language, by that language's translators too.</summary>
    public bool MayEditConsultations => User.IsInRole(Roles.Admin) || User.IsInRole(Roles.Editor);

    private IReadOnlyCollection<string> _editable = [];

    public bool MayEdit(string culture) => _editable.Contains(culture);

    public async Task OnGetAsync(int? before, CancellationToken ct)
    {
        Title = S["Translations"];
        _editable = await TranslatorRights.EditableCulturesAsync(users, User, Cultures);
        var query = db.Posts.AsNoTracking().Where(p => p.DeletedAt == null);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(…) LIKE
            query = query.Where(p => p.Title.ToLower().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }
        if (before is { } id)
        {
            query = query.Where(p => p.Id < id);
        }
        var posts = await query.OrderByDescending(p => p.Id).Take(PageSize + 1)
            .Select(p => new { p.Id, p.Title, p.Culture, p.ContentHash }).ToListAsync(ct);
        if (posts.Count > PageSize)
        {
            posts.RemoveAt(PageSize);
            Older = posts[^1].Id;
        }
        Consultations = await ConsultationRowsAsync(ct);
        var ids = posts.Select(p => p.Id).ToArray();
        var translations = await db.PostTranslations.AsNoTracking().Where(t => ids.Contains(t.PostId))
            .Select(t => new { t.PostId, t.Culture, t.State, t.SourceHash }).ToListAsync(ct);
        Rows = [.. posts.Select(p => new MatrixRow(p.Id, p.Title, Cultures.ToDictionary(c => c, c =>
        {
            if (c == p.Culture)
            {
                return "original";
            }
            var t = translations.Find(t => t.PostId == p.Id && t.Culture == c);
            return t is null ? "missing"
                : t.SourceHash != p.ContentHash ? "outdated"
                : t.State switch { TranslationState.Human => "human", TranslationState.MachineDraft => "machine draft", _ => "machine published" };
        })))];
    }

    private async Task<IReadOnlyList<MatrixRow>> ConsultationRowsAsync(CancellationToken ct)
    {
        var latest = await db.Consultations.AsNoTracking().Where(c => c.DeletedAt == null).OrderByDescending(c => c.Id).Take(10)
            .WithWords().ToListAsync(ct);
        var ids = latest.Select(c => c.Id).ToArray();
        var queued = await db.TranslationJobs.AsNoTracking().Where(j => j.ConsultationId != null && ids.Contains(j.ConsultationId.Value) && j.Status == QueueStatus.Pending)
            .Select(j => new { j.ConsultationId, j.Culture }).ToListAsync(ct);
        return [.. latest.Select(c => new MatrixRow(c.Id, c.Title, Cultures.ToDictionary(culture => culture, culture =>
        {
            if (culture == c.Culture)
            {
                return "original";
            }
            var drafts = c.Translations.Where(t => t.Culture == culture).Select(t => t.IsMachineDraft)
                .Concat(c.Sections.SelectMany(s => s.Texts).Where(t => t.Culture == culture).Select(t => t.IsMachineDraft))
                .Concat(c.Questions.SelectMany(q => q.Texts).Where(t => t.Culture == culture).Select(t => t.IsMachineDraft))
                .Concat(c.Questions.SelectMany(q => q.Options).SelectMany(o => o.Texts).Where(t => t.Culture == culture).Select(t => t.IsMachineDraft)).ToList();
            return queued.Any(j => j.ConsultationId == c.Id && j.Culture == culture) ? "queued"
                : MachineDrafts.Lacks(c, culture) ? "missing"
                : drafts.Contains(true) ? "machine draft" : "human";
        })))];
    }
}

/// <summary>Who may edit which language: admins and editors all; translators only those assigned to them.</summary>
internal static class TranslatorRights
{
    public static async Task<IReadOnlyCollection<string>> EditableCulturesAsync(UserManager<ChorusUser> users, System.Security.Claims.ClaimsPrincipal principal, IReadOnlyList<string> cultures)
    {
        if (principal.IsInRole(Roles.Admin) || principal.IsInRole(Roles.Editor))
        {
            return [.. cultures];
        }
        var user = await users.GetUserAsync(principal);
        return principal.IsInRole(Roles.Translator) && user is not null
            ? [.. user.TranslatorCultures.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Intersect(cultures)]
            : [];
    }
}
