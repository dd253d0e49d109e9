using Attest.Core.Qualifications;

namespace Attest.Core.Portfolios;

/// <summary>A candidate registered on a qualification with a chosen set of units.</summary>
public sealed class Enrolment : Centres.ICentreOwned
{
    private readonly List<EnrolledUnit> _units = [];

    private Enrolment()
    {
    }

    public Guid Id { get; private init; } = Guid.CreateVersion7();

    public Guid CentreId { get; private init; }

    public Guid CandidateId { get; private init; }

    public string QualificationCode { get; private init; } = string.Empty;

    /// <summary>The date of registration with the awarding body.</summary>
    public DateOnly RegisteredOn { get; private init; }

    public Guid? AssessorId { get; private set; }

    /// <summary>When the candidate is planned to complete; the caseload's red, amber and green are against it.</summary>
    public DateOnly? PlannedEndDate { get; private set; }

    public DateTime CreatedAt { get; private init; }

    public IReadOnlyList<EnrolledUnit> Units => _units;

    /// <summary>
    /// Enrols a candidate, refusing a registration after the qualification's last registration date, while an EQA's
    /// sanction suspends registration, or a selection of units that breaks its rules of combination, with every reason.
    /// </summary>
    /// <param name="registrationHold">Why the centre may register nobody now (an EQA's sanction), or null.</param>
    public static Enrolment Create(
        Guid centreId, Guid candidateId, QualificationSpec qualification, IReadOnlyCollection<string> unitCodes, DateOnly registeredOn, DateTime now, string? registrationHold = null)
    {
        ArgumentNullException.ThrowIfNull(qualification);
        ArgumentNullException.ThrowIfNull(unitCodes);
        var reasons = new List<string>();
        if (registrationHold is not null)
        {
            reasons.Add(registrationHold);
        }

        if (qualification.LastRegistrationDate is DateOnly last && registeredOn > last)
        {
            reasons.Add($"Registrations for {qualification.DisplayName} closed on {last:d MMMM yyyy} (its last registration date); {registeredOn:d MMMM yyyy} is after it.");
        }

        if (unitCodes.Count == 0)
        {
            reasons.Add("Choose at least one unit.");
        }

        var combination = RulesOfCombination.Check(qualification, unitCodes);
        reasons.AddRange(combination.Findings.Select(f => f.Message));
        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons, "Units");
        }

        var enrolment = new Enrolment
        {
            CentreId = centreId,
            CandidateId = candidateId,
            QualificationCode = qualification.Code,
            RegisteredOn = registeredOn,
            CreatedAt = now,
        };
        enrolment._units.AddRange(combination.Units.Select(code => new EnrolledUnit { CentreId = centreId, EnrolmentId = enrolment.Id, UnitCode = code }));
        return enrolment;
    }

    public void AssignAssessor(Guid assessorId) => AssessorId = assessorId;

    public void PlanEnd(DateOnly? plannedEnd)
    {
        if (plannedEnd is DateOnly end && end <= RegisteredOn)
        {
            throw new DomainRuleException($"The planned end date must be after the registration date ({RegisteredOn:d MMMM yyyy})", "PlannedEndDate");
        }

        PlannedEndDate = plannedEnd;
    }

    public bool HasUnit(string unitCode) => _units.Any(u => string.Equals(u.UnitCode, unitCode, StringComparison.OrdinalIgnoreCase));
}

public sealed class EnrolledUnit : Centres.ICentreOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid CentreId { get; init; }

    public Guid EnrolmentId { get; init; }

    public required string UnitCode { get; init; }
}
