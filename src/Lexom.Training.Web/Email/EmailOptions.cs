using MailKit.Security;

namespace Lexom.Training.Web.Email;

/// <summary>The "Email" configuration section (environment variables: Email__Smtp__Host, Email__From…).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender of every message, as "Name &lt;address&gt;".</summary>
    public string From { get; set; } = "LEXOM Formation <formation@lexom.fr>";

    /// <summary>Optional Reply-To, e.g. the sales team's address.</summary>
    public string? ReplyTo { get; set; }

    /// <summary>Without <see cref="SmtpOptions.Host"/>, messages are written as .eml files here (absolute, or
    /// relative to the content root: the default lands in the repository's .data/mail under ./lexom run).</summary>
    public string PickupDirectory { get; set; } = "../../.data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    public DispatcherOptions Dispatcher { get; set; } = new();

    public RateLimitOptions RateLimit { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    /// <summary>Empty: no SMTP, the pickup directory is used.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Empty: no authentication.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>Connect, authenticate and send, each bounded by this.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>How the connection to the SMTP server is protected.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text (a local relay or a mail catcher only).</summary>
    None,

    /// <summary>STARTTLS required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

public sealed class DispatcherOptions
{
    /// <summary>False: this instance enqueues but never sends (another instance, or a test, sends).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the outbox is read when nothing wakes the dispatcher earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Messages claimed per round.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How long a claimed message stays reserved to one dispatcher; a dispatcher killed mid-send
    /// leaves the message to any dispatcher once this has passed. Keep it well above the SMTP timeout.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a message is marked failed (staff can retry it from /gestion/emails). With the
    /// default delays, 12 attempts ride out an SMTP outage of about five hours.</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Wait after the first failure; doubled after each following one (30 s, 1 min, 2 min…).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Public forms that send e-mail, per client IP address.</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);
}

internal static class SmtpSecurityExtensions
{
    public static SecureSocketOptions ToMailKit(this SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}
