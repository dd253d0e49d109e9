namespace Attest.Core.Centres;

/// <summary>A learner registered at a centre.</summary>
public sealed class Candidate : ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; set; }

    /// <summary>The candidate's sign-in account, when they have one.</summary>
    public Guid? UserId { get; set; }

    public required string GivenName { get; set; }

    public required string FamilyName { get; set; }

    public DateOnly DateOfBirth { get; set; }

    /// <summary>Unique learner number, see <see cref="Uln"/>.</summary>
    public required string Uln { get; set; }

    /// <summary>The awarding body's own candidate number, given at registration.</summary>
    public string? AwardingBodyCandidateNumber { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// The number of the candidate's latest evidence reference (E007 is 7; 0 before any). Each new item takes the next
    /// number by incrementing this in the database, in the transaction that saves the item, so that uploads at once are
    /// numbered one after another, without gaps and without two taking the same number.
    /// </summary>
    public int LastEvidenceNumber { get; set; }

    /// <summary>When the learner was erased on request: their details are a pseudonym from then on.</summary>
    public DateTime? ErasedAt { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";
}
