using Attest.Core.Data;
using Attest.Web.Features.Tracking;
using Attest.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Attest.Web.Features.Employer.Apprentices;

/// <summary>One of the line manager's apprentices: the apprenticeship, progress by unit and what is still to do. Anyone else's apprentice is 404.</summary>
public sealed class ApprenticeModel(AttestDbContext db, Core.Qualifications.Catalogue catalogue, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid EnrolmentId { get; set; }

    public EnrolmentTracking Tracking { get; private set; } = null!;

    public Core.Apprenticeships.Apprenticeship Apprenticeship { get; private set; } = null!;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await TrackingQueries.LoadAsync(db, catalogue, EmployerScope.ApprenticesOf(db, User.UserId()).Where(e => e.Id == EnrolmentId), Today, cancellationToken);
        if (found.Count == 0)
        {
            return NotFound();
        }

        Tracking = found[0];
        Apprenticeship = await db.Apprenticeships.AsNoTracking().SingleAsync(a => a.EnrolmentId == EnrolmentId, cancellationToken);
        return Page();
    }
}
