using Attest.Core.Centres;

namespace Attest.Core.Accounts;

public enum SecurityEventKind
{
    SignedIn,
    SignInFailed,
    LockedOut,
    SignInRefused,
    TwoFactorFailed,
    RecoveryCodeUsed,
    TwoFactorEnabled,
    TwoFactorDisabled,
    TwoFactorReset,
    RecoveryCodesReplaced,
    Invited,
    InvitationAccepted,
    PasswordResetRequested,
    PasswordReset,
    PasswordChanged,
    SignedOutEverywhere,
    RolesChanged,
    Deactivated,
    Reactivated,
    SingleSignOnLinked,
    SingleSignOnRefused,
    SingleSignOnChanged,
    CaseloadReassigned,
}

/// <summary>
/// One thing that happened to a person's account: a sign-in or a failed one, a lockout, a second-factor or role change.
/// Kept per centre for the administrator; each person reads their own sign-ins.
/// </summary>
public sealed class SecurityEvent : ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    /// <summary>The account it happened to; null for a centre-wide change (single sign-on settings) or an unknown account.</summary>
    public Guid? UserId { get; init; }

    public SecurityEventKind Kind { get; init; }

    public DateTime At { get; init; }

    /// <summary>Who did it when it was not the person themselves (an administrator changing roles, an operator).</summary>
    public Guid? ActorId { get; init; }

    public string? ActorName { get; init; }

    /// <summary>The address the request came from.</summary>
    public string? Address { get; init; }

    public string? UserAgent { get; init; }

    /// <summary>What a reader needs to know: "password and authenticator code", "Assessor → Assessor, IQA".</summary>
    public string? Detail { get; init; }

    public static string Describe(SecurityEventKind kind) => kind switch
    {
        SecurityEventKind.SignedIn => "Signed in",
        SecurityEventKind.SignInFailed => "Sign-in failed",
        SecurityEventKind.LockedOut => "Locked out",
        SecurityEventKind.SignInRefused => "Sign-in refused",
        SecurityEventKind.TwoFactorFailed => "Wrong two-factor code",
        SecurityEventKind.RecoveryCodeUsed => "Recovery code used",
        SecurityEventKind.TwoFactorEnabled => "Two-factor authentication turned on",
        SecurityEventKind.TwoFactorDisabled => "Two-factor authentication turned off",
        SecurityEventKind.TwoFactorReset => "Two-factor authentication reset",
        SecurityEventKind.RecoveryCodesReplaced => "New recovery codes made",
        SecurityEventKind.Invited => "Invited",
        SecurityEventKind.InvitationAccepted => "Invitation accepted",
        SecurityEventKind.PasswordResetRequested => "Password reset asked for",
        SecurityEventKind.PasswordReset => "Password reset",
        SecurityEventKind.PasswordChanged => "Password changed",
        SecurityEventKind.SignedOutEverywhere => "Signed out everywhere",
        SecurityEventKind.RolesChanged => "Roles changed",
        SecurityEventKind.Deactivated => "Deactivated",
        SecurityEventKind.Reactivated => "Reactivated",
        SecurityEventKind.SingleSignOnLinked => "Single sign-on linked",
        SecurityEventKind.SingleSignOnRefused => "Single sign-on refused",
        SecurityEventKind.SingleSignOnChanged => "Single sign-on settings changed",
        SecurityEventKind.CaseloadReassigned => "Caseload reassigned",
        _ => kind.ToString(),
    };
}
