using System.Security.Claims;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Planning;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Planning;

/// <summary>A plan's latest version with its signatures: agreed when the assessor and the candidate have both signed it.</summary>
public sealed record PlanStanding(AssessmentPlan Latest, IReadOnlyList<AssessmentPlan> Versions, SignatureStatus Signatures)
{
    public LedgerEntry? SignedBy(string role) => Signatures.Entries.FirstOrDefault(e => e.SignerRole == role);

    public bool IsAgreed => SignedBy(Roles.Assessor) is not null && SignedBy(Roles.Candidate) is not null && Signatures.State == SignatureState.AsSigned;

    public string Status(DateOnly today) =>
        Signatures.State == SignatureState.ChangedAfterSigning ? "Changed after signing"
        : !IsAgreed ? (SignedBy(Roles.Candidate) is null ? "Awaiting the candidate's agreement" : "Awaiting the assessor's signature")
        : Latest.Completed ? "Completed"
        : Latest.IsOverdue(today) ? $"Review overdue since {Latest.NextReviewOn:d MMMM yyyy}"
        : $"Agreed; next review {Latest.NextReviewOn:d MMMM yyyy}";
}

/// <summary>An enrolment's planning as the signed-in user may see it: the candidate, the assigned assessor (who writes) or an IQA (who reads).</summary>
public sealed record PlanningContext(Enrolment Enrolment, string CandidateName, bool IsAssessor, bool IsCandidate, IReadOnlyList<PlanStanding> Plans)
{
    public PlanStanding? Plan(int number) => Plans.FirstOrDefault(p => p.Latest.PlanNumber == number);

    public static async Task<PlanningContext?> LoadAsync(AttestDbContext db, ClaimsPrincipal user, Guid enrolmentId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        var isIqa = user.IsInRole(Roles.Iqa);
        var isAssessor = user.IsInRole(Roles.Assessor);
        var isCandidate = user.IsInRole(Roles.Candidate);
        var found = await db.Enrolments.AsNoTracking().Include(e => e.Units)
            .Where(e => e.Id == enrolmentId)
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { Enrolment = e, c.UserId, Name = c.GivenName + " " + c.FamilyName })
            .Where(x => isIqa || (isAssessor && x.Enrolment.AssessorId == userId) || (isCandidate && x.UserId == userId))
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        var versions = await db.AssessmentPlans.AsNoTracking().Where(p => p.EnrolmentId == enrolmentId).ToListAsync(cancellationToken);
        var latest = AssessmentPlan.Latest(versions);
        var signatures = await LedgerVerifier.StatesAsync(db, latest, cancellationToken);
        var plans = latest
            .Select(l => new PlanStanding(l, [.. versions.Where(v => v.PlanNumber == l.PlanNumber).OrderByDescending(v => v.Version)], signatures[l.Id]))
            .OrderBy(p => p.Latest.PlanKind == PlanKind.LearningContract ? 0 : 1).ThenBy(p => p.Latest.PlanNumber)
            .ToList();
        return new PlanningContext(found.Enrolment, found.Name, isAssessor && found.Enrolment.AssessorId == userId, isCandidate && found.UserId == userId, plans);
    }
}

/// <summary>Plans that need attention across enrolments: reviews overdue, versions not yet agreed. For the caseload and the centre.</summary>
public static class PlanningOverview
{
    public sealed record Attention(Guid EnrolmentId, PlanStanding Plan, bool Overdue, bool AwaitingAgreement);

    /// <summary>Every plan with no version yet, overdue, or awaiting agreement, for the given enrolments (null: all of the centre).</summary>
    public static async Task<IReadOnlyList<Attention>> NeedingAttentionAsync(AttestDbContext db, IReadOnlyCollection<Guid>? enrolmentIds, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var versions = await db.AssessmentPlans.AsNoTracking()
            .Where(p => enrolmentIds == null || enrolmentIds.Contains(p.EnrolmentId))
            .ToListAsync(cancellationToken);
        var latest = AssessmentPlan.Latest(versions);
        var signatures = await LedgerVerifier.StatesAsync(db, latest, cancellationToken);
        return [.. latest
            .Select(l => new PlanStanding(l, [l], signatures[l.Id]))
            .Select(p => new Attention(p.Latest.EnrolmentId, p, p.Latest.IsOverdue(today), !p.IsAgreed))
            .Where(a => a.Overdue || a.AwaitingAgreement)
            .OrderByDescending(a => a.Overdue).ThenBy(a => a.Plan.Latest.NextReviewOn)];
    }
}
