using Attest.Core.Ledger;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Core.Assessment;

/// <summary>
/// The assessor's judgement of one item for one unit: accepted or not, by which method, for which criteria and which
/// of the unit's evidence requirements (seed 003: "the evidence must always be assessed against the assessment
/// criteria for each unit"), so one item can be accepted for one unit and not another. It holds the item's content
/// hash: when the candidate changes the item, the acceptance no longer counts. Append-only and signed.
/// </summary>
public sealed class EvidenceAcceptance : Centres.ICentreOwned, Centres.IAppendOnly, ISignable
{
    public const string Kind = "evidence-acceptance";

    private EvidenceAcceptance()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public string UnitCode { get; private init; } = string.Empty;

    public Guid EvidenceItemId { get; private init; }

    public string EvidenceReference { get; private init; } = string.Empty;

    /// <summary>The item's content hash when judged.</summary>
    public string ItemContentHash { get; private init; } = string.Empty;

    public int Revision { get; private init; }

    public bool Accepted { get; private init; }

    public EvidenceMethod Method { get; private init; }

    /// <summary>Criteria it is accepted for, comma-separated.</summary>
    public string Criteria { get; private init; } = string.Empty;

    /// <summary>Evidence requirement items it covers (C3: 4a-4e, 5a-5d), comma-separated.</summary>
    public string Requirements { get; private init; } = string.Empty;

    public string Reason { get; private init; } = string.Empty;

    public Guid AssessorId { get; private init; }

    public string AssessorName { get; private init; } = string.Empty;

    public DateTime DecidedAt { get; private init; }

    public string LedgerKind => Kind;

    public IReadOnlyList<string> CriteriaList => Split(Criteria);

    public IReadOnlyList<string> RequirementList => Split(Requirements);

    /// <summary>Whether it still describes the item as it is now.</summary>
    public bool IsCurrentFor(EvidenceItem item) => item is not null && item.Id == EvidenceItemId && item.ContentHash() == ItemContentHash;

    public static EvidenceAcceptance Record(
        Enrolment enrolment, UnitSpec unit, EvidenceItem item, IReadOnlyCollection<string> mappedCriteria, bool accepted, EvidenceMethod? method,
        IReadOnlyCollection<string> criteria, IReadOnlyCollection<string> requirements, string? reason,
        Guid assessorId, string assessorName, Guid candidateUserId, int basedOnRevision, IReadOnlyCollection<UnitSignOff> signOffs, DateTime now,
        string? incompleteTestimony = null)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        UnitSignOff.EnsureOpen(signOffs, unit);
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(mappedCriteria);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(requirements);
        var reasons = new List<string>();
        if (enrolment.AssessorId != assessorId)
        {
            reasons.Add("Only the candidate's assigned assessor can judge evidence.");
        }

        if (assessorId == candidateUserId)
        {
            reasons.Add("An assessor cannot assess their own work.");
        }

        if (item.CandidateId != enrolment.CandidateId || !enrolment.HasUnit(unit.Code))
        {
            reasons.Add($"{item.Reference} is not evidence of this candidate for unit {unit.Code}.");
        }

        var allowed = EvidenceMethods.AllowedFor(item);
        var chosen = method ?? (allowed.Count > 0 ? allowed[0] : null);
        if (accepted && (chosen is not EvidenceMethod m || !allowed.Contains(m)))
        {
            reasons.Add($"Choose how {item.Reference} shows competence: {string.Join(", ", allowed.Select(a => a.Describe()))}.");
        }

        var unknownCriteria = criteria.Where(c => !mappedCriteria.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknownCriteria.Count > 0)
        {
            reasons.Add($"{item.Reference} is not mapped to {string.Join(", ", unknownCriteria)} of unit {unit.Code}: the candidate maps evidence, the assessor accepts it.");
        }

        if (accepted && criteria.Count == 0)
        {
            reasons.Add($"Choose the criteria {item.Reference} is accepted for.");
        }

        var requirementRefs = unit.EvidenceRequirements.SelectMany(r => r.Items).Where(i => i.Occasion == Portfolios.Occasions.None).Select(i => i.Ref).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknownRequirements = requirements.Where(r => !requirementRefs.Contains(r)).ToList();
        if (unknownRequirements.Count > 0)
        {
            reasons.Add($"Unit {unit.Code} has no evidence requirement {string.Join(", ", unknownRequirements)}.");
        }

        if (accepted && !string.IsNullOrEmpty(incompleteTestimony))
        {
            reasons.Add($"Testimony {item.Reference} is incomplete: it lacks {incompleteTestimony}. It cannot be accepted until the witness gives them (the OCR student guide for 03456, \"Witness statements/testimonies\", lists what a testimony must hold).");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            reasons.Add(accepted ? $"Say why {item.Reference} is valid, authentic and sufficient for these criteria." : $"Say why {item.Reference} is not accepted, so the candidate knows what to do.");
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        static string Join(IEnumerable<string> values) => string.Join(",", values.Select(v => v.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal));
        return new EvidenceAcceptance
        {
            CentreId = enrolment.CentreId,
            EnrolmentId = enrolment.Id,
            UnitCode = unit.Code,
            EvidenceItemId = item.Id,
            EvidenceReference = item.Reference,
            ItemContentHash = item.ContentHash(),
            Revision = basedOnRevision + 1,
            Accepted = accepted,
            Method = chosen ?? EvidenceMethod.KnowledgeAnswers,
            Criteria = accepted ? Join(criteria.Select(c => unit.FindCriterion(c)!.Ref)) : string.Empty,
            Requirements = accepted ? Join(requirements.Select(r => requirementRefs.First(x => string.Equals(x, r, StringComparison.OrdinalIgnoreCase)))) : string.Empty,
            Reason = reason!.Trim(),
            AssessorId = assessorId,
            AssessorName = assessorName,
            DecidedAt = now,
        };
    }

    public string SignedContent() => new SignedText(Kind)
        .Add("enrolment", EnrolmentId)
        .Add("unit", UnitCode)
        .Add("item", EvidenceItemId)
        .Add("reference", EvidenceReference)
        .Add("itemContentHash", ItemContentHash)
        .Add("revision", Revision)
        .Add("accepted", Accepted)
        .Add("method", Method)
        .Add("criteria", Criteria)
        .Add("requirements", Requirements)
        .Add("reason", Reason)
        .Add("assessor", AssessorId)
        .Add("assessorName", AssessorName)
        .Add("decidedAt", DecidedAt)
        .ToString();

    /// <summary>The latest judgement of each item for a unit.</summary>
    public static IReadOnlyDictionary<Guid, EvidenceAcceptance> Latest(IEnumerable<EvidenceAcceptance> acceptances) =>
        acceptances.GroupBy(a => a.EvidenceItemId).ToDictionary(g => g.Key, g => g.MaxBy(a => (a.Revision, a.DecidedAt, a.Id))!);

    private static string[] Split(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
