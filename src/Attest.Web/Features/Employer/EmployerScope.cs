using Attest.Core.Data;
using Attest.Core.Portfolios;

namespace Attest.Web.Features.Employer;

/// <summary>What a line manager may see: the enrolments that are apprenticeships with the employer their account is a contact of, and nothing else.</summary>
public static class EmployerScope
{
    public static IQueryable<Enrolment> ApprenticesOf(AttestDbContext db, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Enrolments.Where(e => db.Apprenticeships.Any(a => a.EnrolmentId == e.Id && db.EmployerContacts.Any(c => c.UserId == userId && c.EmployerId == a.EmployerId)));
    }
}
