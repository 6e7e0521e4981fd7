using MimeKit;

namespace Chorus.Web.Tests.Infrastructure;

/// <summary>
/// The real SMTP server test.sh starts (aiosmtpd on 127.0.0.1, writing a Maildir): its address in
/// CHORUS_TEST_SMTP (host:port) and its Maildir in CHORUS_TEST_MAILDIR. Without them (`dotnet test` alone)
/// the app writes its mail to a folder, and a test that reads what the server received is skipped, saying why
/// (the test must be a [SkippableFact]); test.sh fails a run in which anything was skipped.
/// </summary>
internal static class TestMail
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("CHORUS_TEST_SMTP");
    private static readonly string? Maildir = Environment.GetEnvironmentVariable("CHORUS_TEST_MAILDIR");
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (MimeMessage Message, string[] To)> Read = new();

    // A message and its recipients, read from its file once. The recipients are copied out as it is read: tests waiting in
    // parallel share the parsed messages, and enumerating MimeKit's address lists from two threads at once once failed
    // with "Collection was modified".
    private static async Task<(MimeMessage Message, string[] To)> LoadAsync(string file)
    {
        if (!Read.TryGetValue(file, out var read))
        {
            var message = await MimeMessage.LoadAsync(file);
            read = Read.GetOrAdd(file, (message, [.. message.To.Mailboxes.Select(m => m.Address)]));
        }
        return read;
    }

    public static IEnumerable<KeyValuePair<string, string>> Settings
    {
        get
        {
            if (Server is null)
            {
                return [];
            }
            var server = Server.Split(':');
            return
            [
                new("Email:SmtpHost", server[0]),
                new("Email:SmtpPort", server[1]),
                new("Email:SmtpSecurity", "None"),
                new("Email:From", "Crossroads Coalition <no-reply@crossroads.test>"),
            ];
        }
    }

    /// <summary>How many messages to <paramref name="to"/> the server has received so far.</summary>
    public static async Task<int> CountAsync(string to)
    {
        Skip.If(Server is null || Maildir is null, "Needs a real SMTP server: set CHORUS_TEST_SMTP and CHORUS_TEST_MAILDIR, as ./test.sh does.");
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Maildir!, "new")))
        {
            count += (await LoadAsync(file)).To.Count(address => address == to);
        }
        return count;
    }

    /// <summary>How many messages the server received to any of <paramref name="to"/> (each stored message read once).</summary>
    public static async Task<int> CountAsync(IReadOnlySet<string> to)
    {
        Skip.If(Server is null || Maildir is null, "Needs a real SMTP server: set CHORUS_TEST_SMTP and CHORUS_TEST_MAILDIR, as ./test.sh does.");
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Maildir!, "new")))
        {
            count += (await LoadAsync(file)).To.Count(address => to.Contains(address));
        }
        return count;
    }

    /// <summary>Waits (at most 30 s) for the server to have received a message to <paramref name="to"/>.</summary>
    public static Task<MimeMessage> ReceivedAsync(string to) => ReceivedAsync(to, _ => true);

    /// <summary>Waits (at most 30 s) for a message to <paramref name="to"/> that <paramref name="matches"/>.</summary>
    public static async Task<MimeMessage> ReceivedAsync(string to, Func<MimeMessage, bool> matches)
    {
        Skip.If(Server is null || Maildir is null,
            "Needs a real SMTP server: set CHORUS_TEST_SMTP (host:port) and CHORUS_TEST_MAILDIR (the Maildir it writes), as ./test.sh does.");
        var inbox = Path.Combine(Maildir!, "new");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var file in Directory.EnumerateFiles(inbox))
            {
                // Each file is read once per run: the Maildir gathers every test's mail, and parsing it all on every
                // poll of every waiting test was much of what the mail tests cost.
                var (message, recipients) = await LoadAsync(file);
                if (recipients.Contains(to) && matches(message))
                {
                    return message;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No message to {to} reached the SMTP server in 30 s.");
    }

    /// <summary>
    /// Checks <paramref name="message"/> is written as every email is: a plain-text part and an HTML alternative of it
    /// (multipart/alternative), the HTML's root in <paramref name="culture"/> and its direction, the site's name in both.
    /// </summary>
    public static void AssertWrittenIn(MimeMessage message, string culture, string siteName = "Crossroads Coalition")
    {
        var alternative = message.Body as MultipartAlternative ?? (message.Body as Multipart)?.OfType<MultipartAlternative>().FirstOrDefault();
        Assert.NotNull(alternative);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.False(string.IsNullOrWhiteSpace(message.TextBody));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(message.HtmlBody!);
        Assert.Equal(culture, html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(culture == "ar" ? "rtl" : "ltr", html.DocumentElement.GetAttribute("dir"));
        Assert.Equal(message.Subject, html.Title);
        Assert.Contains(siteName, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(siteName, html.Body!.TextContent, StringComparison.Ordinal);
    }
}
