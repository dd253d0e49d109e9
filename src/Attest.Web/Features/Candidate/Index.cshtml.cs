using Attest.Core.Data;
using Attest.Web.Features.Evidence;
using Attest.Web.Features.Tracking;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Attest.Web.Features.Candidate;

/// <summary>The candidate's own qualifications: units, criteria met, what is missing, the next review and the forecast.</summary>
public sealed class IndexModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    public IReadOnlyList<EnrolmentTracking> Enrolments { get; private set; } = [];

    /// <summary>The enrolments that are apprenticeships, whose off-the-job log the candidate keeps.</summary>
    public IReadOnlySet<Guid> Apprenticeships { get; private set; } = new HashSet<Guid>();

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Enrolments = await TrackingQueries.LoadAsync(db, catalogue, db.OwnEnrolments(User), Today, cancellationToken);
        Apprenticeships = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.OwnEnrolments(User).Where(e => db.Apprenticeships.Any(a => a.EnrolmentId == e.Id)).Select(e => e.Id), cancellationToken)).ToHashSet();
    }
}
