using Attest.Core.Data;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Candidate;

public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue) : PageModel
{
    public IReadOnlyList<EnrolmentStanding> Enrolments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Units)
            .Where(e => db.Candidates.Any(c => c.Id == e.CandidateId && c.UserId == userId))
            .OrderBy(e => e.CreatedAt).ToListAsync(cancellationToken);
        Enrolments = await EnrolmentProgress.ForEnrolmentsAsync(db, catalogue, enrolments, cancellationToken);
    }
}
