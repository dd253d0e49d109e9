using Attest.Core.Centres;
using Attest.Core.Security;

namespace Attest.Core.Accounts;

public enum AccountLinkPurpose
{
    /// <summary>A new account: the person chooses their first password.</summary>
    Invitation,

    /// <summary>A forgotten password: the person chooses a new one.</summary>
    PasswordReset,
}

/// <summary>
/// A single-use emailed link to choose a password. Only the secret's hash is kept; the link works once, until it expires
/// or a newer link of the same person replaces it.
/// </summary>
public sealed class AccountLink : ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid UserId { get; init; }

    public AccountLinkPurpose Purpose { get; init; }

    public string SecretSha256 { get; init; } = string.Empty;

    public DateTime CreatedAt { get; init; }

    public DateTime ExpiresAt { get; init; }

    /// <summary>Who asked for it: the administrator who invited, or null when the person asked for a reset themselves.</summary>
    public Guid? CreatedBy { get; init; }

    public DateTime? UsedAt { get; private set; }

    /// <summary>Set when a newer link replaces this one, or the account is deactivated.</summary>
    public DateTime? RevokedAt { get; private set; }

    public static (AccountLink Link, string Token) Issue(Guid centreId, Guid userId, AccountLinkPurpose purpose, Guid? createdBy, DateTime now, TimeSpan validFor)
    {
        var (token, secretSha256) = CapabilityToken.Issue(centreId);
        return (new AccountLink { CentreId = centreId, UserId = userId, Purpose = purpose, SecretSha256 = secretSha256, CreatedAt = now, ExpiresAt = now + validFor, CreatedBy = createdBy }, token);
    }

    /// <summary>Why the link cannot be used now, in words for the person holding it, or null when it can.</summary>
    public string? Refusal(DateTime now) =>
        UsedAt is not null ? "This link has already been used. Each link works once. If you need to set your password again, ask for a new link."
        : RevokedAt is not null ? "This link has been replaced by a newer one. Use the link in the most recent email we sent you."
        : now > ExpiresAt ? $"This link expired at {UkTime.Format(ExpiresAt)}. Ask for a new link."
        : null;

    public void Use(DateTime now)
    {
        if (Refusal(now) is string refusal)
        {
            throw new DomainRuleException(refusal);
        }

        UsedAt = now;
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
