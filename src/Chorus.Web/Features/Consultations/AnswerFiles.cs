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
                var limit = q.MaxFileMegabytes ?? Question.DefaultFileMegabytes;
                if (upload.Length > limit * 1024L * 1024L)
                {
                    errors.AddModelError(AnswerRules.Key(q.Id), S["This file is larger than {0} MB: send a smaller PDF.", limit]);
                    continue;
                }
                var content = new byte[upload.Length];
                await using (var stream = upload.OpenReadStream())
                {
                    await stream.ReadExactlyAsync(content, ct);
                }
                // The file's own first bytes decide, not its name or the type the browser claims.
                if (!content.AsSpan().StartsWith("%PDF-"u8))
                {
                    errors.AddModelError(AnswerRules.Key(q.Id), S["Only PDF files are taken, and this file is not a PDF."]);
                    continue;
                }
                var (token, tokenHash) = PublicForms.NewToken();
                var file = new ConsultationFile
                {
                    ConsultationId = c.Id, QuestionId = q.Id, FileName = SafeName(upload.FileName), Size = content.Length, Content = content,
                    TokenHash = tokenHash, CreatedAt = now,
                };
                db.ConsultationFiles.Add(file);
                await db.SaveChangesAsync(ct);
                db.Entry(file).State = EntityState.Detached;
                (a.File, a.RemoveFile) = (token, false);
                received[q.Id] = new ReceivedFile(file.Id, file.FileName);
                continue;
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

    /// <summary>
    /// Once the answers are saved, the form's references to their files stop working (a new secret replaces each), so an
    /// old page cannot attach them to another response; the private link keeps them.
    /// </summary>
    public static Task RetireReferencesAsync(ChorusDb db, IEnumerable<int> fileIds, CancellationToken ct)
    {
        var ids = fileIds.ToArray();
        return ids.Length == 0 ? Task.CompletedTask
            : db.ConsultationFiles.Where(f => ids.Contains(f.Id)).ForEachAsync(f => f.TokenHash = PublicForms.NewToken().Hash, ct);
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
