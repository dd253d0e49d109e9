using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Progress;

/// <summary>One enrolled unit's standing: criteria met for competence units, the grade for graded units.</summary>
public sealed record UnitStanding(UnitSpec Unit, UnitProgress Progress, GradeResult? Grade, UnitSignOff? SignOff = null)
{
    public bool IsSignedOff => SignOff?.Outcome == UnitOutcome.Competent;

    public string Summary => (Grade is not null && Unit.IsAssessable
        ? $"{Progress.Met} of {Progress.Total} criteria met · {Grade.Grade}"
        : Progress.Summary) + SignOff?.Outcome switch
        {
            UnitOutcome.Competent => $" · signed off {SignOff.SignedAt:d MMM yyyy}",
            UnitOutcome.NotYetCompetent => " · not yet competent",
            _ => string.Empty,
        };
}

/// <summary>An enrolment with the standing of each of its units.</summary>
/// <param name="MetOn">For each criterion met now, the day of its latest decision: the candidate's pace.</param>
/// <param name="Decisions">Every decision on the enrolment's units, superseded ones too.</param>
public sealed record EnrolmentStanding(Enrolment Enrolment, QualificationSpec Qualification, IReadOnlyList<UnitStanding> Units, IReadOnlyList<DateOnly> MetOn, IReadOnlyList<CriterionDecision> Decisions)
{
    /// <summary>The candidate's pace over the assessable units, against the planned end date.</summary>
    public PaceForecast Forecast(DateOnly today) =>
        Pace.Forecast(Enrolment.RegisteredOn, Enrolment.PlannedEndDate, MetOn, Units.Where(u => u.Unit.IsAssessable).Sum(u => u.Progress.Total), today,
            Units.Count(u => !u.Unit.IsAssessable), Enrolment.DaysOnBreak, Enrolment.OnBreakSince, Enrolment.WithdrawnOn);
}

/// <summary>Reads decisions in one query and runs the engines: shared by the candidate and assessor pages.</summary>
public static class EnrolmentProgress
{
    /// <summary>
    /// Standings of every unit of each enrolment whose qualification is in the catalogue, with the decisions
    /// of all of them read in one query.
    /// </summary>
    public static async Task<IReadOnlyList<EnrolmentStanding>> ForEnrolmentsAsync(AttestDbContext db, Core.Qualifications.Catalogue catalogue, IReadOnlyList<Enrolment> enrolments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(enrolments);
        var ids = enrolments.Select(e => e.Id).ToList();
        var decisions = (await db.CriterionDecisions.AsNoTracking().Where(d => ids.Contains(d.EnrolmentId)).ToListAsync(cancellationToken))
            .ToLookup(d => (d.EnrolmentId, d.UnitCode));
        var signOffs = (await db.UnitSignOffs.AsNoTracking().Where(s => ids.Contains(s.EnrolmentId)).ToListAsync(cancellationToken))
            .ToLookup(s => (s.EnrolmentId, s.UnitCode));
        var acceptances = (await db.EvidenceAcceptances.AsNoTracking().Where(a => ids.Contains(a.EnrolmentId)).ToListAsync(cancellationToken))
            .ToLookup(a => (a.EnrolmentId, a.UnitCode));
        var withdrawals = (await db.MappingWithdrawals.AsNoTracking().Where(w => ids.Contains(w.EnrolmentId)).ToListAsync(cancellationToken))
            .ToLookup(w => (w.EnrolmentId, w.UnitCode));
        var itemIds = acceptances.SelectMany(g => g).Select(a => a.EvidenceItemId).Distinct().ToList();
        var items = await db.EvidenceItems.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return enrolments
            .Select(e => (Enrolment: e, Qualification: catalogue.Of(e)))
            .Where(x => x.Qualification is not null)
            .Select(x =>
            {
                var units = x.Enrolment.Units
                    .Select(u => x.Qualification!.FindUnit(u.UnitCode))
                    .OfType<UnitSpec>()
                    .Select(unit => Standing(x.Qualification!, unit, decisions[(x.Enrolment.Id, unit.Code)], signOffs[(x.Enrolment.Id, unit.Code)],
                        CurrentEvidence.For(acceptances[(x.Enrolment.Id, unit.Code)], items, withdrawals[(x.Enrolment.Id, unit.Code)])))
                    .ToList();
                var all = x.Enrolment.Units.SelectMany(u => decisions[(x.Enrolment.Id, u.UnitCode)]).ToList();
                var latest = CriterionDecision.LatestDecisions(all);
                var metOn = units.SelectMany(u => u.Progress.Criteria.Where(c => c.Status == CriterionStatus.Met).Select(c => latest[(u.Unit.Code.ToUpperInvariant(), c.Criterion.Ref.ToUpperInvariant())]))
                    .Select(d => DateOnly.FromDateTime(d.DecidedAt)).ToList();
                return new EnrolmentStanding(x.Enrolment, x.Qualification!, units, metOn, all);
            })
            .ToList();
    }

    /// <param name="accepted">The evidence currently accepted for the unit (<see cref="CurrentEvidence"/>): a criterion counts as met only where sign-off would accept it.</param>
    public static UnitStanding Standing(QualificationSpec qualification, UnitSpec unit, IEnumerable<CriterionDecision> decisions, IEnumerable<UnitSignOff> signOffs, IReadOnlyList<AcceptedEvidence> accepted)
    {
        ArgumentNullException.ThrowIfNull(qualification);
        var latest = CriterionDecision.Latest(decisions);
        var progress = Sufficiency.Progress(unit, latest, qualification.Assessment == AssessmentKind.Competence ? accepted : null);
        var grade = qualification.Assessment == AssessmentKind.Graded
            ? GradedUnitResult.Grade(unit, latest.Where(d => d.Value == CriterionStatus.Met).Select(d => d.Key))
            : null;
        return new UnitStanding(unit, progress, grade, UnitSignOff.Current(signOffs));
    }
}
