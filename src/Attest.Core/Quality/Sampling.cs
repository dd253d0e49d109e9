using System.Globalization;
using Attest.Core.Assessment;

namespace Attest.Core.Quality;

/// <summary>Where an assessor stands, for the IQA's sampling: new and trainee assessors are sampled at a higher rate.</summary>
public enum AssessorStanding { Qualified, New, Trainee }

/// <summary>
/// A centre's sampling strategy for one qualification (issue 5): the share of each assessor's candidates and of each
/// sampled candidate's units; higher rates for new or trainee assessors and for assessors with recent IQA
/// disagreements. Every unit, method and stage assessed in the period is covered whatever the rates.
/// </summary>
public sealed record SamplingStrategy(int CandidatePercent, int UnitPercent, int NewAssessorPercent, int RiskPercent, int RiskDisagreements, int RiskWindowDays)
{
    public static readonly SamplingStrategy Default = new(25, 50, 100, 50, 1, 180);

    /// <summary>Refuses rates a centre cannot sensibly set, naming the field.</summary>
    public void Validate()
    {
        var reasons = new List<(string Field, string Message)>();
        void Percent(int value, string field, string label)
        {
            if (value is < 1 or > 100)
            {
                reasons.Add((field, $"{label} must be between 1 and 100 per cent"));
            }
        }

        Percent(CandidatePercent, nameof(CandidatePercent), "The share of each assessor's candidates");
        Percent(UnitPercent, nameof(UnitPercent), "The share of each sampled candidate's units");
        Percent(NewAssessorPercent, nameof(NewAssessorPercent), "The rate for new or trainee assessors");
        Percent(RiskPercent, nameof(RiskPercent), "The rate for assessors with recent disagreements");
        if (NewAssessorPercent < CandidatePercent)
        {
            reasons.Add((nameof(NewAssessorPercent), "The rate for new or trainee assessors cannot be below the usual rate"));
        }

        if (RiskDisagreements is < 1 or > 50)
        {
            reasons.Add((nameof(RiskDisagreements), "Disagreements that raise the rate must be between 1 and 50"));
        }

        if (RiskWindowDays is < 7 or > 730)
        {
            reasons.Add((nameof(RiskWindowDays), "The window for recent disagreements must be between 7 and 730 days"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }
    }

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{CandidatePercent}% of each assessor's candidates, {UnitPercent}% of each sampled candidate's units; {NewAssessorPercent}% for new or trainee assessors; {RiskPercent}% for assessors with {RiskDisagreements} or more IQA disagreements in {RiskWindowDays} days; every unit, method and stage assessed in the period covered");
}

/// <summary>One unit of one candidate assessed in the period: what a sample is made of.</summary>
/// <param name="Stage">Summative when the unit's sign-off stands, interim when it has decisions only.</param>
/// <param name="LastActivity">The sign-off date (summative) or the latest decision (interim).</param>
public sealed record AssessedUnit(Guid EnrolmentId, string Candidate, Guid AssessorId, string AssessorName, string UnitCode, IqaStage Stage, DateOnly LastActivity, IReadOnlySet<EvidenceMethod> Methods);

public sealed record AssessorRisk(Guid AssessorId, string Name, AssessorStanding Standing, int RecentDisagreements);

/// <summary>One unit of one candidate to sample, and why.</summary>
public sealed record SamplePickPlan(AssessedUnit Unit, IReadOnlyList<string> Reasons);

/// <summary>An assessor's rate and how many of their candidates were sampled; no candidates when they made no assessment decisions in the period.</summary>
public sealed record AssessorCoverage(Guid AssessorId, string Name, int RatePercent, string RateReason, int Candidates, int Target, int CandidatesSampled);

/// <param name="Assessors">Every assessor given, by name.</param>
/// <param name="Gaps">The units offered that had nothing to sample.</param>
public sealed record SamplingResult(IReadOnlyList<SamplePickPlan> Picks, IReadOnlyList<AssessorCoverage> Assessors, IReadOnlyList<string> Gaps);

/// <summary>
/// Generates an IQA sampling plan from a strategy and what was assessed in the period, explaining each pick. Pure:
/// the same inputs and seed give the same plan. The seed shuffles the order candidates are considered in, so assessors
/// cannot predict whose work is sampled.
/// </summary>
public static class Sampling
{
    public static SamplingResult Plan(SamplingStrategy strategy, IReadOnlyList<AssessedUnit> population, IReadOnlyList<AssessorRisk> assessors, IReadOnlyCollection<string> unitsOffered, int seed)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(population);
        ArgumentNullException.ThrowIfNull(assessors);
        ArgumentNullException.ThrowIfNull(unitsOffered);
        var random = new Random(seed);
        var picks = new Dictionary<(Guid EnrolmentId, string UnitCode), List<string>>();
        var coveredUnits = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var coveredMethods = new HashSet<EvidenceMethod>();
        var coverage = new List<AssessorCoverage>();

        void Pick(AssessedUnit unit, string reason)
        {
            var key = (unit.EnrolmentId, unit.UnitCode);
            if (!picks.TryGetValue(key, out var reasons))
            {
                picks[key] = reasons = [];
                reasons.Add(unit.Stage == IqaStage.Summative
                    ? $"Summative: signed off by {unit.AssessorName} on {unit.LastActivity:d MMMM yyyy}."
                    : $"Interim: decisions in progress, the latest by {unit.AssessorName} on {unit.LastActivity:d MMMM yyyy}.");
                if (coveredUnits.Add(unit.UnitCode))
                {
                    reasons.Add($"First sample of unit {unit.UnitCode} this period.");
                }

                var newMethods = unit.Methods.Where(coveredMethods.Add).ToList();
                if (newMethods.Count > 0)
                {
                    reasons.Add($"Samples {string.Join(", ", newMethods.Select(m => m.Describe()))} for the first time this period.");
                }
            }

            reasons.Insert(0, reason);
        }

        // Units that bring something not yet covered come first, summative before interim.
        int Novelty(AssessedUnit u) => (coveredUnits.Contains(u.UnitCode) ? 0 : 4) + u.Methods.Count(m => !coveredMethods.Contains(m)) + (u.Stage == IqaStage.Summative ? 1 : 0);

        var byAssessor = population.GroupBy(u => u.AssessorId).ToList();
        foreach (var assessor in assessors.OrderBy(a => a.Name, StringComparer.Ordinal))
        {
            var (rate, why) = RateFor(strategy, assessor);
            if (byAssessor.SingleOrDefault(g => g.Key == assessor.AssessorId)?.ToList() is not { } work)
            {
                coverage.Add(new AssessorCoverage(assessor.AssessorId, assessor.Name, rate, why, 0, 0, 0));
                continue;
            }

            var candidates = work.GroupBy(u => u.EnrolmentId).OrderBy(_ => random.Next()).ToList();
            var target = Math.Max(1, (int)Math.Ceiling(candidates.Count * rate / 100.0));
            var chosen = new List<IGrouping<Guid, AssessedUnit>>();
            while (chosen.Count < target)
            {
                var next = candidates.Except(chosen).MaxBy(c => c.Max(Novelty))!;
                chosen.Add(next);
                var units = next.ToList();
                var take = Math.Max(1, (int)Math.Ceiling(units.Count * strategy.UnitPercent / 100.0));
                for (var i = 0; i < take; i++)
                {
                    var unit = units.Where(u => !picks.ContainsKey((u.EnrolmentId, u.UnitCode))).MaxBy(Novelty)!;
                    Pick(unit, $"{rate}% of {assessor.Name}'s candidates ({why}); {strategy.UnitPercent}% of the candidate's units.");
                }
            }

            coverage.Add(new AssessorCoverage(assessor.AssessorId, assessor.Name, rate, why, candidates.Count, target, chosen.Count));
        }

        // Coverage whatever the rates: every unit, every method, and each assessor's interim and summative work.
        foreach (var unitCode in population.Select(u => u.UnitCode).Distinct(StringComparer.OrdinalIgnoreCase).Where(c => !coveredUnits.Contains(c)).Order(StringComparer.Ordinal).ToList())
        {
            Pick(population.Where(u => string.Equals(u.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase)).OrderBy(_ => random.Next()).MaxBy(Novelty)!,
                $"Unit {unitCode} was not otherwise sampled: every unit assessed in the period is sampled.");
        }

        foreach (var method in population.SelectMany(u => u.Methods).Distinct().Where(m => !coveredMethods.Contains(m)).Order().ToList())
        {
            Pick(population.Where(u => u.Methods.Contains(method)).OrderBy(_ => random.Next()).MaxBy(Novelty)!,
                $"{method.Describe()} was not otherwise sampled: every assessment method used in the period is sampled.");
        }

        foreach (var group in byAssessor)
        {
            foreach (var stage in new[] { IqaStage.Interim, IqaStage.Summative })
            {
                if (!group.Any(u => u.Stage == stage && picks.ContainsKey((u.EnrolmentId, u.UnitCode))) && group.Where(u => u.Stage == stage).OrderBy(_ => random.Next()).FirstOrDefault() is { } unit)
                {
                    Pick(unit, $"{unit.AssessorName}'s {(stage == IqaStage.Interim ? "interim" : "summative")} decisions were not otherwise sampled: each assessor's interim and summative work is sampled.");
                }
            }
        }

        var gaps = new List<string>();
        gaps.AddRange(unitsOffered.Where(code => !population.Any(u => string.Equals(u.UnitCode, code, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal)
            .Select(code => $"Unit {code} has no assessment decisions in the period: nothing to sample yet."));

        var assessed = population.ToDictionary(u => (u.EnrolmentId, u.UnitCode));
        return new SamplingResult(
            [.. picks.Select(p => new SamplePickPlan(assessed[p.Key], p.Value)).OrderBy(p => p.Unit.AssessorName, StringComparer.Ordinal).ThenBy(p => p.Unit.Candidate, StringComparer.Ordinal).ThenBy(p => p.Unit.UnitCode, StringComparer.Ordinal)],
            coverage, gaps);
    }

    /// <summary>The rate an assessor is sampled at, and why: the highest that applies.</summary>
    public static (int Percent, string Why) RateFor(SamplingStrategy strategy, AssessorRisk assessor)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(assessor);
        var rates = new List<(int Percent, string Why)> { (strategy.CandidatePercent, "the centre's usual rate") };
        if (assessor.Standing != AssessorStanding.Qualified)
        {
            rates.Add((strategy.NewAssessorPercent, $"{(assessor.Standing == AssessorStanding.New ? "a new" : "a trainee")} assessor"));
        }

        if (assessor.RecentDisagreements >= strategy.RiskDisagreements)
        {
            rates.Add((strategy.RiskPercent, $"{assessor.RecentDisagreements} IQA disagreement{(assessor.RecentDisagreements == 1 ? "" : "s")} in the last {strategy.RiskWindowDays} days"));
        }

        return rates.MaxBy(r => r.Percent);
    }
}
