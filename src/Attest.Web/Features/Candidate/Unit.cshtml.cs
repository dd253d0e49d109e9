using Attest.Core.Data;
using Attest.Web.Features.Progress;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Candidate;

public sealed class UnitModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue) : PageModel
{
    public UnitView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, string unitCode, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var view = await UnitView.LoadAsync(db, catalogue, enrolmentId, unitCode, e => db.Candidates.Any(c => c.Id == e.CandidateId && c.UserId == userId), cancellationToken);
        if (view is null)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }
}
