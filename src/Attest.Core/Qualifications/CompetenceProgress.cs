namespace Attest.Core.Qualifications;

public enum CriterionStatus { NotYetAssessed, NotYetMet, Met }

public sealed record CriterionProgress(CriterionSpec Criterion, string LearningOutcome, CriterionStatus Status);

/// <summary>A unit's progress: which criteria are met, and what stands between it and completion.</summary>
public sealed record UnitProgress(
    UnitSpec Unit,
    IReadOnlyList<CriterionProgress> Criteria,
    IReadOnlyList<string> Outstanding)
{
    public int Met => Criteria.Count(c => c.Status == CriterionStatus.Met);

    public int Total => Criteria.Count;

    /// <summary>Complete when the unit can be assessed and nothing is outstanding.</summary>
    public bool IsComplete => Unit.IsAssessable && Outstanding.Count == 0;

    public string Summary => Unit.IsAssessable ? $"{Met} of {Total} criteria met" : "Cannot be assessed yet";
}

/// <summary>
/// Progress of a competence-based unit from the latest decision on each criterion. Today a unit is
/// complete when every criterion is met; the sufficiency rules (evidence requirements, occasions,
/// performance evidence) will add their own outstanding items to the same list.
/// </summary>
public static class CompetenceProgress
{
    public static UnitProgress Evaluate(UnitSpec unit, IReadOnlyDictionary<string, CriterionStatus> latestDecisions)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(latestDecisions);
        if (!unit.IsAssessable)
        {
            return new UnitProgress(unit, [], [unit.NotAssessableReason ?? "The catalogue holds no criteria for this unit."]);
        }

        var criteria = unit.LearningOutcomes
            .SelectMany(lo => lo.Criteria.Select(c => new CriterionProgress(c, lo.Ref,
                latestDecisions.TryGetValue(c.Ref, out var status) ? status : CriterionStatus.NotYetAssessed)))
            .ToList();
        var outstanding = criteria
            .Where(c => c.Status != CriterionStatus.Met)
            .Select(c => $"{c.Criterion.Ref} {c.Criterion.Text}: {(c.Status == CriterionStatus.NotYetMet ? "not yet met" : "not yet assessed")}")
            .ToList();
        return new UnitProgress(unit, criteria, outstanding);
    }
}
