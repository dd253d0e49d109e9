using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Web.Features.Eqa;
using Attest.Web.Features.Shared;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Admin.Eqa;

/// <summary>The centre's view of a visit: choose the sample, read the reports and what the EQA opened.</summary>
public sealed class VisitModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid VisitId { get; set; }

    [FromQuery]
    public LearnerQuery List { get; set; } = new();

    [FromQuery(Name = VisitView.SamplePageParameter)]
    public string? SamplePage { get; set; }

    public VisitDetailsModel Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSampleAsync(Guid[] enrolmentIds, CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var names = await VisitSamples.AddAsync(db, Details.View.Visit, enrolmentIds, Roles.CentreAdmin, User.UserId(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (names is null)
        {
            return NotFound();
        }

        TempData["Success"] = VisitSamples.Added(names, "the");
        return Redirect(List.Link($"/Admin/Eqa/{VisitId}", 1));
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var view = await VisitView.LoadAsync(db, catalogue, VisitId, eqaOnly: null, List, SamplePage, $"/Admin/Eqa/{VisitId}", DateOnly.FromDateTime(now), cancellationToken);
        if (view is null)
        {
            return false;
        }

        Details = new VisitDetailsModel(view, now, LinkPortfolios: false, CanAdd: true, ShowLog: true,
            await LedgerVerifier.StatesAsync(db, [.. view.Reports], cancellationToken));
        return true;
    }
}
