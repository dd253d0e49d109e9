using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Progress;

/// <summary>One enrolled unit's standing: criteria met for competence units, the grade for graded units.</summary>
public sealed record UnitStanding(UnitSpec Unit, UnitProgress Progress, GradeResult? Grade)
{
    public string Summary => Grade is not null && Unit.IsAssessable
        ? $"{Progress.Met} of {Progress.Total} criteria met · {Grade.Grade}"
        : Progress.Summary;
}

/// <summary>Reads decisions once per enrolment and runs the engines: shared by the candidate, assessor and admin pages.</summary>
public static class EnrolmentProgress
{
    public static async Task<IReadOnlyList<UnitStanding>> ForEnrolmentAsync(AttestDbContext db, QualificationSpec qualification, Enrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(enrolment);
        var decisions = await db.CriterionDecisions.AsNoTracking().Where(d => d.EnrolmentId == enrolment.Id).ToListAsync(cancellationToken);
        return enrolment.Units
            .Select(u => qualification.FindUnit(u.UnitCode))
            .OfType<UnitSpec>()
            .Select(unit => Standing(qualification, unit, decisions.Where(d => d.UnitCode == unit.Code)))
            .ToList();
    }

    public static UnitStanding Standing(QualificationSpec qualification, UnitSpec unit, IEnumerable<CriterionDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(qualification);
        var latest = CriterionDecision.Latest(decisions);
        var progress = CompetenceProgress.Evaluate(unit, latest);
        var grade = qualification.Assessment == AssessmentKind.Graded
            ? GradedUnitResult.Grade(unit, latest.Where(d => d.Value == CriterionStatus.Met).Select(d => d.Key))
            : null;
        return new UnitStanding(unit, progress, grade);
    }
}
