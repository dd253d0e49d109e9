using Attest.Core.Data;
using Attest.Web.Features.Shared;
using Attest.Web.Features.Planning;
using Attest.Web.Features.Reviews;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Assessor;

/// <summary>
/// The candidates assigned to this assessor, and only those, a page at a time and searchable by name, ULN or candidate
/// number: pace against the planned end, plans that need attention, criteria awaiting a decision, and apprentices'
/// overdue progress reviews (counted over the whole caseload, and a filter).
/// </summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    /// <summary>The search, filters, sort and page, from the query string.</summary>
    [FromQuery]
    public LearnerQuery List { get; set; } = new();

    public LearnerChoices Choices { get; private set; } = null!;

    public IReadOnlyList<LearnerRow> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    /// <summary>Where this reader opens a unit.</summary>
    public string UnitsUnder => "/Assessor";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>How many of this assessor's apprentices have a progress review overdue.</summary>
    public int ReviewsOverdue { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var caseload = db.Enrolments.Where(e => e.AssessorId == userId);
        var found = await caseload.TrackedPageAsync(db, catalogue, List, Today, "/Assessor", cancellationToken);
        (Pager, var rows, Choices) = found;
        var attention = (await PlanningOverview.NeedingAttentionAsync(db, [.. rows.Select(r => r.Track.EnrolmentId)], Today, cancellationToken)).ToLookup(a => a.EnrolmentId);
        var reviews = await ReviewStandings.OverdueAsync(db, caseload, Today, cancellationToken);
        ReviewsOverdue = reviews.Values.Count(r => r.Count > 0);
        Rows = [.. rows.Select(r => r with { Plans = [.. attention[r.Track.EnrolmentId]], Reviews = reviews.GetValueOrDefault(r.Track.EnrolmentId) })];
    }
}
