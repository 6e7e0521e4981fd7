using System.Text;
using Chorus.Web.Data;
using Chorus.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Chorus.Web.Features.Consultations;

/// <summary>A file question's PDF as the answer form knows it.</summary>
internal sealed record ReceivedFile(int Id, string Name);

/// <summary>
/// The PDFs of file questions: each upload is checked (a PDF, within the question's limit) and stored as it arrives, so a
/// form sent back for another missing answer keeps it (a browser cannot fill a file field again); the form then carries a
/// private reference to it. What the respondent sent last is what the answers keep.
/// </summary>
internal static class AnswerFiles
{
    /// <summary>The reference that keeps the file of the answers being changed through the private link.</summary>
    public const string Kept = "kept";

    /// <summary>Files no answer took (a form never sent, a file replaced) are deleted after this long.</summary>
    public static readonly TimeSpan Unclaimed = TimeSpan.FromDays(1);

    public static string Field(int questionId) => $"{AnswerRules.Key(questionId)}.Upload";

    /// <summary>Stores what was uploaded and resolves each file question's reference; a file refused gets a message next to its question.</summary>
    public static async Task<Dictionary<int, ReceivedFile>> ReceiveAsync(ChorusDb db, Consultation c, IReadOnlyList<Question> questions,
        Dictionary<int, AnswerInput> answers, IFormFileCollection uploads, Response? existing, DateTime now, ModelStateDictionary errors,
        IStringLocalizer S, CancellationToken ct)
    {
        var received = new Dictionary<int, ReceivedFile>();
        foreach (var q in questions.Where(q => q.Kind == QuestionKind.File))
        {
            if (!answers.TryGetValue(q.Id, out var a))
            {
                answers[q.Id] = a = new AnswerInput();
            }
            if (uploads.GetFile(Field(q.Id)) is { Length: > 0 } upload)
            {
                var (content, refusal) = await RefusalAsync(db, c, q, upload, now, S, ct);
                if (refusal is null)
                {
                    (a.File, received[q.Id]) = await StoreAsync(db, c, q, upload.FileName, content, now, ct);
                    a.RemoveFile = false;
                    continue;
                }
                // Refused: whatever file the answer held before stays (resolved below).
                errors.AddModelError(AnswerRules.Key(q.Id), refusal);
            }
            if (a.RemoveFile || string.IsNullOrEmpty(a.File))
            {
                a.File = null;
                continue;
            }
            var hash = PublicForms.HashToken(a.File);
            var found = a.File == Kept
                ? existing?.Answers.Where(x => x.QuestionId == q.Id && x.FileId != null).Select(x => new ReceivedFile(x.FileId!.Value, x.Text ?? "")).FirstOrDefault()
                : await db.ConsultationFiles.Where(f => f.TokenHash == hash && f.ConsultationId == c.Id && f.QuestionId == q.Id)
                    .Select(f => new ReceivedFile(f.Id, f.FileName)).FirstOrDefaultAsync(ct);
            if (found is null)
            {
                a.File = null;
                continue;
            }
            received[q.Id] = found;
        }
        return received;
    }

    private static async Task<(string Token, ReceivedFile File)> StoreAsync(ChorusDb db, Consultation c, Question q, string? name, byte[] content,
        DateTime now, CancellationToken ct)
    {
        var (token, hash) = PublicForms.NewToken();
        var file = new ConsultationFile
        {
            ConsultationId = c.Id, QuestionId = q.Id, FileName = SafeName(name), Size = content.Length, Content = content, TokenHash = hash, CreatedAt = now,
        };
        db.ConsultationFiles.Add(file);
        await db.SaveChangesAsync(ct);
        // Not kept in the context: its bytes would ride along with every later save's change detection.
        db.Entry(file).State = EntityState.Detached;
        return (token, new ReceivedFile(file.Id, file.FileName));
    }

    /// <summary>At most this much of files no answer holds yet, per consultation and day: a flood of uploads cannot fill the disk.</summary>
    public const long UnclaimedBytesPerDay = 500L * 1024 * 1024;

    /// <summary>The upload's bytes, or why it is refused: too large, not a PDF, or too much waiting unclaimed.</summary>
    private static async Task<(byte[] Content, string? Refusal)> RefusalAsync(ChorusDb db, Consultation c, Question q, IFormFile upload, DateTime now,
        IStringLocalizer S, CancellationToken ct)
    {
        var limit = q.MaxFileMegabytes ?? Question.DefaultFileMegabytes;
        if (upload.Length > limit * 1024L * 1024L)
        {
            return ([], S["This file is larger than {0} MB: send a smaller PDF.", limit]);
        }
        var since = now - Unclaimed;
        var waiting = await db.ConsultationFiles.Where(f => f.ConsultationId == c.Id && f.CreatedAt > since && !db.ConsultationAnswers.Any(a => a.FileId == f.Id))
            .SumAsync(f => (long)f.Size, ct);
        if (waiting + upload.Length > UnclaimedBytesPerDay)
        {
            return ([], S["The site takes no more files just now. Send your answers without it, and add the file later through your private link."]);
        }
        var content = new byte[upload.Length];
        await using (var stream = upload.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        // The file's own first bytes decide, not its name or the type the browser claims.
        return content.AsSpan().StartsWith("%PDF-"u8) ? (content, null) : ([], S["Only PDF files are taken, and this file is not a PDF."]);
    }

    /// <summary>
    /// Once the answers are saved, the form's references to their files stop working (a new secret replaces each), so an
    /// old page cannot attach them to another response; the private link keeps them.
    /// </summary>
    public static async Task RetireReferencesAsync(ChorusDb db, IEnumerable<int> fileIds, CancellationToken ct)
    {
        // One statement a file, touching only its reference (never reading its bytes).
        foreach (var id in fileIds)
        {
            var hash = PublicForms.NewToken().Hash;
            await db.ConsultationFiles.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.TokenHash, hash), ct);
        }
    }

    /// <summary>Deletes files no answer holds, received more than <see cref="Unclaimed"/> ago.</summary>
    public static Task<int> DeleteUnclaimedAsync(ChorusDb db, DateTime now, CancellationToken ct)
    {
        var before = now - Unclaimed;
        return db.ConsultationFiles.Where(f => f.CreatedAt < before && !db.ConsultationAnswers.Any(a => a.FileId == f.Id)).ExecuteDeleteAsync(ct);
    }

    /// <summary>
    /// A name safe to offer for download: no folders, no control or reserved characters, at most 120 characters, ending in .pdf.
    /// </summary>
    public static string SafeName(string? name)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        var clean = new StringBuilder();
        foreach (var ch in bare.Normalize(NormalizationForm.FormC))
        {
            clean.Append(char.IsControl(ch) || "/\\:*?\"<>|;".Contains(ch, StringComparison.Ordinal) ? '_' : ch);
        }
        var stem = clean.ToString().Trim().TrimEnd('.');
        if (stem.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            stem = stem[..^4];
        }
        stem = stem.Length == 0 ? "document" : stem.Length > 116 ? stem[..116] : stem;
        return stem + ".pdf";
    }
}
