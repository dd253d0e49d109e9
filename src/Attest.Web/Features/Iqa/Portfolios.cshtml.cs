using Attest.Core.Data;
using Attest.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Iqa;

/// <summary>Every portfolio of the centre (the IQA samples any of them), a page at a time: searched, filtered by qualification, assessor, standing and unit status, and sorted.</summary>
public sealed class PortfoliosModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    /// <summary>The search, filters, sort and page, from the query string.</summary>
    [FromQuery]
    public LearnerQuery List { get; set; } = new();

    public LearnerPage Found { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Where this reader opens a unit.</summary>
    public string UnitsUnder => "/Iqa";

    public IReadOnlyList<LearnerRow> Rows => Found.Rows;

    // The centre's query filter scopes enrolments to the IQA's centre; within it, the IQA sees every portfolio.
    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Found = await db.Enrolments.TrackedPageAsync(db, catalogue, List, Today, "/Iqa/Portfolios", cancellationToken);
}
