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

    /// <summary>When the enrolment was recorded in Attest (the registration date may be earlier).</summary>
    public DateTime CreatedAt { get; private init; }

    /// <summary>Who recorded it; null for records made by the system (demo data, tests).</summary>
    public Guid? CreatedBy { get; private init; }

    public IReadOnlyList<EnrolledUnit> Units => _units;

    /// <summary>
    /// Enrols a candidate, refusing: a registration recorded after the qualification's last registration date (the day it
    /// is recorded decides, not the date typed), a registration date after the day it is recorded, registration while an
    /// EQA's sanction suspends it, a selection of units that breaks the rules of combination, and a selection none of whose
    /// units can be assessed (the catalogue holds no criteria for them); with every reason, each under its field.
    /// </summary>
    /// <param name="registeredOn">The date of registration with the awarding body: today, or a past date for a registration made earlier.</param>
    /// <param name="recordedBy">Who records it (kept with the enrolment), or null for the system.</param>
    /// <param name="registrationHold">Why the centre may register nobody now (an EQA's sanction), or null.</param>
    public static Enrolment Create(
        Guid centreId, Guid candidateId, QualificationSpec qualification, IReadOnlyCollection<string> unitCodes, DateOnly registeredOn, DateTime now,
        Guid? recordedBy = null, string? registrationHold = null)
    {
        ArgumentNullException.ThrowIfNull(qualification);
        ArgumentNullException.ThrowIfNull(unitCodes);
        var errors = new List<(string Field, string Message)>();
        if (registrationHold is not null)
        {
            errors.Add(("Units", registrationHold));
        }

        var today = UkTime.DateOf(now);
        if (qualification.LastRegistrationDate is DateOnly last && today > last)
        {
            errors.Add(("Units", $"Registrations for {qualification.DisplayName} closed on {last:d MMMM yyyy} (its last registration date); no registration can be recorded after it."));
        }

        if (registeredOn > today)
        {
            errors.Add(("RegisteredOn", $"The registration date cannot be after today ({today:d MMMM yyyy}): record a registration once it is made."));
        }

        if (unitCodes.Count == 0)
        {
            errors.Add(("Units", "Choose at least one unit."));
        }

        var combination = RulesOfCombination.Check(qualification, unitCodes);
        errors.AddRange(combination.Findings.Select(f => ("Units", f.Message)));
        var chosen = unitCodes.Select(qualification.FindUnit).OfType<UnitSpec>().ToList();
        if (chosen.Count > 0 && chosen.All(u => !u.IsAssessable))
        {
            errors.Add(("Units", $"None of the units chosen can be assessed: the catalogue holds the title only of {string.Join(", ", chosen.Select(u => u.Code).Distinct())}, not their criteria, so nothing could be assessed or claimed."));
        }
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        var enrolment = new Enrolment
        {
            CentreId = centreId,
            CandidateId = candidateId,
            QualificationCode = qualification.Code,
            RegisteredOn = registeredOn,
            CreatedAt = now,
            CreatedBy = recordedBy,
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
