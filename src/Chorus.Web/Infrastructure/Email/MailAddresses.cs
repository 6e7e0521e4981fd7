using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace Chorus.Web.Infrastructure.Email;

/// <summary>
/// Email addresses as the outbox will send them: checked with MimeKit, the parser that sends them, so a form never
/// accepts an address ("x y@example.org", "&lt;b&gt;x@example.org") that the sender would then fail on.
/// </summary>
internal static class MailAddresses
{
    public static bool IsValid(string? value)
    {
        var address = value?.Trim() ?? "";
        if (address.Length is 0 or > 320 || address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or ','))
        {
            return false;
        }
        return MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox)
            && string.IsNullOrEmpty(mailbox.Name) && mailbox.Route.Count == 0
            && string.Equals(mailbox.Address, address, StringComparison.OrdinalIgnoreCase)
            && mailbox.LocalPart.Length > 0 && mailbox.Domain.Contains('.', StringComparison.Ordinal) && !mailbox.Domain.StartsWith('.') && !mailbox.Domain.EndsWith('.');
    }
}

/// <summary>An email address the outbox can send to (see <see cref="MailAddresses"/>); null is left to [Required].</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter)]
internal sealed class MailAddressAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is null || (value is string s && MailAddresses.IsValid(s));
}
