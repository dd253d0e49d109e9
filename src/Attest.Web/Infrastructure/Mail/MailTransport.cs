using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Attest.Web.Infrastructure.Mail;

/// <summary>Where the outbox's mail goes: an SMTP server, or (the embedded default) .eml files in a folder.</summary>
public interface IMailTransport
{
    /// <summary>"SMTP server mail.example.org:587" or "files in /var/lib/attest/mail".</summary>
    string Describe { get; }

    /// <summary>Delivers the message; a <see cref="MailRefusedException"/> means trying again cannot help.</summary>
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>The server refused the mail for good (an unknown recipient, a refused sender): it is not retried.</summary>
public sealed class MailRefusedException(string message, Exception inner) : Exception(message, inner);

/// <summary>SMTP with MailKit: STARTTLS when offered (or as configured), authentication when a user name is set.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options) : IMailTransport
{
    private readonly SmtpOptions _smtp = options.Value.Smtp;

    public string Describe => $"SMTP server {_smtp.Host}:{_smtp.Port}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = _smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(_smtp.Host, _smtp.Port, _smtp.Security, cancellationToken);
            if (_smtp.Username.Length > 0)
            {
                await client.AuthenticateAsync(_smtp.Username, _smtp.Password, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500)
        {
            var what = refused.ErrorCode switch
            {
                SmtpErrorCode.RecipientNotAccepted => $"refused the address {refused.Mailbox?.Address}",
                SmtpErrorCode.SenderNotAccepted => $"refused the sender address {refused.Mailbox?.Address} (check Mail:FromAddress)",
                _ => "refused the message",
            };
            throw new MailRefusedException($"The mail server {what}: {(int)refused.StatusCode} {refused.Message}", refused);
        }
    }
}

/// <summary>
/// The embedded default: each mail is written as an .eml file named by its outbox id (written aside, then renamed, so a
/// crash leaves no half file and a retry replaces rather than doubles it). Any mail program opens them.
/// </summary>
public sealed class PickupFolderTransport(string folder) : IMailTransport
{
    public string Folder { get; } = folder;

    public string Describe => $"files in {Folder}";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, (message.MessageId ?? Guid.NewGuid().ToString("N")).Split('@')[0] + ".eml");
        var staged = path + ".partial";
        await using (var file = new FileStream(staged, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
        {
            await message.WriteToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(staged, path, overwrite: true);
    }
}
