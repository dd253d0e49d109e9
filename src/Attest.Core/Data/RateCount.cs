namespace Attest.Core.Data;

/// <summary>
/// Requests counted against a rate limit in one fixed window ("sign-in|203.0.113.7|639012345600000000"), in the database
/// so that every app instance counts the same requests. Not centre-owned: the limits are per network address.
/// </summary>
public sealed class RateCount
{
    public required string Key { get; init; }

    public int Count { get; set; }

    /// <summary>The end of the window; a row past it counts nothing and is removed when its partition opens a new window.</summary>
    public DateTime ExpiresAt { get; init; }
}
