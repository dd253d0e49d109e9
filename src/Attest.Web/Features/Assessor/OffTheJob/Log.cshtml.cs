using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.OffTheJob;
using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Assessor.OffTheJob;

/// <summary>The off-the-job log of an apprentice on the assessor's caseload, to verify; anyone else's is 404.</summary>
public sealed class LogModel(AttestDbContext db, OffTheJobRules rules, TimeProvider clock) : VerifyPageModel(db, rules, clock)
{
    protected override string Role => Roles.Assessor;

    public override string BackPath => $"/Tracking/Enrolments/{EnrolmentId}";

    protected override IQueryable<Enrolment> Scope(AttestDbContext db)
    {
        var userId = User.UserId();
        return db.Enrolments.Where(e => e.AssessorId == userId);
    }
}
