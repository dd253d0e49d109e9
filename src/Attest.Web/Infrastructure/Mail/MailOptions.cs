using MailKit.Security;

namespace Attest.Web.Infrastructure.Mail;

public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "no-reply@localhost";

    public string FromName { get; set; } = "Attest";

    /// <summary>Where mail is written as .eml files when no SMTP server is set; empty means mail/ in the data folder.</summary>
    public string PickupFolder { get; set; } = string.Empty;

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Whether this instance sends the outbox. Every instance may: each mail is claimed by one sender only.</summary>
    public bool SenderEnabled { get; set; } = true;

    /// <summary>How often the outbox is looked at when nothing wakes the sender (another instance's or the CLI's mail).</summary>
    public int PollSeconds { get; set; } = 10;

    /// <summary>Attempts before a mail is given up on (waits double each time from a minute, up to two hours: about 12 hours in all).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>How long a sender holds a mail it has claimed; if it dies, another sender takes the mail after this.</summary>
    public int LeaseSeconds { get; set; } = 300;

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public string PickupPath(string dataFolder) => string.IsNullOrWhiteSpace(PickupFolder) ? Path.Combine(dataFolder, "mail") : Path.GetFullPath(PickupFolder);
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), StartTls (required), SslOnConnect (port 465) or None (a relay on loopback only).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;

    public string Username { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public int TimeoutSeconds { get; set; } = 60;
}
