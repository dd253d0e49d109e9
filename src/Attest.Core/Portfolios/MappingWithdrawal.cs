using Attest.Core.Ledger;

namespace Attest.Core.Portfolios;

/// <summary>
/// The assessor's withdrawal of a mapping the item was judged on: that the item does not, after all, show the criterion
/// (issue 14: "after that, withdrawal is a recorded act, as decisions are"). The mapping stays as the candidate made it;
/// this record, append-only and signed, says it no longer counts, why, who and when. The sufficiency engine and every
/// page reading mappings ask <see cref="Counting"/>.
/// </summary>
public sealed class MappingWithdrawal : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "mapping-withdrawal";

    public const int MaxReasonLength = 1000;

    private MappingWithdrawal()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid MappingId { get; private init; }

    public Guid EvidenceItemId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public Guid CandidateId { get; private init; }

    public string UnitCode { get; private init; } = string.Empty;

    public string CriterionRef { get; private init; } = string.Empty;

    public string Reason { get; private init; } = string.Empty;

    public Guid RecordedBy { get; private init; }

    public string RecordedByName { get; private init; } = string.Empty;

    public DateTime RecordedAt { get; private init; }

    public string LedgerKind => Kind;

    /// <summary>
    /// Withdraws <paramref name="mapping"/> of <paramref name="item"/>, or refuses: before the assessor has judged the
    /// item for the unit (the candidate may still change or remove it), once the unit is signed off on it (withdraw the
    /// sign-off first), a second time, or without a reason.
    /// </summary>
    public static MappingWithdrawal Record(
        EvidenceMapping mapping, EvidenceItem item, bool judged, bool unitSignedOff, bool alreadyWithdrawn, string? reason, Guid by, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(item);
        var subject = $"{item.Reference} for {mapping.UnitCode} {mapping.CriterionRef}";
        if (alreadyWithdrawn)
        {
            throw new DomainRuleException($"The mapping of {subject} is already withdrawn");
        }

        if (!judged)
        {
            throw new DomainRuleException($"{item.Reference} is not judged for unit {mapping.UnitCode} yet, so the candidate can still change or remove the mapping to {mapping.CriterionRef}", "Reason");
        }

        if (unitSignedOff)
        {
            throw new DomainRuleException($"Unit {mapping.UnitCode} is signed off on this evidence: withdraw the sign-off first, then the mapping of {subject}", "Reason");
        }

        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException($"Enter why {item.Reference} does not show {mapping.UnitCode} {mapping.CriterionRef}, for the candidate and quality assurance", "Reason");
        }

        if (trimmed.Length > MaxReasonLength)
        {
            throw new DomainRuleException($"The reason must be {MaxReasonLength} characters or fewer", "Reason");
        }

        return new MappingWithdrawal
        {
            CentreId = mapping.CentreId, MappingId = mapping.Id, EvidenceItemId = item.Id, EnrolmentId = mapping.EnrolmentId, CandidateId = item.CandidateId,
            UnitCode = mapping.UnitCode, CriterionRef = mapping.CriterionRef, Reason = trimmed, RecordedBy = by, RecordedByName = byName, RecordedAt = now,
        };
    }

    /// <summary>The mappings that count as evidence: those no withdrawal names. Every reader of mappings for judgement asks this.</summary>
    public static IQueryable<EvidenceMapping> Counting(IQueryable<EvidenceMapping> mappings, IQueryable<MappingWithdrawal> withdrawals) =>
        mappings.Where(m => !withdrawals.Any(w => w.MappingId == m.Id));

    public string SignedContent() => new SignedText(Kind)
        .Add("mapping", MappingId)
        .Add("item", EvidenceItemId)
        .Add("enrolment", EnrolmentId)
        .Add("candidate", CandidateId)
        .Add("unit", UnitCode)
        .Add("criterion", CriterionRef)
        .Add("reason", Reason)
        .Add("recordedBy", RecordedBy)
        .Add("recordedByName", RecordedByName)
        .Add("recordedAt", RecordedAt)
        .ToString();
}
