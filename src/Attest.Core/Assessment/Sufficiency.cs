using System.Globalization;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Core.Assessment;

/// <summary>A piece of evidence the assessor has accepted for a unit, with what the engine needs to know of it.</summary>
public sealed record AcceptedEvidence(
    string Reference,
    EvidenceMethod Method,
    EvidenceContext Context,
    Occasions Occasions,
    string? Customer,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyCollection<string> Criteria,
    IReadOnlyCollection<string> Requirements)
{
    /// <param name="withdrawnCriteria">Criteria whose mapping of the item the assessor withdrew: the item no longer counts for them.</param>
    public static AcceptedEvidence Of(EvidenceItem item, EvidenceAcceptance acceptance, IReadOnlyCollection<string> withdrawnCriteria)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(acceptance);
        ArgumentNullException.ThrowIfNull(withdrawnCriteria);
        return new(item.Reference, acceptance.Method, item.Context, item.Occasions, item.CustomerLabel, item.ActivityFrom, item.ActivityTo ?? item.ActivityFrom,
            [.. acceptance.CriteriaList.Where(c => !withdrawnCriteria.Contains(c, StringComparer.OrdinalIgnoreCase))], acceptance.RequirementList);
    }
}

/// <summary>
/// The evidence a unit's criteria can rest on: each item's latest judgement for the unit, when it accepts the item as it is
/// now, less the criteria whose mapping the assessor withdrew (<see cref="MappingWithdrawal"/>).
/// </summary>
public static class CurrentEvidence
{
    public static IReadOnlyList<AcceptedEvidence> For(
        IEnumerable<EvidenceAcceptance> acceptancesForUnit, IReadOnlyDictionary<Guid, EvidenceItem> items, IEnumerable<MappingWithdrawal> withdrawalsForUnit)
    {
        ArgumentNullException.ThrowIfNull(acceptancesForUnit);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(withdrawalsForUnit);
        var withdrawn = withdrawalsForUnit.ToLookup(w => w.EvidenceItemId, w => w.CriterionRef);
        return [.. EvidenceAcceptance.Latest(acceptancesForUnit).Values
            .Where(a => a.Accepted && items.TryGetValue(a.EvidenceItemId, out var item) && a.IsCurrentFor(item))
            .OrderBy(a => a.EvidenceReference, StringComparer.Ordinal)
            .Select(a => AcceptedEvidence.Of(items[a.EvidenceItemId], a, [.. withdrawn[a.EvidenceItemId]]))];
    }
}

public enum SufficiencyRule
{
    /// <summary>The latest decision on the criterion is not "met".</summary>
    CriterionNotMet,

    /// <summary>No accepted evidence the criterion can rest on.</summary>
    NoAcceptedEvidence,

    /// <summary>A performance criterion rests only on evidence that does not show performance.</summary>
    PerformanceEvidence,

    /// <summary>A performance criterion rests only on simulation where the unit forbids it, or on a context the unit does not allow.</summary>
    Context,

    /// <summary>A criterion worded in the plural has fewer pieces of evidence than it needs.</summary>
    Instances,

    /// <summary>An item of the unit's evidence requirements is not covered.</summary>
    Requirement,

    /// <summary>Evidence comes from too few dates, customers, or too short a period.</summary>
    Period,
}

public sealed record SufficiencyFinding(SufficiencyRule Rule, string Message, string? SpecificationWording = null, string? Criterion = null, string? Requirement = null);

/// <summary>One criterion in the coverage matrix: the evidence that counts for it, and the evidence that does not and why.</summary>
public sealed record CriterionCoverage(
    CriterionSpec Criterion,
    string LearningOutcome,
    CriterionStatus Decision,
    IReadOnlyList<AcceptedEvidence> Counting,
    IReadOnlyList<(AcceptedEvidence Evidence, string Why)> NotCounting);

public sealed record RequirementCoverage(EvidenceRequirementSpec Requirement, EvidenceRequirementItemSpec Item, IReadOnlyList<string> CoveredBy);

/// <summary>The dates, customers and span of the evidence that counts for performance.</summary>
public sealed record PeriodCoverage(SufficiencySpec Rule, int DistinctDates, int DistinctCustomers, int SpanDays);

public sealed record SufficiencyResult(
    UnitSpec Unit,
    IReadOnlyList<CriterionCoverage> Criteria,
    IReadOnlyList<RequirementCoverage> Requirements,
    PeriodCoverage? Period,
    IReadOnlyList<SufficiencyFinding> Findings)
{
    /// <summary>Complete: the unit can be signed off.</summary>
    public bool IsComplete => Unit.IsAssessable && Findings.Count == 0;
}

/// <summary>
/// Is the evidence for a competence unit enough to sign it off? Every rule comes from the catalogue (seeds 001, 003,
/// 004) and every finding says what is missing in words a candidate can act on, quoting the specification:
/// every criterion met on accepted evidence; performance criteria on performance evidence, never on simulation where
/// the unit forbids it; plural criteria on more than one piece; every evidence requirement item covered; and evidence
/// "over a sufficient period of time with different customers on different occasions".
/// </summary>
public static class Sufficiency
{
    public static SufficiencyResult Evaluate(UnitSpec unit, IReadOnlyDictionary<string, CriterionStatus> latestDecisions, IReadOnlyList<AcceptedEvidence> accepted)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(latestDecisions);
        ArgumentNullException.ThrowIfNull(accepted);
        if (!unit.IsAssessable)
        {
            return new(unit, [], [], null, [new(SufficiencyRule.CriterionNotMet, unit.NotAssessableReason ?? "The catalogue holds no criteria for this unit.")]);
        }

        var findings = new List<SufficiencyFinding>();
        var criteria = unit.LearningOutcomes.SelectMany(lo => lo.Criteria.Select(c => Cover(unit, lo.Ref, c, latestDecisions, accepted, findings))).ToList();
        var requirements = CoverRequirements(unit, accepted, findings);
        var period = CoverPeriod(unit, criteria, findings);
        return new(unit, criteria, requirements, period, findings);
    }

    /// <summary>
    /// The one answer to "is this criterion met, and why not", which every page, export and API asks: a criterion is met
    /// only when its latest decision is met and the accepted evidence it rests on is what sign-off accepts (performance
    /// criteria on performance evidence, never on simulation where the unit forbids it, enough pieces for a plural
    /// criterion). A graded unit (<paramref name="accepted"/> null) is signed off on its graded assessment, so its
    /// decisions stand alone.
    /// </summary>
    public static UnitProgress Progress(UnitSpec unit, IReadOnlyDictionary<string, CriterionStatus> latestDecisions, IReadOnlyList<AcceptedEvidence>? accepted)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (accepted is null || !unit.IsAssessable)
        {
            return CompetenceProgress.Evaluate(unit, latestDecisions);
        }

        var notCounting = Evaluate(unit, latestDecisions, accepted).Findings
            .Where(f => f.Criterion is not null && f.Rule != SufficiencyRule.CriterionNotMet)
            .GroupBy(f => f.Criterion!, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(f => f.Message)), StringComparer.OrdinalIgnoreCase);
        return CompetenceProgress.Evaluate(unit, latestDecisions, notCounting);
    }

    /// <summary>Why a "met" decision on the criterion could not count with the evidence accepted for it, or null when it could.</summary>
    public static string? WhyMetWouldNotCount(UnitSpec unit, string criterionRef, IReadOnlyList<AcceptedEvidence> accepted)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var met = new Dictionary<string, CriterionStatus>(StringComparer.OrdinalIgnoreCase) { [criterionRef] = CriterionStatus.Met };
        return Progress(unit, met, accepted).Criteria.FirstOrDefault(c => string.Equals(c.Criterion.Ref, criterionRef, StringComparison.OrdinalIgnoreCase))?.WhyNotMet;
    }

    private static CriterionCoverage Cover(UnitSpec unit, string outcome, CriterionSpec criterion, IReadOnlyDictionary<string, CriterionStatus> decisions, IReadOnlyList<AcceptedEvidence> accepted, List<SufficiencyFinding> findings)
    {
        var forCriterion = accepted.Where(a => a.Criteria.Contains(criterion.Ref, StringComparer.OrdinalIgnoreCase)).ToList();
        var counting = new List<AcceptedEvidence>();
        var notCounting = new List<(AcceptedEvidence, string)>();
        foreach (var evidence in forCriterion)
        {
            if (WhyNot(unit, criterion, evidence) is { } why)
            {
                notCounting.Add((evidence, why));
            }
            else
            {
                counting.Add(evidence);
            }
        }

        var label = $"{unit.Code} {criterion.Ref}";
        if (forCriterion.Count == 0)
        {
            findings.Add(new(SufficiencyRule.NoAcceptedEvidence, $"{label} has no accepted evidence: \"{criterion.Text}\".", Criterion: criterion.Ref));
        }
        else if (counting.Count == 0)
        {
            var simulation = notCounting.Any(n => n.Item1.Context == EvidenceContext.Simulation) && unit.Policy?.SimulationAllowedForPerformance == false;
            findings.Add(simulation
                ? new(SufficiencyRule.Context, $"{label} rests on simulation ({Refs(notCounting.Select(n => n.Item1))}), and simulation is not allowed for performance evidence in unit {unit.Code}.", unit.Policy?.Text, criterion.Ref)
                : notCounting.All(n => !n.Item1.Method.ShowsPerformance())
                    ? new(SufficiencyRule.PerformanceEvidence, $"{label} is a performance criterion but rests only on {string.Join(", ", notCounting.Select(n => n.Item1.Method.Describe()).Distinct())} ({Refs(notCounting.Select(n => n.Item1))}): it needs performance evidence such as an observation, a witness testimony or a work product.", "Performance criteria must be performance evidence.", criterion.Ref)
                    : new(SufficiencyRule.Context, $"{label} rests only on evidence from contexts unit {unit.Code} does not allow ({Refs(notCounting.Select(n => n.Item1))}).", unit.Policy?.Text, criterion.Ref));
        }
        else if (counting.Select(c => c.Reference).Distinct(StringComparer.OrdinalIgnoreCase).Count() < criterion.MinInstances)
        {
            findings.Add(new(SufficiencyRule.Instances,
                $"{label} is worded in the plural (\"{criterion.Text}\") and needs at least {criterion.MinInstances} different pieces of evidence; it has {counting.Count} ({Refs(counting)}).",
                "A criterion worded in the plural indicates that more than one example is required.", criterion.Ref));
        }

        var decision = decisions.TryGetValue(criterion.Ref, out var status) ? status : CriterionStatus.NotYetAssessed;
        if (decision != CriterionStatus.Met)
        {
            findings.Add(new(SufficiencyRule.CriterionNotMet, $"{label} is {(decision == CriterionStatus.NotYetMet ? "not yet met" : "not yet assessed")}.", Criterion: criterion.Ref));
        }

        return new(criterion, outcome, decision, counting, notCounting);
    }

    /// <summary>Why an accepted item cannot count for a criterion, or null when it counts.</summary>
    private static string? WhyNot(UnitSpec unit, CriterionSpec criterion, AcceptedEvidence evidence)
    {
        if (criterion.Kind != CriterionKind.Performance)
        {
            return null;
        }

        if (evidence.Context == EvidenceContext.Simulation && unit.Policy?.SimulationAllowedForPerformance == false)
        {
            return "simulation is not allowed for performance evidence in this unit";
        }

        if (unit.Policy is { AllowedContexts.Count: > 0 } policy && !policy.AllowedContexts.Contains(evidence.Context))
        {
            return $"evidence from {EvidenceRules.Describe(evidence.Context).ToLowerInvariant()} is not allowed in this unit";
        }

        return evidence.Method.ShowsPerformance() ? null : $"{evidence.Method.Describe()} does not show performance";
    }

    private static List<RequirementCoverage> CoverRequirements(UnitSpec unit, IReadOnlyList<AcceptedEvidence> accepted, List<SufficiencyFinding> findings)
    {
        // Evidence that could not count for a performance criterion (simulation where forbidden) covers no requirement either.
        var usable = accepted.Where(a => !(a.Context == EvidenceContext.Simulation && unit.Policy?.SimulationAllowedForPerformance == false)).ToList();
        var coverage = new List<RequirementCoverage>();
        foreach (var requirement in unit.EvidenceRequirements)
        {
            foreach (var item in requirement.Items)
            {
                var by = usable.Where(a => item.Occasion != Occasions.None ? a.Occasions.HasFlag(item.Occasion) : a.Requirements.Contains(item.Ref, StringComparer.OrdinalIgnoreCase))
                    .Select(a => a.Reference).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
                coverage.Add(new(requirement, item, by));
                if (by.Count == 0)
                {
                    findings.Add(new(SufficiencyRule.Requirement,
                        $"Evidence requirement {item.Ref} of unit {unit.Code} is not covered: \"{item.Text.TrimEnd('.')}\".",
                        requirement.Text, Requirement: item.Ref));
                }
            }
        }

        return coverage;
    }

    private static PeriodCoverage? CoverPeriod(UnitSpec unit, List<CriterionCoverage> criteria, List<SufficiencyFinding> findings)
    {
        if (unit.Sufficiency is not { } rule)
        {
            return null;
        }

        // The occasions that count are those of the evidence for performance criteria (or for any criterion, in a unit that has none).
        var performance = criteria.Where(c => c.Criterion.Kind == CriterionKind.Performance).ToList();
        var evidence = (performance.Count > 0 ? performance : criteria).SelectMany(c => c.Counting).DistinctBy(e => e.Reference).ToList();
        var dates = evidence.SelectMany(e => new[] { e.From, e.To }).OfType<DateOnly>().ToList();
        var distinctDates = evidence.Select(e => e.From).OfType<DateOnly>().Distinct().Count();
        var customers = evidence.Select(e => e.Customer?.Trim()).Where(c => !string.IsNullOrEmpty(c)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var span = dates.Count == 0 ? 0 : dates.Max().DayNumber - dates.Min().DayNumber;
        var period = new PeriodCoverage(rule, distinctDates, customers, span);
        var shortfalls = new List<string>();
        if (distinctDates < rule.MinDistinctDates)
        {
            shortfalls.Add($"{Count(distinctDates, "occasion")} (activity dates) where at least {rule.MinDistinctDates} are needed");
        }

        if (customers < rule.MinDistinctCustomers)
        {
            shortfalls.Add($"{Count(customers, "customer")} where at least {rule.MinDistinctCustomers} are needed");
        }

        if (span < rule.MinSpanDays)
        {
            shortfalls.Add($"a period of {Count(span, "day")} where at least {rule.MinSpanDays} are needed");
        }

        if (shortfalls.Count > 0)
        {
            findings.Add(new(SufficiencyRule.Period,
                $"The evidence for unit {unit.Code} shows {string.Join(", ", shortfalls)}: competence must be shown over a sufficient period of time with different customers on different occasions.",
                rule.Text));
        }

        return period;
    }

    private static string Refs(IEnumerable<AcceptedEvidence> evidence) => string.Join(", ", evidence.Select(e => e.Reference).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal));

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";
}
