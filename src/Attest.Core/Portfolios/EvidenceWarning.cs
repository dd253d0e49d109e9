namespace Attest.Core.Portfolios;

/// <summary>
/// A hygiene finding on an item (possible third-party personal data, a blank form, a copied policy, an
/// over-long recording), shown to the candidate and the assessor. It never blocks: it names what was found
/// and where, so the candidate can anonymise or remove it.
/// </summary>
public sealed class EvidenceWarning : Centres.ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid EvidenceItemId { get; init; }

    /// <summary>The kind of finding, e.g. "Email", "BlankTemplate", "LongRecording".</summary>
    public required string Kind { get; init; }

    public required string Found { get; init; }

    public required string Location { get; init; }

    public required string Advice { get; init; }

    public DateTime FoundAt { get; init; }
}
