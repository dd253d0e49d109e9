using System.Text.RegularExpressions;
using MimeKit;

namespace Attest.Tests.Features;

/// <summary>
/// Reads mail that really arrived: the .eml files the app writes when no SMTP server is set (its embedded default), or the
/// files the CI SMTP server writes for each message it accepts. Waits for a message to a given address.
/// </summary>
public sealed partial class Mailbox(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>Every message to the address so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(Folder, "*.eml").Select(f => (File: f, Written: File.GetLastWriteTimeUtc(f))).OrderBy(f => f.Written).ThenBy(f => f.File, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.File))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))];
    }

    /// <summary>Waits (up to <paramref name="seconds"/>) until <paramref name="count"/> messages to the address have arrived, and returns the last.</summary>
    public async Task<MimeMessage> WaitForAsync(string address, int count = 1, int seconds = 20)
    {
        for (var waited = 0; waited < seconds * 10; waited++)
        {
            var messages = To(address);
            if (messages.Count >= count)
            {
                return messages[count - 1];
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No mail number {count} to {address} arrived in {Folder} within {seconds} s (found {To(address).Count}).");
        return null!;
    }

    /// <summary>The path of the first link to one of Attest's pages in the message's text ("/Account/Password/...").</summary>
    public static string LinkPath(MimeMessage message, string pathStart)
    {
        ArgumentNullException.ThrowIfNull(message);
        var match = Regex.Match(message.TextBody ?? string.Empty, "https?://[^/\\s]+(" + Regex.Escape(pathStart) + "[^\\s]*)");
        Assert.True(match.Success, $"no link to {pathStart} in: {message.TextBody}");
        return match.Groups[1].Value;
    }
}
