using Attest.Core.Data;
using Attest.Web.Features.Planning;
using Attest.Web.Features.Tracking;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Assessor;

/// <summary>The candidates assigned to this assessor, and only those: pace against the planned end, plans that need attention, criteria awaiting a decision.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public sealed record Row(EnrolmentTracking Tracking, IReadOnlyList<PlanningOverview.Attention> Plans);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var tracked = await TrackingQueries.LoadAsync(db, catalogue, db.Enrolments.Where(e => e.AssessorId == userId), Today, cancellationToken);
        var attention = (await PlanningOverview.NeedingAttentionAsync(db, [.. tracked.Select(t => t.Track.EnrolmentId)], Today, cancellationToken)).ToLookup(a => a.EnrolmentId);
        Rows = [.. tracked.Select(t => new Row(t, [.. attention[t.Track.EnrolmentId]]))];
    }
}
