namespace Attest.Core.Privacy;

/// <summary>
/// Open only inside an erasure's own transaction (added first, removed before it commits): while a row exists, the
/// database's append-only guards let UPDATE through, so the learner can be pseudonymised in signed records. No other
/// transaction ever sees a row; DELETE stays refused, and the ledger checks every change against the erasure's entry.
/// </summary>
public sealed class ErasureWindow : Centres.ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public DateTime OpenedAt { get; init; }
}
