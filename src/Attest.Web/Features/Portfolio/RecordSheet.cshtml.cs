using Attest.Core.Assessment;
using Attest.Core.Data;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Progress;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Portfolio;

/// <summary>
/// The evidence record sheet of a signed-off unit as a PDF (seed 004: "your assessor ... must confirm this by signing
/// an evidence record sheet for that unit"), for whoever may see the portfolio.
/// </summary>
public sealed class RecordSheetModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid enrolmentId, string unitCode, CancellationToken cancellationToken)
    {
        var enrolments = db.VisibleEnrolments(User, clock.GetUtcNow().UtcDateTime);
        var view = await UnitView.LoadAsync(db, catalogue, enrolmentId, unitCode, e => enrolments.Any(v => v.Id == e.Id), cancellationToken);
        if (view?.SignOff is not { Outcome: UnitOutcome.Competent })
        {
            return NotFound();
        }

        var candidate = await db.Candidates.AsNoTracking().SingleAsync(c => c.Id == view.Enrolment.CandidateId, cancellationToken);
        var centre = await db.Centres.AsNoTracking().SingleAsync(c => c.Id == view.Enrolment.CentreId, cancellationToken);
        using var pdf = new MemoryStream();
        await RecordSheetPdf.WriteAsync(view, candidate, centre, pdf, cancellationToken);
        return File(pdf.ToArray(), "application/pdf", $"record-sheet-{view.Standing.Unit.Code}.pdf");
    }
}
