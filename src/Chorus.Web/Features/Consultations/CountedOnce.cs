using System.Security.Cryptography;
using System.Text;
using Chorus.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Chorus.Web.Features.Consultations;

/// <summary>
/// One organisation (or person), one voice in the figures: of several confirmed responses from the same respondent, one
/// counts and the others are kept beside it as <see cref="ResponseState.Duplicate"/> for the secretariat, which may count
/// another instead. A respondent is known as sign-ons know a signer (<see cref="Campaigns.SignatureRules.SignerKey"/>).
/// </summary>
internal static class CountedOnce
{
    /// <summary>
    /// The key two responses from the same respondent share; a person's is a hash of their email, not the address (none
    /// once it is erased: nobody can be recognised then).
    /// </summary>
    public static string? KeyOf(Response r) => !r.IsIndividual ? Campaigns.SignatureRules.SignerKey(false, r.OrganisationId, r.Name, r.Country, "")
        : string.IsNullOrWhiteSpace(r.Email) ? null
        : "p:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(r.Email.Trim().ToUpperInvariant())));

    /// <summary>
    /// Makes <paramref name="r"/> its respondent's counted answer, or a duplicate of the one that counts. The same person
    /// answering again (same email) replaces their earlier answer; someone else from the same organisation does not, and
    /// waits beside it. Run inside a transaction: responses of one respondent take turns (see <see cref="Transactions.LockAsync"/>).
    /// Returns whether <paramref name="r"/> counts.
    /// </summary>
    public static async Task<bool> CountAsync(ChorusDb db, Response r, CancellationToken ct)
    {
        r.RespondentKey ??= KeyOf(r);
        if (r.RespondentKey is null)
        {
            r.State = ResponseState.Confirmed;
            return true;
        }
        await db.LockAsync(LockName(r.ConsultationId, r.RespondentKey), ct);
        await KeyEarlierResponsesAsync(db, r.ConsultationId, ct);
        var counted = await db.ConsultationResponses.Where(x => x.ConsultationId == r.ConsultationId && x.RespondentKey == r.RespondentKey
            && x.Id != r.Id && x.State == ResponseState.Confirmed).FirstOrDefaultAsync(ct);
        if (counted is not null && !string.Equals(counted.Email?.Trim(), r.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            r.State = ResponseState.Duplicate;
            return false;
        }
        if (counted is not null)
        {
            counted.State = ResponseState.Duplicate;
        }
        r.State = ResponseState.Confirmed;
        return true;
    }

    /// <summary>Counts <paramref name="r"/> in place of whichever response of the same respondent counted (the secretariat's choice). In a transaction.</summary>
    public static async Task CountInsteadAsync(ChorusDb db, Response r, CancellationToken ct)
    {
        // A response whose key is gone (its person's email erased) matches nobody: it simply counts.
        if (r.RespondentKey is { } key)
        {
            await db.LockAsync(LockName(r.ConsultationId, key), ct);
            await db.ConsultationResponses.Where(x => x.ConsultationId == r.ConsultationId && x.RespondentKey == key && x.Id != r.Id
                && x.State == ResponseState.Confirmed).ForEachAsync(x => x.State = ResponseState.Duplicate, ct);
        }
        r.State = ResponseState.Confirmed;
    }

    /// <summary>
    /// <paramref name="r"/>, which counted, no longer does (set aside): the latest duplicate of the same respondent takes
    /// its place, so the organisation keeps its voice. In a transaction.
    /// </summary>
    public static async Task StopCountingAsync(ChorusDb db, Response r, ResponseState state, CancellationToken ct)
    {
        var counted = r.State == ResponseState.Confirmed;
        r.State = state;
        if (counted && r.RespondentKey is { } key)
        {
            await db.LockAsync(LockName(r.ConsultationId, key), ct);
            await PromoteAsync(db, r.ConsultationId, key, r.Id, ct);
        }
    }

    /// <summary>
    /// After a counted response was saved as no longer counting (withdrawn, sent again from another address, answering
    /// for another organisation): if nothing counts for <paramref name="key"/> now, the latest duplicate does. Its own
    /// transaction, reading afresh.
    /// </summary>
    public static Task PromoteNextAsync(ChorusDb db, int consultationId, string? key, CancellationToken ct) =>
        key is null ? Task.CompletedTask : db.InTransactionAsync(System.Data.IsolationLevel.ReadCommitted, async ct2 =>
        {
            await db.LockAsync(LockName(consultationId, key), ct2);
            await PromoteAsync(db, consultationId, key, 0, ct2);
            return await db.SaveChangesAsync(ct2);
        }, ct);

    private static async Task PromoteAsync(ChorusDb db, int consultationId, string key, int except, CancellationToken ct)
    {
        var mine = db.ConsultationResponses.Where(x => x.ConsultationId == consultationId && x.RespondentKey == key && x.Id != except);
        if (!await mine.AnyAsync(x => x.State == ResponseState.Confirmed, ct)
            && await mine.Where(x => x.State == ResponseState.Duplicate).OrderByDescending(x => x.ConfirmedAt).ThenByDescending(x => x.Id)
                .FirstOrDefaultAsync(ct) is { } next)
        {
            next.State = ResponseState.Confirmed;
        }
    }

    /// <summary>
    /// Responses confirmed before respondents had keys get theirs (those whose person's email is erased cannot), so an
    /// answer sent now is matched with them too.
    /// </summary>
    private static async Task KeyEarlierResponsesAsync(ChorusDb db, int consultationId, CancellationToken ct)
    {
        var earlier = await db.ConsultationResponses.Where(x => x.ConsultationId == consultationId && x.RespondentKey == null
            && (!x.IsIndividual || x.Email != null) && x.State != ResponseState.Draft).ToListAsync(ct);
        if (earlier.Count > 0)
        {
            earlier.ForEach(x => x.RespondentKey = KeyOf(x));
            await db.SaveChangesAsync(ct);
        }
    }

    private static string LockName(int consultationId, string key) => $"respondent:{consultationId}:{key}";
}
