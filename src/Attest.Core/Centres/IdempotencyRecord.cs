namespace Attest.Core.Centres;

/// <summary>
/// A form post made with an idempotency key (security.md test 17): the first is carried out and its outcome kept; a replay
/// with the same body gets the same outcome without doing it again; a replay with a different body is refused (422).
/// </summary>
public sealed class IdempotencyRecord : ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid UserId { get; init; }

    public Guid Key { get; init; }

    /// <summary>SHA-256 of the path and the posted fields (without the antiforgery token).</summary>
    public string RequestSha256 { get; init; } = string.Empty;

    /// <summary>Where the first post redirected; null while it is being carried out.</summary>
    public string? Location { get; set; }

    public DateTime CreatedAt { get; init; }
}
