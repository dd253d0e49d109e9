using System.Linq.Expressions;
using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Core.Qualifications;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Progress;

/// <summary>A unit of one enrolment with its criteria, the evidence mapped to each, and the decisions: what the candidate and assessor pages show.</summary>
public sealed record UnitView(
    Enrolment Enrolment,
    string CandidateName,
    QualificationSpec Qualification,
    UnitStanding Standing,
    ILookup<string, MappedEvidence> Evidence,
    ILookup<string, CriterionDecision> Decisions)
{
    /// <summary>Loads the unit when <paramref name="access"/> admits the enrolment; null means 404.</summary>
    public static async Task<UnitView?> LoadAsync(
        AttestDbContext db, Core.Qualifications.Catalogue catalogue, Guid enrolmentId, string unitCode,
        Expression<Func<Enrolment, bool>> access, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(catalogue);
        var enrolment = await db.Enrolments.AsNoTracking().Include(e => e.Units)
            .Where(e => e.Id == enrolmentId).Where(access).SingleOrDefaultAsync(cancellationToken);
        var qualification = enrolment is null ? null : catalogue.Find(enrolment.QualificationCode);
        var unit = enrolment is not null && enrolment.HasUnit(unitCode) ? qualification?.FindUnit(unitCode) : null;
        if (enrolment is null || qualification is null || unit is null)
        {
            return null;
        }

        var candidateName = await db.Candidates.Where(c => c.Id == enrolment.CandidateId).Select(c => c.GivenName + " " + c.FamilyName).SingleAsync(cancellationToken);
        var decisions = await db.CriterionDecisions.AsNoTracking()
            .Where(d => d.EnrolmentId == enrolment.Id && d.UnitCode == unit.Code)
            .ToListAsync(cancellationToken);
        var evidence = await db.EvidenceMappings.AsNoTracking()
            .Where(m => m.EnrolmentId == enrolment.Id && m.UnitCode == unit.Code)
            .Join(db.EvidenceItems, m => m.EvidenceItemId, i => i.Id, (m, i) => new MappedEvidence(m.CriterionRef, i.Id, i.Reference, i.Title, m.Locator, m.Note))
            .ToListAsync(cancellationToken);
        return new UnitView(
            enrolment,
            candidateName,
            qualification,
            EnrolmentProgress.Standing(qualification, unit, decisions),
            evidence.OrderBy(e => e.Reference, StringComparer.Ordinal).ToLookup(e => e.CriterionRef, StringComparer.OrdinalIgnoreCase),
            decisions.OrderByDescending(d => d.DecidedAt).ToLookup(d => d.CriterionRef, StringComparer.OrdinalIgnoreCase));
    }
}

public sealed record MappedEvidence(string CriterionRef, Guid ItemId, string Reference, string Title, string? Locator, string? Note);

/// <summary>The criteria list of a unit; the assessor's copy carries the decision forms.</summary>
public sealed record CriteriaModel(UnitView View, bool RecordDecisions);
