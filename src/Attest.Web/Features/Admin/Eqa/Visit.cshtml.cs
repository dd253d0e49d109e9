using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Web.Features.Eqa;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Eqa;

/// <summary>The centre's view of a visit: choose the sample, read the reports and what the EQA opened.</summary>
public sealed class VisitModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid VisitId { get; set; }

    public VisitDetailsModel Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSampleAsync(Guid enrolmentId, CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var enrolment = await db.Enrolments.Where(e => e.Id == enrolmentId).Join(db.Candidates, e => e.CandidateId, c => c.Id, (e, c) => new { e.Id, c.GivenName, c.FamilyName, CandidateId = c.Id })
            .SingleOrDefaultAsync(cancellationToken);
        if (enrolment is null)
        {
            return NotFound();
        }

        db.EqaVisitSamples.Add(Details.View.Visit.AddSample(enrolment.Id, enrolment.CandidateId, $"{enrolment.GivenName} {enrolment.FamilyName}", Roles.CentreAdmin, User.UserId(), clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = $"{enrolment.GivenName} {enrolment.FamilyName}'s portfolio is in the sample.";
        return Redirect($"/Admin/Eqa/{VisitId}");
    }

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var view = await VisitView.LoadAsync(db, catalogue, VisitId, eqaOnly: null, cancellationToken);
        if (view is null)
        {
            return false;
        }

        Details = new VisitDetailsModel(view, clock.GetUtcNow().UtcDateTime, LinkPortfolios: false, CanAdd: true, ShowLog: true,
            await LedgerVerifier.StatesAsync(db, [.. view.Reports], cancellationToken));
        return true;
    }
}
