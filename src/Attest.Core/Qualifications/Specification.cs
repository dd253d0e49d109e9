namespace Attest.Core.Qualifications;

/// <summary>How a qualification's units are judged: competent / not yet competent, or graded.</summary>
public enum AssessmentKind { Competence, Graded }

public enum CriterionKind { Performance, Knowledge }

public enum GradeBand { Pass, Merit, Distinction }

/// <summary>Where evidence was produced (seed 001 evidence requirement 1).</summary>
public enum EvidenceContext { RealWork, RealisticWorkingEnvironment, WorkPlacement, Simulation }

public enum ConstraintKind { TotalCredits, CreditsFromGroups, UnitsFromEachGroup, CreditsAtLevels }

/// <summary>A qualification specification loaded from one catalogue file.</summary>
public sealed record QualificationSpec(
    string Code,
    string Title,
    int Level,
    string AwardingBody,
    AssessmentKind Assessment,
    string Source,
    DateOnly? LastRegistrationDate,
    DateOnly? LastCertificationDate,
    string? Notes,
    IReadOnlyList<UnitGroupSpec> Groups,
    RulesOfCombinationSpec? Rules,
    IReadOnlyList<UnitSpec> Units,
    string SourceFile)
{
    public string DisplayName => $"{Code} {Title}";

    /// <summary>The centre's version this is (see <see cref="SpecificationVersion"/>), or null for the catalogue Attest ships.</summary>
    public Guid? SpecificationId { get; init; }

    /// <summary>0 for the shipped catalogue's file, then 1, 2, ... for a centre's versions.</summary>
    public int Version { get; init; }

    public string VersionName => Version == 0 ? "as shipped" : $"version {Version}";

    public UnitSpec? FindUnit(string code) =>
        Units.FirstOrDefault(u => string.Equals(u.Code, code, StringComparison.OrdinalIgnoreCase));

    public UnitGroupSpec? GroupOf(string unitCode) =>
        Groups.FirstOrDefault(g => g.Units.Contains(unitCode, StringComparer.OrdinalIgnoreCase));
}

public sealed record UnitGroupSpec(string Id, string Title, bool Mandatory, IReadOnlyList<string> Units)
{
    /// <summary>"group D, Handling problems: C3-C8", the way a person names a group.</summary>
    public string Describe() =>
        Units.Count == 1
            ? $"group {Id}, {Title}: {Units[0]}"
            : $"group {Id}, {Title}: {Units[0]}-{Units[^1]}";
}

public sealed record RulesOfCombinationSpec(string Text, IReadOnlyList<ConstraintSpec> Constraints);

public sealed record ConstraintSpec(
    ConstraintKind Kind,
    IReadOnlyList<string> Groups,
    int Min,
    IReadOnlyList<int> Levels,
    string? Text);

public sealed record UnitSpec(
    string Code,
    string? AccreditationNumber,
    string Title,
    int? Level,
    int? Credits,
    int? GuidedLearningHours,
    string Source,
    string? NotAssessableReason,
    string? Aim,
    UnitPolicySpec? Policy,
    IReadOnlyList<LearningOutcomeSpec> LearningOutcomes,
    IReadOnlyList<EvidenceRequirementSpec> EvidenceRequirements,
    IReadOnlyList<AssignmentTaskSpec> Tasks,
    GradingSpec? Grading,
    SufficiencySpec? Sufficiency = null)
{
    /// <summary>A unit can be assessed only when the catalogue holds its criteria.</summary>
    public bool IsAssessable => LearningOutcomes.Count > 0;

    public IEnumerable<CriterionSpec> Criteria => LearningOutcomes.SelectMany(lo => lo.Criteria);

    public CriterionSpec? FindCriterion(string reference) =>
        Criteria.FirstOrDefault(c => string.Equals(c.Ref, reference, StringComparison.OrdinalIgnoreCase));

    public string DisplayName => $"{Code} {Title}";
}

public sealed record UnitPolicySpec(bool? SimulationAllowedForPerformance, IReadOnlyList<EvidenceContext> AllowedContexts, string? Text);

public sealed record LearningOutcomeSpec(string Ref, string Title, IReadOnlyList<CriterionSpec> Criteria);

/// <param name="MinInstances">Distinct accepted pieces of evidence needed: more than one for a criterion worded in the plural.</param>
/// <param name="CaseLog">The parts of a problem case log that show the criterion (catalogue names: spotted, options, agreed, ...).</param>
public sealed record CriterionSpec(string Ref, CriterionKind Kind, GradeBand? Grade, string Text, int MinInstances = 1, IReadOnlyList<string>? CaseLog = null);

/// <param name="ProblemTypes">Its items are the problem types a case log is tagged with (C3 requirement 4).</param>
public sealed record EvidenceRequirementSpec(string Ref, string Text, IReadOnlyList<EvidenceRequirementItemSpec> Items, bool ProblemTypes = false);

/// <param name="Occasion">When set, evidence tagged with this occasion covers the item (F2/A9: routine, busy, quiet, let down).</param>
public sealed record EvidenceRequirementItemSpec(string Ref, string Text, Portfolios.Occasions Occasion = Portfolios.Occasions.None);

/// <summary>"Over a sufficient period of time with different customers on different occasions", as minimums a person set.</summary>
public sealed record SufficiencySpec(string Text, int MinDistinctDates, int MinDistinctCustomers, int MinSpanDays);

public sealed record AssignmentTaskSpec(int Number, string Title, IReadOnlyList<string> LearningOutcomes, IReadOnlyList<string> Criteria, string? Evidence);

public sealed record GradingSpec(string Scheme, string Text);
