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

        var name = await VisitSamples.AddAsync(db, Details.View.Visit, enrolmentId, Roles.CentreAdmin, User.UserId(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (name is null)
        {
            return NotFound();
        }

        TempData["Success"] = $"{name}'s portfolio is in the sample.";
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
