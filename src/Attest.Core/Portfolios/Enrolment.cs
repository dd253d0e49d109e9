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

    /// <summary>
    /// The centre's version of the qualification the learner is assessed against, or null for the shipped catalogue's: kept
    /// from enrolment, so a corrected specification changes nothing for them until they are moved (<see cref="MoveToVersion"/>).
    /// </summary>
    public Guid? SpecificationId { get; private set; }

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
    /// Changed, in the same transaction, by every save that touches what the learner's standing is worked out from (their
    /// decisions, sign-offs, mappings, evidence, this enrolment): a <see cref="Tracking.TrackedStanding"/> worked out from
    /// another stamp is out of date. See <c>AttestDbContext.StampProgressAsync</c>.
    /// </summary>
    public Guid ProgressStamp { get; private set; } = Guid.NewGuid();

    /// <summary>The day the learner withdrew, or null while they are enrolled; see <see cref="Withdraw"/>.</summary>
    public DateOnly? WithdrawnOn { get; private set; }

    /// <summary>The first day of the break in learning the learner is on now, or null.</summary>
    public DateOnly? OnBreakSince { get; private set; }

    /// <summary>The day the learner came back from their latest break; a new break cannot start before it.</summary>
    public DateOnly? LastResumedOn { get; private set; }

    /// <summary>Days spent on breaks in learning that have ended: the pace is measured without them.</summary>
    public int DaysOnBreak { get; private set; }

    /// <summary>The enrolment this one continues, when the learner was transferred from another qualification (see <see cref="TransferTo"/>).</summary>
    public Guid? TransferredFromEnrolmentId { get; private set; }

    /// <summary>Whether the learner left this enrolment by a transfer to another qualification, on <see cref="WithdrawnOn"/>.</summary>
    public bool TransferredOut { get; private set; }

    /// <summary>"Withdrawn on 3 March 2026", "Transferred to another qualification on ...", "On a break in learning since ...", or "Enrolled".</summary>
    public string Status => WithdrawnOn is DateOnly left ? (TransferredOut ? $"Transferred to another qualification on {left:d MMMM yyyy}" : $"Withdrawn on {left:d MMMM yyyy}")
        : OnBreakSince is DateOnly since ? $"On a break in learning since {since:d MMMM yyyy}"
        : "Enrolled";

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
            SpecificationId = qualification.SpecificationId,
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

    /// <summary>
    /// The learner leaves the qualification: from then on nothing is claimed for them (issue 14). A break in progress ends
    /// on the day they leave. The date may be past (the learner stopped coming last week), never after today nor before
    /// registration; the reason is required.
    /// </summary>
    public EnrolmentStatusChange Withdraw(DateOnly? on, string? reason, Guid by, string byName, DateTime now)
    {
        var day = Check(EnrolmentAct.Withdrawn, on, reason, UkTime.DateOf(now), Earliest());
        EndOn(day);
        return EnrolmentStatusChange.Record(this, EnrolmentAct.Withdrawn, day, reason!.Trim(), null, by, byName, now);
    }

    /// <summary>
    /// The learner moves to another qualification (issue 14): this enrolment ends on the day, as a withdrawal does (nothing
    /// more is claimed on it, and its evidence, decisions and sign-offs stay as they were), and a new enrolment on
    /// <paramref name="to"/> starts that day with the same assessor, linked to this one. The new enrolment meets every rule of
    /// enrolling (rules of combination, the registration window, a sanction's hold); the day meets the rules of a withdrawal.
    /// </summary>
    public (Enrolment Next, EnrolmentStatusChange Change) TransferTo(
        QualificationSpec to, IReadOnlyCollection<string> unitCodes, DateOnly? on, string? reason, Guid by, string byName, DateTime now, string? registrationHold = null)
    {
        ArgumentNullException.ThrowIfNull(to);
        var reasons = new List<(string Field, string Message)>();
        if (string.Equals(to.Code, QualificationCode, StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add(("QualificationCode", $"The learner is already on {to.DisplayName}: choose another qualification to transfer to"));
        }

        var day = default(DateOnly);
        Enrolment? next = null;
        try
        {
            day = Check(EnrolmentAct.Transferred, on, reason, UkTime.DateOf(now), Earliest());
        }
        catch (DomainRuleException e)
        {
            reasons.AddRange(e.FieldReasons ?? e.Reasons.Select(r => (Field: string.Empty, Message: r)));
        }

        try
        {
            next = Create(CentreId, CandidateId, to, unitCodes, on ?? UkTime.DateOf(now), now, by, registrationHold);
        }
        catch (DomainRuleException e)
        {
            reasons.AddRange((e.FieldReasons ?? e.Reasons.Select(r => (Field: "Units", Message: r))).Where(r => r.Field != "RegisteredOn"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        next!.TransferredFromEnrolmentId = Id;
        next.AssessorId = AssessorId;
        next.PlannedEndDate = PlannedEndDate > day ? PlannedEndDate : null;
        EndOn(day);
        TransferredOut = true;
        return (next, EnrolmentStatusChange.Record(this, EnrolmentAct.Transferred, day, reason!.Trim(), null, by, byName, now));
    }

    /// <summary>
    /// Moves the learner to a newer version of their qualification's specification (issue 16): recorded with what it changes
    /// for their units, signed by the administrator. Every decision, sign-off and mapping stays as it was; from now on the
    /// engines read the new version's criteria. Refused when the new version lacks one of their units or their units no
    /// longer meet its rules of combination.
    /// </summary>
    public EnrolmentStatusChange MoveToVersion(QualificationSpec from, QualificationSpec to, string? reason, Guid by, string byName, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var reasons = new List<(string Field, string Message)>();
        if (WithdrawnOn is DateOnly left)
        {
            reasons.Add((string.Empty, $"The learner left this enrolment on {left:d MMMM yyyy}: it stays on the version it ended on."));
        }

        if (!string.Equals(to.Code, QualificationCode, StringComparison.OrdinalIgnoreCase) || from.SpecificationId != SpecificationId)
        {
            reasons.Add(("Version", $"Choose a version of {from.DisplayName}."));
        }
        else if (to.Version <= from.Version)
        {
            reasons.Add(("Version", $"The learner is on {from.VersionName}: they can move only to a later version."));
        }

        var units = _units.Select(u => u.UnitCode).ToList();
        var missing = units.Where(u => to.FindUnit(u) is null).ToList();
        if (missing.Count > 0)
        {
            reasons.Add(("Version", $"{to.VersionName} has no unit {string.Join(", ", missing)}, which the learner is enrolled on: add the unit to that version first."));
        }
        else
        {
            reasons.AddRange(RulesOfCombination.Check(to, units).Findings.Select(f => ("Version", $"Under {to.VersionName}: {f.Message}")));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            reasons.Add(("Reason", "Say why the learner moves, for example \"criterion 1.2's wording corrected by the awarding body\""));
        }
        else if (reason.Trim().Length > EnrolmentStatusChange.MaxReasonLength)
        {
            reasons.Add(("Reason", $"The reason must be {EnrolmentStatusChange.MaxReasonLength} characters or fewer"));
        }

        if (reasons.Count > 0)
        {
            throw new DomainRuleException(reasons);
        }

        var changes = SpecificationChanges.Between(from, to).For(units).Describe();
        SpecificationId = to.SpecificationId;
        return EnrolmentStatusChange.Record(this, EnrolmentAct.SpecificationMoved, UkTime.DateOf(now), reason!.Trim(), null, by, byName, now,
            $"from {from.VersionName} to {to.VersionName}" + string.Concat(changes.Select(c => "\n" + c)));
    }

    /// <summary>The learner pauses their learning (illness, caring, a job change): their pace and forecast stop counting until they resume.</summary>
    public EnrolmentStatusChange StartBreak(DateOnly? on, string? reason, Guid by, string byName, DateTime now)
    {
        var day = Check(EnrolmentAct.BreakStarted, on, reason, UkTime.DateOf(now), Earliest());
        OnBreakSince = day;
        return EnrolmentStatusChange.Record(this, EnrolmentAct.BreakStarted, day, reason!.Trim(), null, by, byName, now);
    }

    /// <summary>The learner comes back: the break's days are kept out of their pace, and the planned end moves on by the break's length.</summary>
    public EnrolmentStatusChange Resume(DateOnly? on, string? reason, Guid by, string byName, DateTime now)
    {
        var day = Check(EnrolmentAct.Resumed, on, reason, UkTime.DateOf(now), Earliest());
        var length = day.DayNumber - OnBreakSince!.Value.DayNumber;
        DaysOnBreak += length;
        OnBreakSince = null;
        LastResumedOn = day;
        var movedEnd = PlannedEndDate?.AddDays(length);
        PlannedEndDate = movedEnd;
        return EnrolmentStatusChange.Record(this, EnrolmentAct.Resumed, day, reason!.Trim(), movedEnd, by, byName, now);
    }

    /// <summary>The learner leaves on <paramref name="day"/>: a break in progress ends then.</summary>
    private void EndOn(DateOnly day)
    {
        if (OnBreakSince is DateOnly since)
        {
            DaysOnBreak += day.DayNumber - since.DayNumber;
            OnBreakSince = null;
        }

        WithdrawnOn = day;
    }

    /// <summary>The first day a new act can take effect: not before the registration, the break in progress or the last return.</summary>
    private (DateOnly Day, string What) Earliest() =>
        OnBreakSince is DateOnly since ? (since, "the start of the break")
        : LastResumedOn is DateOnly back ? (back, "the return from the last break")
        : (RegisteredOn, "the registration date");

    private DateOnly Check(EnrolmentAct act, DateOnly? on, string? reason, DateOnly today, (DateOnly Day, string What) earliest)
    {
        var reasons = new List<(string Field, string Message)>();
        if (WithdrawnOn is DateOnly left)
        {
            reasons.Add((string.Empty, $"The learner withdrew on {left:d MMMM yyyy}: nothing more can be recorded on this enrolment."));
        }
        else if (act == EnrolmentAct.BreakStarted && OnBreakSince is DateOnly since)
        {
            reasons.Add((string.Empty, $"The learner is already on a break in learning, since {since:d MMMM yyyy}."));
        }
        else if (act == EnrolmentAct.Resumed && OnBreakSince is null)
        {
            reasons.Add((string.Empty, "The learner is not on a break in learning: there is nothing to resume from."));
        }

        var label = act switch { EnrolmentAct.Withdrawn => "withdrawal", EnrolmentAct.Transferred => "transfer", EnrolmentAct.BreakStarted => "break", _ => "return" };
        if (on is not DateOnly day)
        {
            reasons.Add(("On", $"Enter the date of the {label}"));
        }
        else if (day > today)
        {
            reasons.Add(("On", $"The date of the {label} cannot be after today ({today:d MMMM yyyy}): record it once it has happened"));
        }
        else if (day < earliest.Day)
        {
            reasons.Add(("On", $"The date of the {label} cannot be before {earliest.Day:d MMMM yyyy}, {earliest.What}"));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            reasons.Add(("Reason", act == EnrolmentAct.Resumed ? "Say how the return was agreed, for example \"Back after surgery, review held 3 March\"" : $"Say why: the reason for the {label} is kept with it"));
        }
        else if (reason.Trim().Length > EnrolmentStatusChange.MaxReasonLength)
        {
            reasons.Add(("Reason", $"The reason must be {EnrolmentStatusChange.MaxReasonLength} characters or fewer"));
        }

        return reasons.Count > 0 ? throw new DomainRuleException(reasons) : on!.Value;
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
