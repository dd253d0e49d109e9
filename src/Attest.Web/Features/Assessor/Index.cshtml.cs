using Attest.Core.Data;
using Attest.Web.Features.Shared;
using Attest.Web.Features.Planning;
using Attest.Web.Features.Tracking;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Assessor;

/// <summary>The candidates assigned to this assessor, and only those, a page at a time and searchable by name, ULN or candidate number: pace against the planned end, plans that need attention, criteria awaiting a decision.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public sealed record Row(EnrolmentTracking Tracking, IReadOnlyList<PlanningOverview.Attention> Plans);

    /// <summary>The search, filters, sort and page, from the query string.</summary>
    [FromQuery]
    public LearnerQuery List { get; set; } = new();

    public LearnerChoices Choices { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public Pager Pager { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var caseload = db.Enrolments.Where(e => e.AssessorId == userId);
        (Pager, var tracked) = await caseload.TrackedPageAsync(db, catalogue, List, Today, "/Assessor", cancellationToken);
        var attention = (await PlanningOverview.NeedingAttentionAsync(db, [.. tracked.Select(t => t.Track.EnrolmentId)], Today, cancellationToken)).ToLookup(a => a.EnrolmentId);
        Rows = [.. tracked.Select(t => new Row(t, [.. attention[t.Track.EnrolmentId]]))];
        Choices = await caseload.ChoicesAsync(db, catalogue, cancellationToken);
    }
}
