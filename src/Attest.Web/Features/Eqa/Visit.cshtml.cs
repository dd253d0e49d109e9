using Attest.Core.Centres;
using Attest.Core.Data;
using Attest.Core.Ledger;
using Attest.Core.Quality;
using Attest.Web.Features.Shared;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Eqa;

/// <summary>
/// The EQA inside an open visit: the sample with links to each portfolio, portfolios they add to the sample, and their
/// report. Outside the window, or for another EQA's visit, there is no such page (404).
/// </summary>
public sealed class VisitModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel, IRedisplayable
{
    [FromRoute]
    public Guid VisitId { get; set; }

    [FromQuery]
    public LearnerQuery List { get; set; } = new();

    [FromQuery(Name = VisitView.SamplePageParameter)]
    public string? SamplePage { get; set; }

    public VisitDetailsModel Details { get; private set; } = null!;

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await TryLoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostSampleAsync(Guid[] enrolmentIds, CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var names = await VisitSamples.AddAsync(db, Details.View.Visit, enrolmentIds, Roles.Eqa, User.UserId(), clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (names is null)
        {
            return NotFound();
        }

        TempData["Success"] = VisitSamples.Added(names, "your");
        return Redirect(List.Link($"/Eqa/Visits/{VisitId}", 1));
    }

    public async Task<IActionResult> OnPostReportAsync(CancellationToken cancellationToken)
    {
        if (!await TryLoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var report = EqaReport.Write(Details.View.Visit, Input.Findings, Input.Actions, Input.Sanction, User.UserId(), User.DisplayName(), now);

        db.EqaReports.Add(report);
        db.Sign(report, Roles.Eqa, User.UserId(), User.DisplayName(), now);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = "Your report is signed and kept.";
        return Redirect($"/Eqa/Visits/{VisitId}");
    }

    public async Task LoadAsync(CancellationToken cancellationToken) => await TryLoadAsync(cancellationToken);

    private async Task<bool> TryLoadAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var view = await VisitView.LoadAsync(db, catalogue, VisitId, eqaOnly: User.UserId(), List, SamplePage, $"/Eqa/Visits/{VisitId}", DateOnly.FromDateTime(now), cancellationToken);
        if (view is null || !view.Visit.IsOpen(now))
        {
            return false;
        }

        Details = new VisitDetailsModel(view, now, LinkPortfolios: true, CanAdd: true, ShowLog: false, await LedgerVerifier.StatesAsync(db, [.. view.Reports], cancellationToken));
        return true;
    }
}

public sealed class ReportInput
{
    public string? Findings { get; set; }

    public string? Actions { get; set; }

    public EqaSanction Sanction { get; set; }
}
