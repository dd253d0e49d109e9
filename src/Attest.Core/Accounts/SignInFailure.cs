namespace Attest.Core.Accounts;

/// <summary>
/// A failed sign-in attempt (wrong password, unknown address or wrong second-factor code) from a network address, kept for
/// <see cref="SignInFailures.Window"/>. Failed attempts per account are Identity's lockout; these limit one address trying
/// many accounts, in the database so that every app instance counts the same attempts.
/// </summary>
/// <remarks>Not under the centre filter: an attempt on an unknown address belongs to no centre. No page lists them.</remarks>
public sealed class SignInFailure
{
    public long Id { get; init; }

    public string Address { get; init; } = string.Empty;

    public DateTime At { get; init; }
}

/// <summary>
/// The rule: an address with <see cref="Limit"/> failed attempts within <see cref="Window"/> may not try again until the
/// oldest of them is older than the window. Successful sign-ins and page loads never count, so a class of learners behind
/// one college address signs in at the start of a lesson, typing mistakes and all.
/// </summary>
public static class SignInFailures
{
    public const int Limit = 100;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static bool Refuses(int failuresInWindow) => failuresInWindow >= Limit;

    public const string RefusedMessage =
        "Too many failed sign-in attempts have come from your network in the last 15 minutes, so signing in from it is paused. Try again in 15 minutes. Nothing has changed on your account.";
}
