using Chorus.Web.Data;
using Chorus.Web.Features.Accounts;
using Chorus.Web.Features.Admin;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Chorus.Web.Infrastructure.Email;

internal static class OutboxExtensions
{
    public static void AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSettings<EmailOptions>("Email");
        builder.Services.AddSingleton<Outbox>();
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddHostedService<OutboxSender>();
        builder.AddAdminMenuItem(new("Outgoing mail", "/admin/mail", [Roles.Admin], 96));
    }

    /// <summary>
    /// Deletes the mail already sent (or given up) to an address whose contact data is being erased: those rows held the
    /// address, and the name and links written to it. Mail still waiting goes out first and is forgotten after it.
    /// </summary>
    public static async Task ForgetMailToAsync(this ChorusDb db, string? address, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }
        var upper = address.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // SQL upper(…) on both databases
        await db.Outbox.Where(m => m.Status != QueueStatus.Pending && m.To.ToUpper() == upper).ExecuteDeleteAsync(ct);
#pragma warning restore CA1304, CA1311, CA1862
    }
}

/// <summary>
/// Queues mail in the database (saved with the caller's change, so nothing acknowledged is lost) and
/// sends it over SMTP with MailKit, or writes .eml files when no SMTP server is configured.
/// </summary>
internal sealed class Outbox(IOptions<EmailOptions> options, IHostEnvironment environment, TimeProvider clock, IServiceScopeFactory scopes,
    ILogger<Outbox> log)
{
    private readonly QueueSignal _signal = new(clock);
    private bool _toldAboutDropFolder;
    private DateTime _nextPurge = DateTime.MinValue;

    // Messages the SMTP server accepted whose "sent" mark has not been saved yet (the database went away). The next round
    // records them first, before its claims can lapse for another node to take them, so none is delivered twice.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, byte> _accepted = new();

    /// <summary>
    /// Adds a message (with an optional text attachment, such as a calendar file, and an optional HTML alternative) to the
    /// caller's unit of work; it is sent after the caller saves. Features write through <see cref="Mailer"/>, which renders
    /// both parts in the recipient's language with the site's template.
    /// </summary>
    public OutboxMessage Enqueue(ChorusDb db, string to, string subject, string textBody, OutboxAttachment? attachment = null, string? htmlBody = null,
        string? headers = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            To = to, Subject = subject, TextBody = textBody, HtmlBody = htmlBody, NextAttemptAt = now, CreatedAt = now,
            AttachmentName = attachment?.Name, AttachmentType = attachment?.ContentType, AttachmentText = attachment?.Text, Headers = headers,
        };
        db.Outbox.Add(message);
        return message;
    }

    /// <summary>Wakes the sender (call after saving the change that queued mail).</summary>
    public void Notify() => _signal.Notify();

    public Task WaitForWorkAsync(CancellationToken ct) => _signal.WaitAsync(options.Value.PollInterval, ct);

    /// <summary>Sends every due message; returns how many went out.</summary>
    public async Task<int> SendDueAsync(ChorusDb db, CancellationToken ct)
    {
        if (clock.GetUtcNow().UtcDateTime is var now && now >= _nextPurge)
        {
            await PurgeAsync(db, now, ct);
            _nextPurge = now.AddHours(1);
        }
        await RecordAcceptedAsync(db, ct);
        var sent = 0;
        // One connection for the whole round (a newsletter is thousands of messages), paced at Email:MessagesPerSecond.
        using var smtp = new SmtpClient { Timeout = (int)(WorkQueue.ClaimFor / 2).TotalMilliseconds };
        var pace = options.Value.MessagesPerSecond > 0 ? TimeSpan.FromSeconds(1.0 / options.Value.MessagesPerSecond) : TimeSpan.Zero;
        var nextAt = clock.GetUtcNow();
        try
        {
            while (true)
            {
                await using var claims = await WorkQueue.HoldDueAsync(scopes, d => d.Outbox, db, clock, 20, ct);
                if (claims.Items.Count == 0)
                {
                    return sent;
                }
                foreach (var message in claims.Items)
                {
                    // A stopping host sends no more of its claim: the rest lapse and come due for the next node.
                    ct.ThrowIfCancellationRequested();
                    if (pace > TimeSpan.Zero)
                    {
                        if (nextAt - clock.GetUtcNow() is { Ticks: > 0 } wait)
                        {
                            await Task.Delay(wait, clock, ct);
                        }
                        nextAt = clock.GetUtcNow() + pace;
                    }
                    await SendOneAsync(db, smtp, claims, message, ct);
                    sent += message.Status == QueueStatus.Done ? 1 : 0;
                }
            }
        }
        finally
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
    }

    private async Task SendOneAsync(ChorusDb db, SmtpClient smtp, HeldClaims<OutboxMessage> claims, OutboxMessage message, CancellationToken ct)
    {
        message.Attempts++;
        try
        {
            // Built inside the try: a message that cannot be written (an address MimeKit cannot parse) fails alone.
            // Not cancelled by a stopping host: cut mid-DATA, the server may have taken a message we would send again.
            await DeliverAsync(smtp, ToMime(message), CancellationToken.None);
            _accepted[message.Id] = 0;
            MarkSent(message);
            message.SmtpStatus = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A recipient refused for good (5xx) or a message that cannot be written is final; everything else (a 4xx
            // "try later", server down, timeouts, a fault of ours) is retried with backoff until the attempts run out.
            var command = e as SmtpCommandException;
            message.SmtpStatus = command is null ? null : (int)command.StatusCode;
            var final = (command is { ErrorCode: SmtpErrorCode.RecipientNotAccepted } && (int)command.StatusCode is >= 500 or < 400)
                || e is ParseException or FormatException;
            WorkQueue.Failed(message, e.Message, final, options.Value.MaxAttempts, clock.GetUtcNow().UtcDateTime);
            log.LogWarning("Sending mail {Id} failed (attempt {Attempts}): {Error}", message.Id, message.Attempts, e.Message);
            if (smtp.IsConnected && e is not SmtpCommandException)
            {
                // The connection's state is unknown after a fault; the next message starts a fresh one.
                await smtp.DisconnectAsync(quit: false, CancellationToken.None);
            }
        }
        // Recorded before anything else can fail (the next message, the disconnection), and even by a stopping host.
        await db.SaveChangesAsync(CancellationToken.None);
        _accepted.TryRemove(message.Id, out _);
        claims.Release(message);
        // Forgotten by the round's context: a newsletter's thousands of tracked messages made every save scan them all.
        db.Entry(message).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
    }

    private async Task RecordAcceptedAsync(ChorusDb db, CancellationToken ct)
    {
        if (_accepted.IsEmpty)
        {
            return;
        }
        var ids = _accepted.Keys.ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Outbox.Where(m => ids.Contains(m.Id) && m.Status == QueueStatus.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, QueueStatus.Done).SetProperty(m => m.LastError, (string?)null).SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, (string?)null).SetProperty(m => m.AttachmentText, (string?)null), ct);
        foreach (var id in ids)
        {
            _accepted.TryRemove(id, out _);
        }
    }

    private void MarkSent(OutboxMessage message)
    {
        WorkQueue.Succeeded(message);
        message.SentAt = clock.GetUtcNow().UtcDateTime;
        // Delivered: the text (links, tokens, names) is nobody's business here any more.
        (message.TextBody, message.HtmlBody, message.AttachmentText) = ("", null, null);
    }

    /// <summary>Deletes sent and given-up messages older than Email:KeepSentDays.</summary>
    public Task<int> PurgeAsync(ChorusDb db, DateTime now, CancellationToken ct)
    {
        var before = now.AddDays(-options.Value.KeepSentDays);
        return db.Outbox.Where(m => (m.Status == QueueStatus.Done && m.SentAt < before) || (m.Status == QueueStatus.Failed && m.CreatedAt < before))
            .ExecuteDeleteAsync(ct);
    }

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Date = new DateTimeOffset(message.CreatedAt, TimeSpan.Zero);
        mime.MessageId = $"outbox-{message.Id}-{message.CreatedAt.Ticks}@chorus";
        foreach (var line in (message.Headers ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Only list headers: a message row can never forge From, To or anything a mail program trusts.
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line.StartsWith("List-", StringComparison.Ordinal) && !line.Contains('\r', StringComparison.Ordinal))
            {
                mime.Headers.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }
        MimeEntity text = new TextPart("plain") { Text = message.TextBody };
        if (message.HtmlBody is { } html)
        {
            // The plain text first: a program shows the last part it can, and every one can show text.
            text = new MultipartAlternative { text, new TextPart("html") { Text = MailTemplate.Inline(html) } };
        }
        if (message.AttachmentName is { } name && message.AttachmentText is { } content)
        {
            var attachment = new MimePart(ContentType.Parse(message.AttachmentType ?? "text/plain"))
            {
                Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content))),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = name,
            };
            attachment.ContentType.Charset = "utf-8";
            mime.Body = new Multipart("mixed") { text, attachment };
        }
        else
        {
            mime.Body = text;
        }
        return mime;
    }

    private async Task DeliverAsync(SmtpClient smtp, MimeMessage mime, CancellationToken ct)
    {
        var o = options.Value;
        if (o.SmtpHost.Length == 0)
        {
            var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, o.DropFolder));
            Directory.CreateDirectory(folder);
            if (!_toldAboutDropFolder)
            {
                _toldAboutDropFolder = true;
                log.LogInformation("No SMTP server is configured (Email:SmtpHost): writing messages as .eml files to {Folder}.", folder);
            }
            await mime.WriteToAsync(Path.Combine(folder, $"{mime.MessageId}.eml"), ct);
            return;
        }
        if (!smtp.IsConnected)
        {
            // Our own socket, without Nagle's algorithm: each message ends with a small write (the final ".") that would
            // otherwise wait for the server's delayed acknowledgement, some 40 ms a message, capping a newsletter near 20/s.
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(o.SmtpHost, o.SmtpPort, ct);
                await smtp.ConnectAsync(socket, o.SmtpHost, o.SmtpPort, Enum.Parse<SecureSocketOptions>(o.SmtpSecurity), ct);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            if (o.SmtpUsername is { Length: > 0 } user)
            {
                await smtp.AuthenticateAsync(user, o.SmtpPassword ?? "", ct);
            }
        }
        await smtp.SendAsync(mime, ct);
    }
}

/// <summary>Sends queued mail in the background: a request never waits on SMTP.</summary>
internal sealed class OutboxSender(IServiceScopeFactory scopes, Outbox outbox, ILogger<OutboxSender> log) : QueueWorker(scopes, log)
{
    protected override Task RunDueAsync(IServiceProvider services, CancellationToken ct) => outbox.SendDueAsync(services.GetRequiredService<ChorusDb>(), ct);

    protected override Task WaitForWorkAsync(CancellationToken ct) => outbox.WaitForWorkAsync(ct);
}
