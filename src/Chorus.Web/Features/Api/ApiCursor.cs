using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Chorus.Web.Features.Api;

/// <summary>
/// A keyset position: the sort key of the last item a page showed and its id, the tie-breaker. Clients see it as an
/// opaque base64url token, so what a list sorts by can change without breaking their code.
/// </summary>
internal readonly record struct ApiCursor(string Key, int Id)
{
    private const char Separator = '~';

    public ApiCursor(DateTime at, int id) : this(at.Ticks.ToString(CultureInfo.InvariantCulture), id)
    {
    }

    public string Encode() => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Id}{Separator}{Key}")));

    /// <summary>The key as a UTC instant, for lists ordered by a time; false when it is not one.</summary>
    public bool TryGetInstant(out DateTime at)
    {
        at = default;
        if (long.TryParse(Key, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTime.MaxValue.Ticks)
        {
            at = new DateTime(ticks, DateTimeKind.Utc);
            return true;
        }
        return false;
    }

    public static bool TryDecode(string text, out ApiCursor cursor)
    {
        cursor = default;
        if (text.Length > 1000)
        {
            return false;
        }
        var bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (Base64Url.DecodeFromChars(text, bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done || consumed != text.Length)
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var separator = decoded.IndexOf(Separator, StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(decoded.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || decoded.Any(char.IsControl))
        {
            return false;
        }
        cursor = new ApiCursor(decoded[(separator + 1)..], id);
        return true;
    }
}
