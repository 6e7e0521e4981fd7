using MimeKit;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>
/// The real SMTP server test.sh starts (aiosmtpd on 127.0.0.1, writing a Maildir): its address in
/// CHORUS_TEST_SMTP (host:port) and its Maildir in CHORUS_TEST_MAILDIR.
/// </summary>
internal static class TestMail
{
    private static string Required(string name) => Environment.GetEnvironmentVariable(name)
        ?? throw new InvalidOperationException($"{name} is not set: run ./test.sh, which starts an SMTP server on 127.0.0.1.");

    public static IEnumerable<KeyValuePair<string, string>> Settings
    {
        get
        {
            var server = Required("CHORUS_TEST_SMTP").Split(':');
            return
            [
                new("Email:SmtpHost", server[0]),
                new("Email:SmtpPort", server[1]),
                new("Email:SmtpSecurity", "None"),
                new("Email:From", "Crossroads Coalition <no-reply@crossroads.test>"),
            ];
        }
    }

    /// <summary>Waits (at most 30 s) for the server to have received a message to <paramref name="to"/>.</summary>
    public static Task<MimeMessage> ReceivedAsync(string to) => ReceivedAsync(to, _ => true);

    /// <summary>Waits (at most 30 s) for a message to <paramref name="to"/> that <paramref name="matches"/>.</summary>
    public static async Task<MimeMessage> ReceivedAsync(string to, Func<MimeMessage, bool> matches)
    {
        var inbox = Path.Combine(Required("CHORUS_TEST_MAILDIR"), "new");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.EnumerateFiles(inbox))
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == to) && matches(message))
                {
                    return message;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No message to {to} reached the SMTP server in 30 s.");
    }
}
