using Attest.Core.Data;

namespace Attest.Core.Mail;

/// <summary>The address people reach Attest at, for links in mail. Never taken from a request's Host header.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    public string PublicUrl { get; set; } = "http://localhost:5080";

    /// <summary>An absolute link to a path of the site.</summary>
    public string Link(string path) => PublicUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}

/// <summary>
/// Queues mail in the outbox of the given DbContext, to be saved by the caller in the same transaction as the change
/// that causes it. Delivery is the sender's job (Attest.Web), so a mail is never lost between commit and send.
/// </summary>
public sealed class Mailer(AttestDbContext db, MailTemplates templates, TimeProvider clock)
{
    public OutboxMail Queue(Guid centreId, Guid? userId, string template, string toAddress, string toName, IReadOnlyDictionary<string, string> values, bool holdsLink)
    {
        ArgumentNullException.ThrowIfNull(values);
        var rendered = templates.Render(template, values);
        var now = clock.GetUtcNow().UtcDateTime;
        var mail = new OutboxMail
        {
            CentreId = centreId, UserId = userId, Template = template, ToAddress = toAddress, ToName = toName, Subject = rendered.Subject,
            TextBody = rendered.Text, HtmlBody = rendered.Html, HoldsLink = holdsLink, CreatedAt = now, NextAttemptAt = now,
        };
        db.OutboxMails.Add(mail);
        return mail;
    }
}
