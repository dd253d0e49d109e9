using Attest.Core.Data;
using Attest.Core.Qualifications;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate;

public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue) : PageModel
{
    public sealed record EnrolmentView(Guid Id, QualificationSpec Qualification, IReadOnlyList<UnitStanding> Units);

    public IReadOnlyList<EnrolmentView> Enrolments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Units)
            .Where(e => db.Candidates.Any(c => c.Id == e.CandidateId && c.UserId == userId))
            .OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        var views = new List<EnrolmentView>();
        foreach (var enrolment in enrolments)
        {
            var qualification = catalogue.Find(enrolment.QualificationCode);
            if (qualification is not null)
            {
                views.Add(new EnrolmentView(enrolment.Id, qualification, await EnrolmentProgress.ForEnrolmentAsync(db, qualification, enrolment, cancellationToken)));
            }
        }

        Enrolments = views;
    }
}
