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

namespace Chorus.Web.Features.Consultations;

/// <summary>Organisations and countries that answered, by region, for the public page.</summary>
internal sealed record Turnout(int Organisations, int Individuals, int Countries, IReadOnlyList<(string Region, int Count)> ByRegion);

/// <summary>
/// /{culture}/consultations/{slug}: the introduction and the answer form (never cached: it carries a per-visitor
/// antiforgery token); and /{culture}/consultations/{slug}/answer/{token}, the private link to come back to a saved draft,
/// change the answers or withdraw them before the consultation closes. Sending is a request: the answer counts once the
/// emailed link is followed, as on sign-ons (same honeypot, fill time, rate limit and organisation fields).
/// </summary>
[EnableRateLimiting(PublicForms.RateLimit)]
internal sealed class AnswerModel(ChorusDb db, ShownData shown, TimeProvider clock, Mailer mailer, ExpiringTokens tokens,
    IOptions<CampaignOptions> options, IStringLocalizer<SharedStrings> S) : SitePageModel
{
    [FromRoute] public string Slug { get; set; } = "";
    [FromRoute] public string? Token { get; set; }

    [BindProperty] public ConsultationInput Input { get; set; } = new();

    public Consultation Consultation { get; private set; } = null!;
    public ConsultationText Text { get; private set; } = null!;
    public IReadOnlyList<Question> Questions { get; private set; } = [];
    public Turnout Turnout { get; private set; } = null!;

    /// <summary>The page, with the figures it shows (read only when a page is rendered: a submission that succeeds redirects).</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context,
        Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Result is Microsoft.AspNetCore.Mvc.RazorPages.PageResult && Consultation is not null)
        {
            Turnout = await TurnoutAsync(db, shown, Consultation.Id, HttpContext.RequestAborted);
        }
    }
    public bool Open { get; private set; }
    public bool Closed { get; private set; }
    public bool Sent { get; private set; }
    public bool Saved { get; private set; }
    public Response? Existing { get; private set; }
    public string? Done { get; private set; }
    public IReadOnlyList<string> Languages => Chain;
    public int ConfirmationDays => options.Value.ConfirmationDays;

    private const string StartedPurpose = "Chorus.Consultation.Started";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        Sent = Request.Query.ContainsKey("sent");
        Saved = Request.Query.ContainsKey("saved");
        if (Existing is { } r)
        {
            Input = new ConsultationInput
            {
                AnsweringAs = r.IsIndividual ? "individual" : "organisation", Organisation = r.IsIndividual ? null : r.Name,
                Country = r.Country ?? (r.IsIndividual || r.Name.Length == 0 ? null : "int"), Type = r.Type?.ToString(), Website = r.Website,
                Name = r.RespondentName, Role = r.Role, Email = r.Email ?? "", ContactConsent = r.ContactConsent,
                AttributionConsent = r.AttributionConsent, Answers = AnswerRules.ToInput(r.Answers),
            };
            Files = FilesOf(r);
        }
        else
        {
            Input.AnsweringAs = Consultation.Respondents == Respondents.Individuals ? "individual" : "organisation";
        }
        return Page();
    }

    /// <summary>Sends the answers: every required question must be answered; the emailed link confirms them.</summary>
    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync(complete: true, ct);

    /// <summary>Keeps the answers so far as a draft; the private link to come back is emailed.</summary>
    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => SubmitAsync(complete: false, ct);

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Existing is not { } r)
        {
            return NotFound();
        }
        if (!Open)
        {
            ModelState.AddModelError("", S["This consultation has closed: answers can no longer be changed or withdrawn."]);
            return Page();
        }
        var (counted, key) = (r.State == ResponseState.Confirmed, r.RespondentKey);
        r.State = ResponseState.Withdrawn;
        r.ConfirmTokenHash = null;
        await ConsultationRules.EraseContactAsync(db, r, clock.GetUtcNow().UtcDateTime, ct);
        // The PDFs sent go with the withdrawal (a document may name people); the rest of the answers stay, uncounted.
        var files = r.Answers.Where(a => a.FileId is not null).ToList();
        files.ForEach(a => r.Answers.Remove(a));
        await db.SaveChangesAsync(ct);
        var fileIds = files.Select(a => a.FileId!.Value).ToArray();
        await db.ConsultationFiles.Where(f => fileIds.Contains(f.Id)).ExecuteDeleteAsync(ct);
        if (counted)
        {
            // The organisation keeps its voice through its next answer, if it has one.
            await CountedOnce.PromoteNextAsync(db, r.ConsultationId, key, ct);
        }
        Done = S["Your answers are withdrawn: they are no longer counted, and your contact details are erased."];
        Existing = null;
        return Page();
    }

    private async Task<IActionResult> SubmitAsync(bool complete, CancellationToken ct)
    {
        try
        {
            return await SaveAsync(complete, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same answers saved at the same instant by another request (a double press, two tabs): that one is kept;
            // this form comes back as typed, to check and send again.
            db.ChangeTracker.Clear();
            return await LoadAsync(ct) ? ChangedElsewhere() : NotFound();
        }
    }

    /// <summary>The form again as typed, with the version saved now (sending it again is a choice made knowingly).</summary>
    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult ChangedElsewhere()
    {
        ModelState.AddModelError("", S["These answers were changed elsewhere after you opened this page (in another tab, or by someone with the link). Check them and send again."]);
        Files = Existing is { } r ? FilesOf(r) : Files;
        return Page();
    }

    private static Dictionary<int, ReceivedFile> FilesOf(Response r) =>
        r.Answers.Where(a => a.FileId is not null).ToDictionary(a => a.QuestionId, a => new ReceivedFile(a.FileId!.Value, a.Text ?? ""));

    private async Task<IActionResult> SaveAsync(bool complete, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!Open)
        {
            ModelState.AddModelError("", Closed ? S["This consultation has closed; it no longer takes answers."] : S["This consultation is not open yet."]);
            return Page();
        }
        if (Existing is { State: ResponseState.SetAside })
        {
            // Sent again, it would ask for a fresh confirmation and count behind the secretariat's back.
            ModelState.AddModelError("", S["The secretariat has set these answers aside: they can no longer be changed here. You can still withdraw them."]);
            return Page();
        }
        if (!complete && !CanSave)
        {
            // A draft is what was never sent: answers already sent are changed by sending them again.
            ModelState.AddModelError("", S["These answers are already sent: to change them, send them again."]);
            return Page();
        }
        if (Existing is { } known && Input.Version != known.UpdatedAt.Ticks)
        {
            return ChangedElsewhere();
        }
        // A robot filled in the field people cannot see: answer as if all went well, keep nothing.
        if (!string.IsNullOrEmpty(Input.Extra))
        {
            return Redirect($"/{Culture}/consultations/{Slug}?sent=1#done");
        }
        var human = ModelState.CheckFillTime(tokens, StartedPurpose, Input.Started, TimeSpan.FromSeconds(options.Value.MinimumFillSeconds), S);
        var individual = Consultation.Respondents == Respondents.Individuals
            || (Consultation.Respondents == Respondents.Both && Input.AnsweringAs == "individual");
        PickedOrganisation picked = new(null, null, null, null);
        if (!individual && (complete || !string.IsNullOrWhiteSpace(Input.Organisation)))
        {
            picked = await OrganisationPicker.PickAsync(db, Input, ModelState, S, ct);
        }
        else if (OrganisationPicker.CountryOf(Input, ModelState, S, optional: true) is { } country)
        {
            picked = picked with { Country = country == "int" ? null : country };
        }
        if (complete && string.IsNullOrWhiteSpace(Input.Name))
        {
            ModelState.AddModelError("Input.Name", S["Write your name."]);
        }
        // A form sent faster than a person could gets its files refused, not stored: robots do not fill the database.
        Files = await AnswerFiles.ReceiveAsync(db, Consultation, Questions, Input.Answers,
            human && Request.HasFormContentType ? Request.Form.Files : new FormFileCollection(), Existing, clock.GetUtcNow().UtcDateTime, ModelState, S, ct);
        var rows = AnswerRules.Read(Questions, Input.Answers, complete, ModelState, S, Files);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var email = Input.Email.Trim();
        var r = Existing ?? new Response { ConsultationId = Consultation.Id, State = ResponseState.Draft };
        var (counted, oldKey) = (r.State == ResponseState.Confirmed, r.RespondentKey);
        var sameEmail = string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase);
        (r.IsIndividual, r.OrganisationId, r.Country, r.Type, r.Website) =
            (individual, picked.Record?.Id, picked.Country, individual ? null : picked.Type ?? (picked.Record is null && Input.Organisation is null ? null : OrganisationType.Other), picked.Website);
        r.Name = individual ? Input.Name?.Trim() ?? "" : picked.Record?.Name ?? Input.Organisation?.Trim() ?? "";
        (r.RespondentName, r.Role, r.Email, r.Culture) = (Input.Name?.Trim(), individual ? null : Input.Role?.Trim(), email, Culture);
        (r.ContactConsent, r.AttributionConsent) = (Input.ContactConsent, Input.AttributionConsent);
        var key = CountedOnce.KeyOf(r);
        var moved = r.State == ResponseState.Confirmed && key != r.RespondentKey;
        r.RespondentKey = key;
        r.Answers.Clear();
        r.Answers.AddRange(rows);
        await AnswerFiles.RetireReferencesAsync(db, rows.Select(a => a.FileId).OfType<int>(), ct);
        var (manageToken, manageHash) = PublicForms.NewToken();
        if (Existing is null)
        {
            r.ManageTokenHash = manageHash;
            db.ConsultationResponses.Add(r);
        }
        else
        {
            // The rows are replaced (the old ones deleted as orphans), not merged: what the form shows is what is kept. The
            // response counts as changed even when only its answers did, so pages showing it are evicted.
            db.Entry(r).State = EntityState.Modified;
            manageToken = Token!;
        }
        var origin = Request.Origin();
        var link = $"{origin}/{Culture}/consultations/{Slug}";
        var privateLink = $"{link}/answer/{manageToken}";
        var title = Text.Title;
        if (!complete)
        {
            // Saved instead of sent: the confirmation link already emailed must not confirm what is now only a draft (nor
            // confirm it under an address changed since, which would give the badge that address earns).
            (r.State, r.ConfirmTokenHash) = (ResponseState.Draft, null);
            if (Existing is null || !sameEmail)
            {
                await mailer.QueueAsync(db, email, Culture, S => new MailContent(S["Your saved answers: {0}", title],
                [
                    new MailText(S["Your answers to “{0}” are saved. They are not sent yet.", title]),
                    new MailAction(S["To come back to them, finish and send them before the consultation closes, open this private link:"], privateLink, S["Continue my answers"]),
                ]), ct: ct);
            }
            await db.SaveChangesAsync(ct);
            mailer.Notify();
            return Redirect($"/{Culture}/consultations/{Slug}/answer/{manageToken}?saved=1#done");
        }
        if (r.State == ResponseState.Confirmed && sameEmail)
        {
            // Changed through the private link by the address that confirmed: still confirmed. Answering now for another
            // organisation, it counts only if that organisation had no answer counted, and the one it answered for before
            // keeps its voice through its next answer.
            await db.SaveChangesAsync(ct);
            if (moved)
            {
                var id = r.Id;
                await db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct2 =>
                {
                    await CountedOnce.CountAsync(db, await db.ConsultationResponses.SingleAsync(x => x.Id == id, ct2), ct2);
                    return await db.SaveChangesAsync(ct2);
                }, ct);
                await CountedOnce.PromoteNextAsync(db, Consultation.Id, oldKey, ct);
            }
            return Redirect($"/{Culture}/consultations/{Slug}/answer/{manageToken}?sent=1#done");
        }
        var (confirmToken, confirmHash) = PublicForms.NewToken();
        (r.State, r.ConfirmTokenHash) = (ResponseState.Unconfirmed, confirmHash);
        await mailer.QueueAsync(db, email, Culture, S => new MailContent(S["Confirm your answers: {0}", title],
        [
            new MailText(S["Hello {0},", r.RespondentName ?? r.Name]),
            new MailText(S["Thank you for answering “{0}”.", title]),
            new MailAction(S["Your answers count once you confirm. Open this link within {0} days to confirm:", options.Value.ConfirmationDays],
                $"{link}/confirm/{confirmToken}", S["Confirm my answers"]),
            new MailAction(S["To change or withdraw your answers until the consultation closes:"], privateLink),
            new MailText(S["If you did not ask for this, ignore this email: nothing is counted without the link."]),
        ]), ct: ct);
        await db.SaveChangesAsync(ct);
        mailer.Notify();
        if (counted)
        {
            // Sent again from another address, it waits for that address's confirmation; meanwhile the organisation's
            // next answer, if any, counts.
            await CountedOnce.PromoteNextAsync(db, Consultation.Id, oldKey, ct);
        }
        return Redirect(Existing is null ? $"/{Culture}/consultations/{Slug}?sent=1#done" : $"/{Culture}/consultations/{Slug}/answer/{manageToken}?sent=1#done");
    }

    /// <summary>Sealed "form shown at" value for the form being rendered.</summary>
    public string StartedNow() => tokens.Seal(StartedPurpose);

    /// <summary>
    /// The message next to a question, if any: the question's own, or one on any of its fields (a length or a value the
    /// binder could not read lands on Input.Answers[id].Other, .Scale, .Ranks[…]).
    /// </summary>
    public string? ErrorFor(int questionId) => ModelState.FindKeysWithPrefix(AnswerRules.Key(questionId))
        .OrderBy(e => e.Key.Length).SelectMany(e => e.Value.Errors)
        .Select(e => e.ErrorMessage.Length > 0 ? e.ErrorMessage : S["Check this answer."].Value).FirstOrDefault();

    public AnswerInput Typed(int questionId) => Input.Answers.GetValueOrDefault(questionId) ?? new AnswerInput();

    /// <summary>File questions' PDFs already received (on this form, or with the answers being changed).</summary>
    public IReadOnlyDictionary<int, ReceivedFile> Files { get; private set; } = new Dictionary<int, ReceivedFile>();

    /// <summary>Whether "Save and finish later" is offered: for answers not sent yet, or sent and not confirmed.</summary>
    public bool CanSave => Existing is null or { State: ResponseState.Draft or ResponseState.Unconfirmed };

    /// <summary>Whether the form sends files (and so must be sent as multipart).</summary>
    public bool TakesFiles => Questions.Any(q => q.Kind == QuestionKind.File);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await ConsultationRules.LoadAsync(db, shown, Slug, ct) is not { } c)
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (c.OpensAt > now && Token is null)
        {
            return false;
        }
        (Consultation, Text, Questions) = (c, ConsultationRules.Best(c, Chain), ConsultationRules.Ordered(c));
        Title = Text.Title;
        Description = S["Consultation: {0}", Text.Title];
        TranslatedCultures = [c.Culture, .. c.Translations.Select(t => t.Culture)];
        (Open, Closed) = (c.IsOpen(now), c.HasClosed(now));
        if (Token is not null)
        {
            NoIndex = true;
            var hash = PublicForms.HashToken(Token);
            Existing = await db.ConsultationResponses.Include(r => r.Answers)
                .SingleOrDefaultAsync(r => r.ManageTokenHash == hash && r.ConsultationId == c.Id && r.State != ResponseState.Withdrawn, ct);
            if (Existing is null)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How many organisations and people answered (confirmed), from how many countries, by UN region.</summary>
    public static Task<Turnout> TurnoutAsync(ChorusDb db, ShownData shown, int consultationId, CancellationToken ct) =>
        shown.GetAsync($"consultation-turnout:{consultationId}", [Shown.Consultations], ct2 => ReadTurnoutAsync(db, consultationId, ct2), ct);

    private static async Task<Turnout> ReadTurnoutAsync(ChorusDb db, int consultationId, CancellationToken ct)
    {
        var rows = await db.ConsultationResponses.AsNoTracking().Counted(consultationId)
            .GroupBy(r => new { r.IsIndividual, r.Country }).Select(g => new { g.Key.IsIndividual, g.Key.Country, Count = g.Count() }).ToListAsync(ct);
        var regions = rows.GroupBy(r => Countries.Get(r.Country)?.Region)
            .Select(g => (Region: g.Key is { } code ? Countries.Area(code)!.Name : "International", Count: g.Sum(r => r.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Region, StringComparer.Ordinal).ToList();
        return new Turnout(rows.Where(r => !r.IsIndividual).Sum(r => r.Count), rows.Where(r => r.IsIndividual).Sum(r => r.Count),
            rows.Select(r => r.Country).OfType<string>().Distinct().Count(), regions);
    }
}
