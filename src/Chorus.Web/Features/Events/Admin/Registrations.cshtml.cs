using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Audit;
using Chorus.Web.Infrastructure;
using Chorus.Web.Infrastructure.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Events.Admin;

internal sealed class MessageInput
{
    [Required(ErrorMessage = "Write a subject."), MaxLength(200, ErrorMessage = "Keep the subject under 200 characters.")]
    public string Subject { get; set; } = "";

    [Required(ErrorMessage = "Write the message."), MaxLength(20_000, ErrorMessage = "The text is too long.")]
    public string Body { get; set; } = "";

    public bool IncludeWaiting { get; set; }
}

/// <summary>/admin/events/{id}/registrations: who registered (private data, staff only), a CSV export and a message to all of them.</summary>
[Authorize(Roles = Roles.Editors)]
internal sealed class RegistrationsModel(ChorusDb db, Mailer mailer, TimeProvider clock, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public int Id { get; set; }

    [BindProperty] public MessageInput Message { get; set; } = new();

    public Event Event { get; private set; } = null!;

    public IReadOnlyList<Registration> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == Id, ct) is not { } e)
        {
            return NotFound();
        }
        db.RecordExport(HttpContext, clock, nameof(Registration), Id.ToString(CultureInfo.InvariantCulture), $"Registrations of event {Id}");
        await db.SaveChangesAsync(ct);
        return CsvDownload.File($"registrations-{e.Slug}.csv",
            ["name", "email", "organisation", "country", "interpretation", "status", "registered_utc", "consent_utc"],
            Registrations.AsAsyncEnumerable(), r => [r.Name, r.Email, r.OrganisationName ?? "", r.Country ?? "", r.Interpretation ?? "", r.Status.ToString(),
                r.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), r.ConsentAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]);
    }

    public async Task<IActionResult> OnPostMessageAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var recipients = Rows.Where(r => r.Status == RegistrationStatus.Confirmed || (Message.IncludeWaiting && r.Status == RegistrationStatus.Waiting)).ToList();
        var (subject, body) = (Message.Subject.Trim(), Message.Body.Trim().ReplaceLineEndings("\n"));
        foreach (var r in recipients)
        {
            // The editor's words as written; the greeting and the frame in each registrant's language.
            await mailer.QueueAsync(db, r.Email, r.Culture, S => new MailContent(subject,
                [new MailText(S["Hello {0},", r.Name]), .. body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(p => new MailText(p))]), ct: ct);
        }
        await db.SaveChangesAsync(ct);
        mailer.Notify();
        TempData["Status"] = S["Message queued for {0} people.", recipients.Count].Value;
        return Redirect($"/admin/events/{Id}/registrations");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == Id, ct) is not { } e)
        {
            return false;
        }
        Event = e;
        Title = S["Registrations for “{0}”", e.Title];
        Rows = await Registrations.ToListAsync(ct);
        return true;
    }

    private IQueryable<Registration> Registrations =>
        db.Registrations.AsNoTracking().Where(r => r.EventId == Id).OrderBy(r => r.Status).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id);
}
