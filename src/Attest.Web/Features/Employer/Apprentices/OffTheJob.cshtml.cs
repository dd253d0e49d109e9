using Attest.Core.Apprenticeships;
using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Portfolios;
using Attest.Web.Features.OffTheJob;
using Attest.Web.Infrastructure;

namespace Attest.Web.Features.Employer.Apprentices;

/// <summary>The off-the-job log of one of the line manager's own apprentices, to verify; another employer's apprentice is 404.</summary>
public sealed class OffTheJobModel(AttestDbContext db, OffTheJobRules rules, TimeProvider clock) : VerifyPageModel(db, rules, clock)
{
    protected override string Role => Roles.Employer;

    public override string BackPath => $"/Employer/Apprentices/{EnrolmentId}";

    protected override IQueryable<Enrolment> Scope(AttestDbContext db) => EmployerScope.ApprenticesOf(db, User.UserId());
}
