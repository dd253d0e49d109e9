namespace Attest.Core.Qualifications;

public enum CriterionStatus { NotYetAssessed, NotYetMet, Met }

/// <param name="WhyNotMet">For a criterion decided met whose evidence sign-off would not accept: why it does not count yet (then the status is NotYetMet).</param>
public sealed record CriterionProgress(CriterionSpec Criterion, string LearningOutcome, CriterionStatus Status, string? WhyNotMet = null);

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
/// Progress of a unit from the latest decision on each criterion, less the "met" decisions whose evidence does not count
/// (<see cref="Assessment.Sufficiency.Progress"/> works those out; pages ask it, not this).
/// </summary>
public static class CompetenceProgress
{
    /// <param name="notCounting">Criteria decided met whose evidence would not let the unit be signed off, with why.</param>
    public static UnitProgress Evaluate(UnitSpec unit, IReadOnlyDictionary<string, CriterionStatus> latestDecisions, IReadOnlyDictionary<string, string>? notCounting = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(latestDecisions);
        if (!unit.IsAssessable)
        {
            return new UnitProgress(unit, [], [unit.NotAssessableReason ?? "The catalogue holds no criteria for this unit."]);
        }

        var criteria = unit.LearningOutcomes
            .SelectMany(lo => lo.Criteria.Select(c =>
            {
                var decided = latestDecisions.TryGetValue(c.Ref, out var status) ? status : CriterionStatus.NotYetAssessed;
                return decided == CriterionStatus.Met && notCounting is not null && notCounting.TryGetValue(c.Ref, out var why)
                    ? new CriterionProgress(c, lo.Ref, CriterionStatus.NotYetMet, why)
                    : new CriterionProgress(c, lo.Ref, decided);
            }))
            .ToList();
        var outstanding = criteria
            .Where(c => c.Status != CriterionStatus.Met)
            .Select(c => $"{c.Criterion.Ref} {c.Criterion.Text}: {(c.WhyNotMet is { } why ? "decided met, but it does not count yet: " + why : c.Status == CriterionStatus.NotYetMet ? "not yet met" : "not yet assessed")}")
            .ToList();
        return new UnitProgress(unit, criteria, outstanding);
    }
}
