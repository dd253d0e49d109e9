using System.Security.Claims;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Evidence;

/// <summary>
/// Who may see a candidate's evidence, in one place for every page, download and export: the candidate
/// who owns it, an assessor assigned to one of that candidate's enrolments, an IQA of the centre, or an EQA
/// whose visit samples the candidate's portfolio while the visit's window is open. The centre itself is already
/// fixed by the query filter; a miss is a 404.
/// </summary>
public static class EvidenceAccess
{
    public static IQueryable<EvidenceItem> VisibleItems(this AttestDbContext db, ClaimsPrincipal user, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var candidates = db.VisibleCandidates(user, now);
        return db.EvidenceItems.Where(i => candidates.Any(c => c.Id == i.CandidateId));
    }

    /// <summary>The candidate record of the signed-in user, or null for staff.</summary>
    public static Task<Core.Centres.Candidate?> SignedInCandidateAsync(this AttestDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SignedInCandidate(user).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The signed-in candidate's own items: what they may change, map and declare.</summary>
    public static IQueryable<EvidenceItem> OwnItems(this AttestDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SignedInCandidate(user).SelectMany(c => db.EvidenceItems.Where(i => i.CandidateId == c.Id));
    }

    /// <summary>The signed-in candidate's own enrolments.</summary>
    public static IQueryable<Enrolment> OwnEnrolments(this AttestDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.SignedInCandidate(user).SelectMany(c => db.Enrolments.Where(e => e.CandidateId == c.Id));
    }

    // Starts from the candidate (one lookup on the unique UserId index) and joins its rows by CandidateId. Filtering the
    // rows with a correlated EXISTS on the candidate instead, SQLite walks every row of the centre (CentreId index).
    private static IQueryable<Core.Centres.Candidate> SignedInCandidate(this AttestDbContext db, ClaimsPrincipal user)
    {
        var userId = user.UserId();
        return db.Candidates.Where(c => c.UserId == userId);
    }

    public static IQueryable<Core.Centres.Candidate> VisibleCandidates(this AttestDbContext db, ClaimsPrincipal user, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        var isIqa = user.IsInRole(Roles.Iqa);
        var isAssessor = user.IsInRole(Roles.Assessor);
        var isCandidate = user.IsInRole(Roles.Candidate);
        var candidates = db.Candidates.Where(c => isIqa
            || (isCandidate && c.UserId == userId)
            || (isAssessor && db.Enrolments.Any(e => e.CandidateId == c.Id && e.AssessorId == userId)));
        if (!user.IsInRole(Roles.Eqa))
        {
            return candidates;
        }

        var sampled = db.EqaSampledEnrolments(user, now);
        return candidates.Union(db.Candidates.Where(c => db.Enrolments.Any(e => e.CandidateId == c.Id && sampled.Contains(e.Id))));
    }

    /// <summary>The portfolios (enrolments) a user may open: of a visible candidate, and for an EQA only those sampled.</summary>
    public static IQueryable<Enrolment> VisibleEnrolments(this AttestDbContext db, ClaimsPrincipal user, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var candidates = db.VisibleCandidates(user, now);
        var enrolments = db.Enrolments.Where(e => candidates.Any(c => c.Id == e.CandidateId));
        var isEqaOnly = user.IsInRole(Roles.Eqa) && !user.IsInRole(Roles.Iqa) && !user.IsInRole(Roles.Assessor) && !user.IsInRole(Roles.Candidate);
        if (!isEqaOnly)
        {
            return enrolments;
        }

        var sampled = db.EqaSampledEnrolments(user, now);
        return enrolments.Where(e => sampled.Contains(e.Id));
    }

    /// <summary>The enrolments sampled by the EQA's visits whose window is open now.</summary>
    private static IQueryable<Guid> EqaSampledEnrolments(this AttestDbContext db, ClaimsPrincipal user, DateTime now)
    {
        var userId = user.UserId();
        return db.EqaVisitSamples
            .Where(s => db.EqaVisits.Any(v => v.Id == s.VisitId && v.EqaId == userId && v.WindowStart <= now && v.WindowEnd > now))
            .Select(s => s.EnrolmentId);
    }
}
