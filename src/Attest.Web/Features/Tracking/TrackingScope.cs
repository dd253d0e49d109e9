using System.Security.Claims;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Tracking;

/// <summary>
/// The enrolments a user may follow on the tracking pages: the centre administrator and IQAs any of the centre, the assessor
/// their own candidates', the candidate their own. Anyone else none.
/// </summary>
public static class TrackingScope
{
    public static IQueryable<Enrolment> Visible(AttestDbContext db, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(user);
        var userId = user.UserId();
        var wholeCentre = user.IsInRole(Roles.CentreAdmin) || user.IsInRole(Roles.Iqa);
        var isAssessor = user.IsInRole(Roles.Assessor);
        var isCandidate = user.IsInRole(Roles.Candidate);
        return db.Enrolments.Where(e => wholeCentre || (isAssessor && e.AssessorId == userId) || (isCandidate && db.Candidates.Any(c => c.Id == e.CandidateId && c.UserId == userId)));
    }
}
