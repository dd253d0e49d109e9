namespace Attest.Core.Mail;

/// <summary>
/// A mail waiting to go, sent or given up on. Written in the same transaction as the change that causes it, so a mail is
/// never lost when the app stops between the commit and the send; delivered by one sender at a time (a claim with a
/// lease), retried with back-off, and marked sent or failed with the reason.
/// </summary>
/// <remarks>
/// Not under the centre filter: one sender delivers every centre's mail. Pages list mail only with an explicit centre
/// condition (see TenancyGuardTests).
/// </remarks>
public sealed class OutboxMail
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    /// <summary>The account it is for, when there is one (so the staff page can say whether an invitation arrived).</summary>
    public Guid? UserId { get; init; }

    /// <summary>The template it was made from: invitation, password-reset, ...</summary>
    public string Template { get; init; } = string.Empty;

    public string ToAddress { get; init; } = string.Empty;

    public string ToName { get; init; } = string.Empty;

    public string Subject { get; init; } = string.Empty;

    /// <summary>Cleared once sent when the mail held a single-use link, so the database keeps no usable link.</summary>
    public string? TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public bool HoldsLink { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The sender holding the mail, until <see cref="ClaimedUntil"/>; another may take it after that.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Set when the sender gives up: a refused address, or too many attempts.</summary>
    public DateTime? FailedAt { get; set; }

    public string? LastError { get; set; }

    public string Status => SentAt is not null ? "Sent" : FailedAt is not null ? "Not delivered" : Attempts > 0 ? "Retrying" : "Waiting";
}

public static class OutboxQueries
{
    /// <summary>Mails queued and neither sent nor given up on.</summary>
    public static IQueryable<OutboxMail> Waiting(this IQueryable<OutboxMail> mails) => mails.Where(m => m.SentAt == null && m.FailedAt == null);
}
