namespace Attest.Core.Quality;

/// <summary>A centre's sampling strategy for one qualification, set by the lead IQA; <see cref="SamplingStrategy.Default"/> until then.</summary>
public sealed class CentreSamplingStrategy : Centres.ICentreOwned
{
    public Guid CentreId { get; init; }

    public string QualificationCode { get; init; } = string.Empty;

    public int CandidatePercent { get; private set; }

    public int UnitPercent { get; private set; }

    public int NewAssessorPercent { get; private set; }

    public int RiskPercent { get; private set; }

    public int RiskDisagreements { get; private set; }

    public int RiskWindowDays { get; private set; }

    public Guid ChangedBy { get; private set; }

    public DateTime ChangedAt { get; private set; }

    public SamplingStrategy Strategy => new(CandidatePercent, UnitPercent, NewAssessorPercent, RiskPercent, RiskDisagreements, RiskWindowDays);

    public void Change(SamplingStrategy strategy, Guid changedBy, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        strategy.Validate();
        (CandidatePercent, UnitPercent, NewAssessorPercent, RiskPercent, RiskDisagreements, RiskWindowDays) =
            (strategy.CandidatePercent, strategy.UnitPercent, strategy.NewAssessorPercent, strategy.RiskPercent, strategy.RiskDisagreements, strategy.RiskWindowDays);
        (ChangedBy, ChangedAt) = (changedBy, now);
    }
}

/// <summary>A generated sampling plan for one qualification over a period, with the strategy it followed.</summary>
public sealed class SamplingPlan : Centres.ICentreOwned
{
    private readonly List<SamplePick> _picks = [];

    private readonly List<SamplingPlanAssessor> _assessors = [];

    private SamplingPlan()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public string QualificationCode { get; private init; } = string.Empty;

    public DateOnly From { get; private init; }

    public DateOnly To { get; private init; }

    /// <summary>The strategy as it was when the plan was made.</summary>
    public string Strategy { get; private init; } = string.Empty;

    /// <summary>The units offered that had nothing to sample, one line each, as generated.</summary>
    public string Gaps { get; private init; } = string.Empty;

    public int Seed { get; private init; }

    public Guid GeneratedBy { get; private init; }

    public string GeneratedByName { get; private init; } = string.Empty;

    public DateTime GeneratedAt { get; private init; }

    public IReadOnlyList<SamplePick> Picks => _picks;

    /// <summary>Each assessor's rate and coverage, as generated: one row each, however many assessors the centre has.</summary>
    public IReadOnlyList<SamplingPlanAssessor> Assessors => _assessors;

    public static SamplingPlan Generate(
        Guid centreId, string qualificationCode, DateOnly from, DateOnly to, SamplingStrategy strategy, IReadOnlyList<AssessedUnit> population, IReadOnlyList<AssessorRisk> assessors,
        IReadOnlyCollection<string> unitsOffered, int seed, Guid generatedBy, string generatedByName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        if (to < from)
        {
            throw new DomainRuleException("The period must end on or after the day it starts", "To");
        }

        var result = Sampling.Plan(strategy, population, assessors, unitsOffered, seed);
        var plan = new SamplingPlan
        {
            CentreId = centreId,
            QualificationCode = qualificationCode,
            From = from,
            To = to,
            Strategy = strategy.Describe(),
            Gaps = string.Join("\n", result.Gaps),
            Seed = seed,
            GeneratedBy = generatedBy,
            GeneratedByName = generatedByName,
            GeneratedAt = now,
        };
        plan._assessors.AddRange(result.Assessors.Select(a => new SamplingPlanAssessor
        {
            CentreId = centreId, PlanId = plan.Id, AssessorId = a.AssessorId, Name = a.Name, RatePercent = a.RatePercent, RateReason = a.RateReason,
            Candidates = a.Candidates, Target = a.Target, Sampled = a.CandidatesSampled,
        }));
        plan._picks.AddRange(result.Picks.Select(p => SamplePick.For(plan, p.Unit, string.Join("\n", p.Reasons), null, null, now)));
        return plan;
    }

    /// <summary>The lead IQA adds a unit the plan did not pick, with the reason.</summary>
    public SamplePick Add(AssessedUnit unit, string? reason, Guid leadIqa, string leadIqaName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(unit);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why this unit is added to the sample", "Reason");
        }

        if (_picks.Any(p => p.RemovedAt is null && p.EnrolmentId == unit.EnrolmentId && p.UnitCode == unit.UnitCode))
        {
            throw new DomainRuleException($"Unit {unit.UnitCode} of {unit.Candidate} is already in the sample", "Reason");
        }

        var pick = SamplePick.For(this, unit, $"Added by the lead IQA, {leadIqaName}: {reason.Trim()}", leadIqa, leadIqaName, now);
        _picks.Add(pick);
        return pick;
    }
}

/// <summary>One assessor in a sampling plan: the rate their candidates were sampled at and why, as generated.</summary>
public sealed class SamplingPlanAssessor : Centres.ICentreOwned
{
    public Guid CentreId { get; internal init; }

    public Guid PlanId { get; internal init; }

    public Guid AssessorId { get; internal init; }

    public string Name { get; internal init; } = string.Empty;

    public int RatePercent { get; internal init; }

    public string RateReason { get; internal init; } = string.Empty;

    /// <summary>Their candidates with work assessed in the period; none when they made no assessment decisions in it.</summary>
    public int Candidates { get; internal init; }

    /// <summary>How many of those candidates the rate asks for.</summary>
    public int Target { get; internal init; }

    /// <summary>How many of them were sampled.</summary>
    public int Sampled { get; internal init; }
}

/// <summary>One unit of one candidate in a sampling plan, with why; the lead IQA may take it out, saying why.</summary>
public sealed class SamplePick : Centres.ICentreOwned
{
    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid PlanId { get; private init; }

    public Guid EnrolmentId { get; private init; }

    public string Candidate { get; private init; } = string.Empty;

    public string UnitCode { get; private init; } = string.Empty;

    public IqaStage Stage { get; private init; }

    public Guid AssessorId { get; private init; }

    public string AssessorName { get; private init; } = string.Empty;

    /// <summary>Why it was sampled, one reason a line.</summary>
    public string Reasons { get; private init; } = string.Empty;

    /// <summary>The lead IQA who added it by hand; null when generated.</summary>
    public Guid? AddedBy { get; private init; }

    public string? AddedByName { get; private init; }

    public DateTime AddedAt { get; private init; }

    public DateTime? RemovedAt { get; private set; }

    public Guid? RemovedBy { get; private set; }

    public string? RemovedByName { get; private set; }

    public string? RemovedReason { get; private set; }

    internal static SamplePick For(SamplingPlan plan, AssessedUnit unit, string reasons, Guid? addedBy, string? addedByName, DateTime now) => new()
    {
        CentreId = plan.CentreId,
        PlanId = plan.Id,
        EnrolmentId = unit.EnrolmentId,
        Candidate = unit.Candidate,
        UnitCode = unit.UnitCode,
        Stage = unit.Stage,
        AssessorId = unit.AssessorId,
        AssessorName = unit.AssessorName,
        Reasons = reasons,
        AddedBy = addedBy,
        AddedByName = addedByName,
        AddedAt = now,
    };

    /// <summary>The lead IQA takes the pick out of the sample; it stays listed with who, when and why.</summary>
    public void Remove(string? reason, Guid leadIqa, string leadIqaName, DateTime now)
    {
        if (RemovedAt is not null)
        {
            throw new DomainRuleException($"Unit {UnitCode} of {Candidate} was already taken out of the sample by {RemovedByName}", "Reason");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainRuleException("Say why this unit is taken out of the sample", "Reason");
        }

        (RemovedAt, RemovedBy, RemovedByName, RemovedReason) = (now, leadIqa, leadIqaName, reason.Trim());
    }
}
