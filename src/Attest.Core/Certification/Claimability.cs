using Attest.Core.Assessment;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;

namespace Attest.Core.Certification;

/// <summary>The sign-off that stands for a unit (outcome Competent), and whether the candidate has countersigned it.</summary>
public sealed record UnitAchievement(Guid SignOffId, DateTime SignedAt, string? Grade, bool Countersigned)
{
    public DateOnly AchievedOn => DateOnly.FromDateTime(SignedAt);

    /// <summary>The achievement of a unit from its sign-off entries (the latest decides), or null when none stands.</summary>
    public static UnitAchievement? From(IEnumerable<UnitSignOff> signOffs, Func<UnitSignOff, bool> countersigned)
    {
        ArgumentNullException.ThrowIfNull(countersigned);
        return UnitSignOff.Current(signOffs) is { Outcome: UnitOutcome.Competent } s ? new UnitAchievement(s.Id, s.SignedAt, s.Grade, countersigned(s)) : null;
    }
}

/// <summary>The candidate and enrolment a claim is for, as the awarding body will read them.</summary>
public sealed record ClaimSubject(
    Guid CentreId, Guid EnrolmentId, Guid CandidateId, string CandidateName, string Uln, string? CandidateNumber, DateOnly RegisteredOn, IReadOnlyList<string> Units,
    DateOnly? WithdrawnOn = null)
{
    public static ClaimSubject From(Enrolment enrolment, Centres.Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(candidate);
        return new(enrolment.CentreId, enrolment.Id, candidate.Id, candidate.FullName, candidate.Uln, candidate.AwardingBodyCandidateNumber, enrolment.RegisteredOn,
            [.. enrolment.Units.Select(u => u.UnitCode)], enrolment.WithdrawnOn);
    }
}

/// <summary>What is known of one enrolled unit when a claim is considered.</summary>
/// <param name="QualityHolds">Why quality assurance holds the unit back (an open IQA disagreement, a summative sample still to do); empty when nothing does.</param>
public sealed record UnitRecord(string UnitCode, UnitAchievement? Achievement, IReadOnlyList<string> QualityHolds);

/// <summary>One unit's standing for certification: achieved when, and every reason it cannot be claimed yet.</summary>
public sealed record UnitClaimability(UnitSpec Unit, UnitAchievement? Achievement, IReadOnlyList<string> Reasons, bool UnitCertificateClaimed)
{

    /// <summary>Achieved, countersigned and cleared by quality assurance.</summary>
    public bool Certifiable => Reasons.Count == 0;
}

/// <summary>
/// What a centre may claim for one enrolment today (the server's date: no date a user types moves a deadline): each unit (a unit certificate) and the whole qualification,
/// with every reason for what it may not. Product.md: claims go to the awarding body only for achievement that stands;
/// seed 003: claims are refused after the qualification's last certification date; and none while an EQA's sanction
/// suspends certification at the centre (<see cref="Quality.EqaSanctions"/>), nor for a learner with only the temporary ULN or who has withdrawn.
/// </summary>
/// <param name="Closed">Why nothing can be claimed for this enrolment today (claims closed, a sanction, a temporary ULN, a withdrawal), or null.</param>
public sealed record Claimability(
    QualificationSpec Qualification,
    ClaimSubject Subject,
    DateOnly ClaimDate,
    string? Closed,
    IReadOnlyList<UnitClaimability> Units,
    IReadOnlyList<string> QualificationReasons,
    bool QualificationClaimed)
{
    public IEnumerable<UnitClaimability> ClaimableUnits => Closed is null ? Units.Where(u => u.Certifiable && !u.UnitCertificateClaimed) : [];

    public bool QualificationClaimable => Closed is null && !QualificationClaimed && QualificationReasons.Count == 0;

    public static Claimability Evaluate(
        QualificationSpec qualification, ClaimSubject subject, IReadOnlyCollection<UnitRecord> records, IReadOnlyCollection<ClaimLine> claimed, DateOnly claimDate,
        string? certificationHold = null)
    {
        ArgumentNullException.ThrowIfNull(qualification);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(claimed);
        var closed = string.Join(" ", new[]
        {
            qualification.LastCertificationDate is DateOnly last && claimDate > last
                ? $"Claims for {qualification.DisplayName} closed on {last:d MMMM yyyy} (its last certification date); {claimDate:d MMMM yyyy} is after it."
                : null,
            certificationHold,
            subject.WithdrawnOn is DateOnly left ? $"{subject.CandidateName} withdrew on {left:d MMMM yyyy}: nothing is claimed for a learner who has withdrawn." : null,
            subject.Uln == Centres.Uln.Temporary
                ? $"{subject.CandidateName} has the temporary ULN {Centres.Uln.Temporary}: record the learner's own ULN before claiming, since the awarding body certificates against it."
                : null,
        }.OfType<string>()) is { Length: > 0 } reason ? reason : null;

        var units = new List<UnitClaimability>();
        foreach (var code in subject.Units)
        {
            var unit = qualification.FindUnit(code);
            if (unit is null)
            {
                continue;
            }

            var record = records.FirstOrDefault(r => string.Equals(r.UnitCode, unit.Code, StringComparison.OrdinalIgnoreCase));
            var achievement = record?.Achievement;
            var reasons = new List<string>();
            if (!unit.IsAssessable)
            {
                reasons.Add($"Unit {unit.Code} cannot be assessed: the catalogue holds no criteria for it, so it cannot be achieved or claimed.");
            }
            else if (achievement is null)
            {
                reasons.Add($"Unit {unit.Code} is not achieved: it has no sign-off that stands.");
            }
            else
            {
                if (!achievement.Countersigned)
                {
                    reasons.Add($"Unit {unit.Code} waits for the candidate to countersign its sign-off of {achievement.SignedAt:d MMMM yyyy}.");
                }

                if (achievement.AchievedOn > claimDate)
                {
                    reasons.Add($"Unit {unit.Code} was signed off on {achievement.SignedAt:d MMMM yyyy}, after the claim date.");
                }

                reasons.AddRange(record!.QualityHolds);
            }

            var unitClaimed = claimed.Any(l => l.Scope == ClaimScope.Unit && string.Equals(l.UnitCode, unit.Code, StringComparison.OrdinalIgnoreCase));
            units.Add(new UnitClaimability(unit, achievement, reasons, unitClaimed));
        }

        var qualificationReasons = new List<string>();
        var certifiable = units.Where(u => u.Certifiable).Select(u => u.Unit.Code).ToList();
        var combination = RulesOfCombination.Check(qualification, certifiable);
        if (certifiable.Count == 0)
        {
            qualificationReasons.Add("No unit is achieved and cleared for certification yet.");
        }
        else if (!combination.IsValid)
        {
            qualificationReasons.Add($"The units achieved and cleared for certification ({(certifiable.Count == 0 ? "none" : string.Join(", ", certifiable))}) do not yet meet the rules of combination:");
            qualificationReasons.AddRange(combination.Findings.Select(f => f.Message));
        }

        var qualificationClaimed = claimed.Any(l => l.Scope == ClaimScope.Qualification);
        return new Claimability(qualification, subject, claimDate, closed, units, qualificationReasons, qualificationClaimed);
    }
}
