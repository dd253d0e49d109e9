using Attest.Core.Data;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Tracking;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Candidate;

/// <summary>The candidate's own qualifications: units, criteria met, what is missing, the next review and the forecast.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EnrolmentTracking> Enrolments { get; private set; } = [];

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Enrolments = await TrackingQueries.LoadAsync(db, catalogue, db.OwnEnrolments(User), Today, cancellationToken);
    }
}
