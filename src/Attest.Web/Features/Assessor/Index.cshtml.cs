using Attest.Core.Data;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Assessor;

/// <summary>The candidates assigned to this assessor, and only those.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue) : PageModel
{
    public sealed record Row(Guid EnrolmentId, string CandidateName, string Qualification, IReadOnlyList<UnitStanding> Units);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Units)
            .Where(e => e.AssessorId == userId)
            .Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { Enrolment = e, c.GivenName, c.FamilyName })
            .OrderBy(x => x.FamilyName).ThenBy(x => x.GivenName)
            .ToListAsync(cancellationToken);
        var rows = new List<Row>();
        foreach (var x in enrolments)
        {
            var qualification = catalogue.Find(x.Enrolment.QualificationCode);
            if (qualification is not null)
            {
                rows.Add(new Row(x.Enrolment.Id, x.GivenName + " " + x.FamilyName, qualification.DisplayName,
                    await EnrolmentProgress.ForEnrolmentAsync(db, qualification, x.Enrolment, cancellationToken)));
            }
        }

        Rows = rows;
    }
}
