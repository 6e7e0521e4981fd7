using System.ComponentModel.DataAnnotations;

namespace Chorus.Web.Infrastructure.Email;

internal sealed class EmailOptions
{
    /// <summary>Sender, e.g. "Crossroads Coalition &lt;no-reply@example.org&gt;".</summary>
    [Required]
    public string From { get; set; } = "Chorus <no-reply@localhost>";

    /// <summary>SMTP server; empty means no SMTP: messages are written as .eml files to <see cref="DropFolder"/>.</summary>
    public string SmtpHost { get; set; } = "";

    [Range(1, 65535)]
    public int SmtpPort { get; set; } = 587;

    /// <summary>"Auto" (STARTTLS when offered), "StartTls", "SslOnConnect" or "None" (only for a server on this machine).</summary>
    [RegularExpression("^(Auto|StartTls|SslOnConnect|None)$")]
    public string SmtpSecurity { get; set; } = "Auto";

    public string? SmtpUsername { get; set; }

    public string? SmtpPassword { get; set; }

    /// <summary>Where .eml files go when no SMTP server is configured (relative to the content root).</summary>
    public string DropFolder { get; set; } = "data/mail";

    /// <summary>How often the sender looks for due messages when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The most messages a second the sender hands to the SMTP server (a provider's limit); 0 is as fast as it takes them.</summary>
    [Range(0, 10000)]
    public double MessagesPerSecond { get; set; }

    [Range(1, 30)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>
    /// Days a sent (or given-up) message's recipient, subject and state are kept for admins (/admin/mail) before the row
    /// is deleted. A sent message's text goes at once: it held links and tokens meant for one person.
    /// </summary>
    [Range(0, 365)]
    public int KeepSentDays { get; set; } = 7;
}
